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
import express, { type RequestHandler, type Response } from 'express';
import {
  BRIDGE_PATHS,
  BRIDGE_PROTOCOL_VERSION,
  BRIDGE_SERVICE_NAME,
  challengePort,
  HealthChallenge,
  type HealthProofResponse,
} from '../../shared/bridge-protocol';
import type { BridgeConfig } from '../config';
import type { Logger } from '../log';
import type { BridgeServices } from '../services/types';
import { errorMiddleware, HttpError, SECURITY_HEADERS, sendEmpty, sendJson } from './errors';
import {
  AuthFailureLimiter,
  bearerMatches,
  healthProof,
  hostAllowed,
  originAllowed,
  originlessExtensionGet,
} from './guard';
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

  const route = (res: Response, label: string) => {
    res.locals.route = label;
  };
  const guards: RequestHandler[] = [
    (req, res, next) => {
      const started = performance.now();
      route(res, '(unmatched)');
      for (const name in SECURITY_HEADERS) res.setHeader(name, SECURITY_HEADERS[name]!);
      res.on('finish', () => {
        logger.log(res.statusCode >= 400 ? 'warn' : 'debug', 'http.request', {
          method: req.method,
          route: String(res.locals.route),
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        });
      });
      next();
    },
    // 1. DNS rebinding: exactly one Host, naming loopback on our port.
    (req, res, next) => {
      const hosts = req.rawHeaders.filter((h, i) => i % 2 === 0 && /^host$/i.test(h)).length;
      if (hosts === 1 && hostAllowed(req.headers.host, port)) return next();
      route(res, '(bad host)');
      sendEmpty(res, 403);
    },
    // 2. Only the extension (missing/null Origin, the console's own and other extensions refused).
    (req, res, next) => {
      // Chrome omits Origin on the extension's own GETs (host permission): see guard.ts.
      if (
        originAllowed(req.headers.origin, config.allowedExtensionIds) ||
        originlessExtensionGet(req.method, req.headers)
      ) {
        return next();
      }
      route(res, '(bad origin)');
      sendEmpty(res, 403);
    },
    // 3. Prove, then trust: the challenge is answered before (and without) the token, so the
    // extension never sends its token to a program that has not proven it knows it.
    (req, res, next) => {
      if (req.method !== 'GET' || !req.url.startsWith(`${BRIDGE_PATHS.health}?`)) return next();
      const challenge = new URLSearchParams(req.url.slice(BRIDGE_PATHS.health.length + 1)).getAll('challenge');
      if (challenge.length === 0) return next();
      route(res, `${BRIDGE_PATHS.health}?challenge`);
      const parsed = HealthChallenge.safeParse(challenge.length === 1 ? challenge[0] : '');
      if (!parsed.success) throw new HttpError(400, 'bad_request', 'challenge: <port>.<32–128 lower-case hex>');
      // A challenge meant for another port is someone relaying it here: no proof for it.
      const bound = challengePort(parsed.data);
      if (bound !== null && bound !== port) throw new HttpError(400, 'bad_request', 'challenge names another port');
      const body: HealthProofResponse = {
        service: BRIDGE_SERVICE_NAME,
        protocolVersion: BRIDGE_PROTOCOL_VERSION,
        proof: healthProof(config.token, parsed.data),
      };
      sendJson(res, 200, body);
    },
    // 4. The token, in constant time. Only wrong tokens are slowed; the right one is always served.
    (req, res, next) => {
      if (bearerMatches(req.headers.authorization, config.token)) return next();
      const lockedFor = limiter.lockedFor();
      if (lockedFor > 0) {
        route(res, '(locked out)');
        throw new HttpError(429, 'too_many_attempts', 'Too many failed attempts; try again later', undefined, {
          'Retry-After': String(Math.ceil(lockedFor / 1000)),
        });
      }
      limiter.recordFailure();
      route(res, '(bad token)');
      throw new HttpError(401, 'unauthorized', 'Missing or wrong bearer token', undefined, {
        'WWW-Authenticate': 'Bearer',
      });
    },
    // 5. A path, nothing else (no absolute-form target naming another host, no `//`).
    (req, _res, next) => {
      if (!req.url.startsWith('/') || req.url.startsWith('//')) {
        throw new HttpError(400, 'bad_request', 'Request target must be a path');
      }
      next();
    },
  ];

  app.use(...guards);
  app.use(bridgeRoutes(services, limits, logger, bridge, sseClients));
  app.use((_req, res) => {
    route(res, '(not found)');
    throw new HttpError(404, 'not_found', 'No such endpoint');
  });
  app.use(errorMiddleware(logger));

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
