/**
 * The bridge's HTTP calls, as the background makes them (issue 5). No `browser.*` here and an
 * injectable fetch, so the same code is tested in Node against the real bridge and a squatter.
 *
 * Trust: the health challenge carries no token; nothing else goes to a program that has not just
 * answered it with hex(HMAC-SHA256(token, challenge)) (shared/bridge-protocol verifyHealthProof).
 * Every call refuses redirects, sends no cookies, caches nothing, has a timeout and reads at most
 * a bounded body, so a squatter on the port can neither stall nor flood the worker.
 */
import {
  BRIDGE_PATHS,
  BridgeErrorBody,
  type CardStatus,
  CardStatus as CardStatusSchema,
  createCardEventParser,
  createHealthChallenge,
  HealthProofResponse,
  HealthResponse,
  type JournalPdfRequest,
  JournalPdfResponse,
  verifyHealthProof,
} from '../../shared/bridge-protocol';
import type { BridgeEndpoint } from '../lib/bridge-settings';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export const HEALTH_TIMEOUT_MS = 3_000;
export const CARD_TIMEOUT_MS = 3_000;
export const PDF_TIMEOUT_MS = 30_000;
/** Largest answer body read from the bridge (a PDF reply is < 1 KB; a card status < 2 KB). */
export const MAX_ANSWER_BYTES = 64 * 1024;

export function bridgeUrl(port: number, path: string, query?: Record<string, string>): string {
  const url = new URL(`http://127.0.0.1:${port}${path}`);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  return url.toString();
}

/**
 * The request options every bridge call uses (Origin is set by the browser itself). `null`: no
 * token at all (the health challenge, sent before the bridge has proven itself).
 */
export function bridgeInit(token: string | null, init: { method?: 'GET' | 'POST'; body?: string } = {}): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  return {
    method: init.method ?? 'GET',
    headers,
    body: init.body,
    redirect: 'error',
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
  };
}

