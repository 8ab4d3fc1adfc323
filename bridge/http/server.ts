/**
 * The HTTP layer: node:http with the security checks first, then a small router over the
 * services. No framework, so every byte that leaves the process is decided here.
 *
 * Order for every request: Host (403, empty) → Origin (403, empty) → Bearer token (401; a wrong
 * one gets 429 while locked out, the right one never) → route (404) → method (405) → Content-Type (415) → size (413) → JSON (400)
 * → schema (400) → service.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import {
  BRIDGE_PATHS,
  BRIDGE_PROTOCOL_VERSION,
  BRIDGE_SERVICE_NAME,
  type BridgeErrorBody,
  type BridgeErrorCode,
  CARD_EVENT_NAME,
  type CardStatus,
  HealthChallenge,
  type HealthProofResponse,
  type HealthResponse,
  JournalPdfRequest,
} from '../../shared/bridge-protocol';
import type { BridgeConfig } from '../config';
import type { Logger } from '../log';
import { type BridgeServices, type CardChangeMeta, ClientInputError } from '../services/types';
import {
  AuthFailureLimiter,
  bearerMatches,
  healthProof,
  hostAllowed,
  isJsonContentType,
  originAllowed,
  originlessExtensionGet,
} from './guard';

export interface BridgeServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
  /** For the bench: called after each SSE event was written (change meta + write time). */
  onSseWrite?: (status: CardStatus, meta: CardChangeMeta, writtenAt: number) => void;
}

type Handler = (ctx: RequestContext) => Promise<void> | void;
interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: BridgeErrorCode,
    message: string,
    readonly issues?: BridgeErrorBody['issues'],
  ) {
    super(message);
  }
}

function sendEmpty(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Length': '0', Connection: 'close' });
  res.end();
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(payload.length),
    ...extra,
  });
  res.end(payload);
}

function sendError(res: ServerResponse, err: HttpError, extra: Record<string, string> = {}): void {
  const body: BridgeErrorBody = { error: err.code, message: err.message };
  if (err.issues) body.issues = err.issues;
  // Errors close the connection: nothing more is read from a client that got one.
  sendJson(res, err.status, body, { Connection: 'close', ...extra });
}

