/**
 * The HTTP layer: express 5 on node:http, the security checks first, then the routes.
 *
 * Order for every request: Host (403, empty) → Origin (403, empty) → health challenge (answered
 * without the token) → Bearer token (401; a wrong one gets 429 while locked out, the right one
 * never) → request target (400) → route (404) → method (405) → Content-Type (415) → size (413)
 * → JSON (400) → schema (400) → service. Timeouts and malformed HTTP are node:http's, below.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express, { type Response } from 'express';
import type { BridgeConfig } from '../config';
import type { Logger } from '../log';
import type { BridgeServices } from '../services/types';
import { errorMiddleware, HttpError } from './errors';
import { AuthFailureLimiter } from './guard';
import { routeLabel, securityGuards } from './middleware';
import { bridgeRoutes, type RouteHooks } from './routes';

export interface BridgeServer extends RouteHooks {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startBridgeServer(
  config: BridgeConfig,
  services: BridgeServices,
  logger: Logger,
): Promise<BridgeServer> {
  const { limits } = config;
  const limiter = new AuthFailureLimiter(limits.authMaxFailures, limits.authWindowMs, limits.authLockoutMs);
  const sseClients = new Set<Response>();
  let port = config.port;
  const bridge: BridgeServer = {
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    close: async () => {},
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(...securityGuards(config, limiter, logger, () => port));
  app.use(bridgeRoutes(services, limits, logger, bridge, sseClients));
  app.use((_req, res) => {
    routeLabel(res, '(not found)');
    throw new HttpError(404, 'not_found', 'No such endpoint');
  });
  app.use(errorMiddleware(logger));

  const server = nodeServer(app, limits, logger);

  port = await listen(server, config);
  logger.log('info', 'bridge.listening', { port });

  bridge.close = () =>
    new Promise<void>((resolve) => {
      for (const res of sseClients) res.end();
      sseClients.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return bridge;
}

/** The first free port of `port … port + portFallbacks` (another user's bridge may hold 47121). */
async function listen(server: http.Server, config: BridgeConfig): Promise<number> {
  const last = config.port === 0 ? 0 : Math.min(65535, config.port + config.portFallbacks);
  for (let candidate = config.port; ; candidate++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: config.host, port: candidate, exclusive: true }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || candidate >= last) throw err;
    }
  }
}

/** node:http with the bridge's limits: timeouts, header size and count, malformed requests dropped. */
function nodeServer(app: http.RequestListener, limits: BridgeConfig['limits'], logger: Logger): http.Server {
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.connectionsCheckingIntervalMs,
      maxHeaderSize: 16 * 1024,
      // A missing Host gets our own 403 instead of Node's 400.
      requireHostHeader: false,
    },
    app,
  );
  server.maxHeadersCount = 64;
  server.maxRequestsPerSocket = 1000;
  // Malformed HTTP: answer 400 with no body when the socket is still writable, then drop it.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    logger.log('warn', 'http.client_error', { code: err.code ?? 'unknown' });
    if (socket.writable && !socket.destroyed) {
      const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    }
    socket.destroy();
  });
  return server;
}
