/**
 * What leaves the bridge when a request is refused: an empty 403 for the front-door checks, else
 * `{ ok: false, code, message }` with the security headers, and the connection closed (nothing
 * more is read from a client that got an error). One error middleware maps everything thrown.
 */
import type { ErrorRequestHandler, Response } from 'express';
import type { BridgeErrorBody, BridgeErrorCode } from '../../shared/bridge-protocol';
import type { Logger } from '../log';
import { ExportFolderError } from '../pdf/export-path';
import { ClientInputError } from '../services/types';

export const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: BridgeErrorCode,
    message: string,
    readonly issues?: BridgeErrorBody['issues'],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * A JSON answer written directly: express's res.json (content negotiation, ETag and freshness
 * checks) costs more per request than the whole guard chain, and none of it applies here.
 */
export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(payload.length),
  });
  res.end(payload);
}

/** 403 with no body at all: a refused Host or Origin learns nothing, not even an error code. */
export function sendEmpty(res: Response, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Length': '0', Connection: 'close' });
  res.end();
}

export function sendError(res: Response, err: HttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body: BridgeErrorBody = { ok: false, code: err.code, message: err.message };
  if (err.issues) body.issues = err.issues;
  res
    .status(err.status)
    .set({ ...err.headers, Connection: 'close' })
    .json(body);
}

/** body-parser's error types (`err.type`) → ours. Its messages quote the body: never passed on. */
const BODY_ERRORS: Record<string, HttpError> = {
  'entity.too.large': new HttpError(413, 'payload_too_large', 'Body too large'),
  'entity.parse.failed': new HttpError(400, 'invalid_json', 'Request body is not valid JSON'),
  'encoding.unsupported': new HttpError(415, 'unsupported_media_type', 'Content-Encoding is not accepted'),
  'charset.unsupported': new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json'),
};

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof HttpError) return sendError(res, err);
    if (err instanceof ClientInputError) return sendError(res, new HttpError(400, err.code, err.message));
    if (err instanceof ExportFolderError) {
      logger.log('error', 'pdf.export_folder_refused');
      return sendError(res, new HttpError(500, err.code, 'The export folder cannot be used; see the bridge log'));
    }
    const type = (err as { type?: unknown } | null)?.type;
    if (typeof type === 'string') {
      const mapped = BODY_ERRORS[type] ?? new HttpError(400, 'bad_request', 'Request body could not be read');
      return sendError(res, mapped);
    }
    logger.log('error', 'http.unhandled', { detail: err instanceof Error ? err.name : 'unknown' });
    sendError(res, new HttpError(500, 'internal_error', 'Internal error'));
  };
}