/** Reads at most `limit` bytes; 413 as soon as the limit is passed (declared or streamed). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    return Promise.reject(new HttpError(413, 'payload_too_large', `Body larger than ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.pause();
        reject(new HttpError(413, 'payload_too_large', `Body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
    req.on('aborted', () => {
      if (done) return;
      done = true;
      reject(new Error('aborted'));
    });
  });
}

function parseJson<T>(raw: Buffer, schema: z.ZodType<T>): T {
  let value: unknown;
  const text = raw.toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'invalid_json', 'Request body is empty; expected a JSON object');
  try {
    value = JSON.parse(text);
  } catch {
    // Not the parser's message: it quotes the body, which may hold a patient's name or number.
    throw new HttpError(400, 'invalid_json', 'Request body is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({
      path: i.path.map(String).join('.') || '(root)',
      message: i.message.slice(0, 200),
    }));
    throw new HttpError(
      400,
      'validation_failed',
      `Request body does not match the schema: ${issues.map((i) => i.path).join(', ')}`,
      issues,
    );
  }
  return parsed.data;
}

export async function startBridgeServer(
  config: BridgeConfig,
  services: BridgeServices,
  logger: Logger,
): Promise<BridgeServer> {
  const { limits } = config;
  const limiter = new AuthFailureLimiter(limits.authMaxFailures, limits.authWindowMs, limits.authLockoutMs);
  const sseClients = new Set<ServerResponse>();
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

  const routes: Record<string, Partial<Record<string, Handler>>> = {
    [BRIDGE_PATHS.health]: {
      GET: ({ res }) => {
        const body: HealthResponse = {
          ok: true,
          service: BRIDGE_SERVICE_NAME,
          protocolVersion: BRIDGE_PROTOCOL_VERSION,
          version: services.version,
        };
        sendJson(res, 200, body);
      },
    },
    [BRIDGE_PATHS.card]: {
      GET: ({ res }) => sendJson(res, 200, services.card.current()),
    },
    [BRIDGE_PATHS.cardEvents]: {
      GET: ({ req, res }) => {
        if (sseClients.size >= limits.maxSseClients) {
          throw new HttpError(429, 'too_many_attempts', 'Too many event streams open');
        }
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/event-stream; charset=utf-8',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        });
        res.flushHeaders();
        req.socket.setNoDelay(true);
        req.socket.setTimeout(0);
        sseClients.add(res);
        const write = (status: unknown) => res.write(`event: ${CARD_EVENT_NAME}\ndata: ${JSON.stringify(status)}\n\n`);
        write(services.card.current());
        const unsubscribe = services.card.subscribe((status, meta) => {
          write(status);
          bridge.onSseWrite?.(status, meta, performance.now());
        });
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), limits.sseHeartbeatMs);
        heartbeat.unref();
        const cleanup = () => {
          clearInterval(heartbeat);
          unsubscribe();
          sseClients.delete(res);
        };
        res.on('close', cleanup);
        req.on('close', cleanup);
      },
    },
    [BRIDGE_PATHS.pdfJournal]: {
      POST: async ({ req, res }) => {
        if (!isJsonContentType(req.headers)) {
          throw new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json');
        }
        const raw = await readBody(req, limits.maxBodyBytes);
        const request = parseJson(raw, JournalPdfRequest);
        try {
          const result = await services.pdf.exportJournal(request);
          logger.log('info', 'pdf.exported', { bytes: result.bytes, pages: result.pages, file: result.fileName });
          sendJson(res, 200, result);
        } catch (err) {
          if (err instanceof ClientInputError) throw new HttpError(400, err.code, err.message);
          throw err;
        }
      },
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    let route = '(unmatched)';
    res.on('finish', () => {
      logger.log(res.statusCode >= 400 ? 'warn' : 'debug', 'http.request', {
        method: req.method,
        route,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    });

    // 1. DNS rebinding: Host names loopback on our port, else 403 with an empty body.
    if (
      !hostAllowed(req.headers.host, port) ||
      req.rawHeaders.filter((h, i) => i % 2 === 0 && /^host$/i.test(h)).length !== 1
    ) {
      route = '(bad host)';
      return sendEmpty(res, 403);
    }
    // 2. Only the extension (also refuses missing/null Origin and the Clinic console's own).
    if (
      !originAllowed(req.headers.origin, config.allowedExtensionIds) &&
      // Chrome omits Origin on the extension's own GETs (host permission): see guard.ts.
      !originlessExtensionGet(req.method, req.headers)
    ) {
      route = '(bad origin)';
      return sendEmpty(res, 403);
    }
    // 3. Prove, then trust: the health challenge is answered before (and without) the token, so
    // the extension never sends its token to a program that has not proven it knows it.
    if (req.method === 'GET' && req.url?.startsWith(`${BRIDGE_PATHS.health}?`)) {
      const challenge = new URLSearchParams(req.url.slice(BRIDGE_PATHS.health.length + 1)).getAll('challenge');
      if (challenge.length > 0) {
        route = `${BRIDGE_PATHS.health}?challenge`;
        const parsed = HealthChallenge.safeParse(challenge.length === 1 ? challenge[0] : '');
        if (!parsed.success) throw new HttpError(400, 'bad_request', 'challenge: 32–128 lower-case hex characters');
        const body: HealthProofResponse = {
          service: BRIDGE_SERVICE_NAME,
          protocolVersion: BRIDGE_PROTOCOL_VERSION,
          proof: healthProof(config.token, parsed.data),
        };
        return sendJson(res, 200, body);
      }
    }
    // 4. Token, compared in constant time. The right token is always served: a 256-bit token
    // cannot be guessed, so only wrong ones are slowed (429 while locked out).
    if (!bearerMatches(req.headers.authorization, config.token)) {
      const lockedFor = limiter.lockedFor();
      if (lockedFor > 0) {
        route = '(locked out)';
        return sendError(res, new HttpError(429, 'too_many_attempts', 'Too many failed attempts; try again later'), {
          'Retry-After': String(Math.ceil(lockedFor / 1000)),
        });
      }
      limiter.recordFailure();
      route = '(bad token)';
      return sendError(res, new HttpError(401, 'unauthorized', 'Missing or wrong bearer token'), {
        'WWW-Authenticate': 'Bearer',
      });
    }
    // 5. Route and method.
    if (!req.url?.startsWith('/') || req.url.startsWith('//')) {
      throw new HttpError(400, 'bad_request', 'Request target must be a path');
    }
    // Routes match the raw path exactly: no dot-segment or percent-decoding games.
    const rawPath = req.url.split('?')[0]!;
    const url = new URL(req.url, `http://127.0.0.1:${port}`);
    const methods = Object.hasOwn(routes, rawPath) ? routes[rawPath] : undefined;
    if (!methods) throw new HttpError(404, 'not_found', 'No such endpoint');
    route = rawPath;
    const handler = req.method ? methods[req.method] : undefined;
    if (!handler) {
      const allow = Object.keys(methods).join(', ');
      return sendError(res, new HttpError(405, 'method_not_allowed', `Use ${allow}`), { Allow: allow });
    }
    await handler({ req, res, url });
  }

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.connectionsCheckingIntervalMs,
      maxHeaderSize: 16 * 1024,
      // A missing Host gets our own 403 below instead of Node's 400.
      requireHostHeader: false,
    },
    (req, res) => {
      handle(req, res).catch((err: unknown) => {
        if (err instanceof HttpError) return sendError(res, err);
        logger.log('error', 'http.unhandled', { detail: err instanceof Error ? err.name : 'unknown' });
        if (res.headersSent) res.destroy();
        else sendError(res, new HttpError(500, 'internal_error', 'Internal error'));
      });
    },
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: config.host, port: config.port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
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