/** SSE reconnect delay: 1 s doubling to 30 s, ±20 % jitter so many tabs/profiles do not align. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, Math.min(attempt, 10)));
  return Math.round(base * (0.8 + 0.4 * random()));
}

async function withTimeout<T>(
  timeoutMs: number,
  outer: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  const onOuter = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuter);
  try {
    return await run(controller.signal);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
}

/** The body as text, at most `max` bytes (more → null, and the stream is cancelled). */
export async function readLimited(response: Response, max = MAX_ANSWER_BYTES): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await readLimited(response);
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isTimeout(err: unknown): boolean {
  return err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

// ---------------------------------------------------------------------------------------------
// Health: is the program on the port our bridge?

export type HealthOutcome =
  | { kind: 'trusted' }
  /** Nobody answered (or not in time). */
  | { kind: 'unreachable'; detail: 'no-answer' | 'timeout' }
  /**
   * Something answered without a valid proof: proof-failed (a squatter, a bridge with another
   * token, an older bridge) or refused (403: Host/Origin refused). It never saw the token.
   */
  | { kind: 'untrusted'; reason: 'proof-failed' | 'refused' };

/**
 * Prove, then trust: the challenge goes out with no token at all, so a program squatting the
 * port learns nothing; only a valid proof makes the bridge trusted for the calls that follow.
 */
export async function checkHealth(
  endpoint: Pick<BridgeEndpoint, 'token' | 'port'>,
  fetchImpl: FetchLike,
  options: { challenge?: string; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<HealthOutcome> {
  // Bound to the port asked: a bridge elsewhere refuses it, so a relayed proof cannot pass.
  const challenge = options.challenge ?? createHealthChallenge(endpoint.port);
  const timeoutMs = options.timeoutMs ?? HEALTH_TIMEOUT_MS;
  let response: Response;
  try {
    response = await withTimeout(timeoutMs, options.signal, (signal) =>
      fetchImpl(bridgeUrl(endpoint.port, BRIDGE_PATHS.health, { challenge }), { ...bridgeInit(null), signal }),
    );
  } catch (err) {
    return { kind: 'unreachable', detail: isTimeout(err) ? 'timeout' : 'no-answer' };
  }
  if (response.status === 403) {
    await response.body?.cancel().catch(() => {});
    return { kind: 'untrusted', reason: 'refused' };
  }
  let body: unknown;
  try {
    body = await withTimeout(timeoutMs, options.signal, () => readJson(response));
  } catch {
    return { kind: 'untrusted', reason: 'proof-failed' };
  }
  const parsed = HealthProofResponse.safeParse(body);
  if (!response.ok || !parsed.success) return { kind: 'untrusted', reason: 'proof-failed' };
  const valid = await verifyHealthProof(endpoint.token, challenge, parsed.data.proof);
  return valid ? { kind: 'trusted' } : { kind: 'untrusted', reason: 'proof-failed' };
}

/** The proven bridge's version (`GET /v1/health` with the token); null when it does not say. */
export async function fetchVersion(endpoint: Pick<BridgeEndpoint, 'token' | 'port'>, fetchImpl: FetchLike) {
  try {
    return await withTimeout(HEALTH_TIMEOUT_MS, undefined, async (signal) => {
      const init = { ...bridgeInit(endpoint.token), signal };
      const response = await fetchImpl(bridgeUrl(endpoint.port, BRIDGE_PATHS.health), init);
      const parsed = HealthResponse.safeParse(await readJson(response));
      return response.ok && parsed.success ? parsed.data.version : null;
    });
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The card

export async function fetchCard(
  endpoint: Pick<BridgeEndpoint, 'token' | 'port'>,
  fetchImpl: FetchLike,
  signal?: AbortSignal,
): Promise<CardStatus | null> {
  try {
    return await withTimeout(CARD_TIMEOUT_MS, signal, async (s) => {
      const response = await fetchImpl(bridgeUrl(endpoint.port, BRIDGE_PATHS.card), {
        ...bridgeInit(endpoint.token),
        signal: s,
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        return null;
      }
      const parsed = CardStatusSchema.safeParse(await readJson(response));
      return parsed.success ? parsed.data : null;
    });
  } catch {
    return null;
  }
}

/**
 * Reads the SSE card events until the stream ends or `signal` aborts. `onChunk` is called for
 * every chunk, keep-alive comments too (the client uses it to keep the worker awake while
 * connected). Resolves when the stream ended; rejects when it could not be opened.
 */
export async function streamCardEvents(
  endpoint: Pick<BridgeEndpoint, 'token' | 'port'>,
  fetchImpl: FetchLike,
  handlers: { onStatus(status: CardStatus): void; onChunk?(): void; onOpen?(): void },
  signal: AbortSignal,
): Promise<void> {
  const init = bridgeInit(endpoint.token);
  // One controller for the whole stream: the caller's signal ends it; a timer only until the
  // response head arrived (the stream itself lives as long as the connection).
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort);
  const openTimer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), CARD_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetchImpl(bridgeUrl(endpoint.port, BRIDGE_PATHS.cardEvents), {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Accept: 'text/event-stream' },
      signal: controller.signal,
    });
  } catch (err) {
    signal.removeEventListener('abort', onAbort);
    throw err;
  } finally {
    clearTimeout(openTimer);
  }
  if (!response.ok || !response.body || !/^text\/event-stream\b/i.test(response.headers.get('content-type') ?? '')) {
    await response.body?.cancel().catch(() => {});
    signal.removeEventListener('abort', onAbort);
    throw new Error(`card events: HTTP ${response.status}`);
  }
  handlers.onOpen?.();
  const parse = createCardEventParser(handlers.onStatus);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const stop = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', stop);
  // One SSE block is a few hundred bytes; a "block" that never ends is a misbehaving peer.
  let pending = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal.aborted) return;
      pending = value.includes('\n\n') ? value.length - value.lastIndexOf('\n\n') : pending + value.length;
      if (pending > MAX_ANSWER_BYTES) throw new Error('card events: oversized event');
      handlers.onChunk?.();
      parse(value);
    }
  } finally {
    signal.removeEventListener('abort', stop);
    signal.removeEventListener('abort', onAbort);
  }
}

// ---------------------------------------------------------------------------------------------
// PDF export

export type ExportOutcome =
  | { ok: true; response: JournalPdfResponse }
  | { ok: false; status: number; body: BridgeErrorBody | null }
  | { ok: false; status: 0; body: null; timeout: boolean };

export async function postJournal(
  endpoint: Pick<BridgeEndpoint, 'token' | 'port'>,
  request: JournalPdfRequest,
  fetchImpl: FetchLike,
): Promise<ExportOutcome> {
  try {
    return await withTimeout(PDF_TIMEOUT_MS, undefined, async (signal) => {
      const response = await fetchImpl(bridgeUrl(endpoint.port, BRIDGE_PATHS.pdfJournal), {
        ...bridgeInit(endpoint.token, { method: 'POST', body: JSON.stringify(request) }),
        signal,
      });
      const body = await readJson(response);
      if (response.ok) {
        const parsed = JournalPdfResponse.safeParse(body);
        return parsed.success
          ? { ok: true as const, response: parsed.data }
          : { ok: false as const, status: 502, body: null };
      }
      const error = BridgeErrorBody.safeParse(body);
      return { ok: false as const, status: response.status, body: error.success ? error.data : null };
    });
  } catch (err) {
    return { ok: false, status: 0, body: null, timeout: isTimeout(err) };
  }
}
