/**
 * The endpoints, behind the guards of server.ts. Paths match exactly (case-sensitive, no trailing
 * slash, no percent-decoding); a known path with another method is 405 with `Allow`.
 */
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import {
  BRIDGE_PATHS,
  BRIDGE_PROTOCOL_VERSION,
  BRIDGE_SERVICE_NAME,
  CARD_EVENT_NAME,
  type CardStatus,
  type HealthResponse,
  JournalPdfRequest,
} from '../../shared/bridge-protocol';
import type { BridgeLimits } from '../config';
import type { Logger } from '../log';
import { isDefaultFileName } from '../pdf/export-path';
import type { BridgeServices, CardChangeMeta } from '../services/types';
import { HttpError, SECURITY_HEADERS, sendJson } from './errors';
import { isJsonContentType } from './guard';

export interface RouteHooks {
  /** For the bench: called after each SSE event was written (change meta + write time). */
  onSseWrite?: (status: CardStatus, meta: CardChangeMeta, writtenAt: number) => void;
}

export function bridgeRoutes(
  services: BridgeServices,
  limits: BridgeLimits,
  logger: Logger,
  hooks: RouteHooks,
  sseClients: Set<Response>,
): Router {
  const router = Router({ caseSensitive: true, strict: true });
  const table: Record<string, Partial<Record<'GET' | 'POST', RequestHandler[]>>> = {
    [BRIDGE_PATHS.health]: {
      GET: [
        (_req, res) => {
          const body: HealthResponse = {
            ok: true,
            service: BRIDGE_SERVICE_NAME,
            protocolVersion: BRIDGE_PROTOCOL_VERSION,
            version: services.version,
          };
          sendJson(res, 200, body);
        },
      ],
    },
    [BRIDGE_PATHS.card]: { GET: [(_req, res) => sendJson(res, 200, services.card.current())] },
    [BRIDGE_PATHS.cardEvents]: { GET: [(req, res) => cardEvents(req, res)] },
    [BRIDGE_PATHS.pdfJournal]: {
      POST: [
        (req, _res, next) => {
          if (!isJsonContentType(req.headers)) {
            throw new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json');
          }
          next();
        },
        // strict: objects and arrays only; no inflating (a compressed body is refused, 415).
        express.json({ limit: limits.maxBodyBytes, strict: true, inflate: false, type: () => true }),
        async (req, res) => {
          const request = validated(req.body);
          const result = await services.pdf.exportJournal(request);
          // A name the request chose could carry anything: only the bridge's own style is logged.
          const file = isDefaultFileName(result.fileName) ? result.fileName : '(name from the request)';
          logger.log('info', 'pdf.exported', { bytes: result.bytes, pages: result.pages, file });
          sendJson(res, 200, result);
        },
      ],
    },
  };

  for (const [path, methods] of Object.entries(table)) {
    const allow = Object.keys(methods).join(', ');
    const notAllowed: RequestHandler = () => {
      throw new HttpError(405, 'method_not_allowed', `Use ${allow}`, undefined, { Allow: allow });
    };
    // Express answers HEAD with the GET handler unless HEAD has its own: it does not here.
    const label: RequestHandler = (_req, res, next) => {
      res.locals.route = path;
      next();
    };
    const route = router.route(path).all(label).head(notAllowed);
    if (methods.GET) route.get(...methods.GET);
    if (methods.POST) route.post(...methods.POST);
    route.all(notAllowed);
  }
  return router;

  function cardEvents(req: Request, res: Response): void {
    if (sseClients.size >= limits.maxSseClients) {
      throw new HttpError(429, 'too_many_streams', 'Too many event streams open');
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
      hooks.onSseWrite?.(status, meta, performance.now());
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
  }
}

function validated(body: unknown): JournalPdfRequest {
  if (body === undefined) throw new HttpError(400, 'invalid_json', 'Request body is empty; expected a JSON object');
  const parsed = JournalPdfRequest.safeParse(body);
  if (parsed.success) return parsed.data;
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
