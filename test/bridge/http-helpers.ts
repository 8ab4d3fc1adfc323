/**
 * Helpers for the bridge's tests: raw loopback requests (node:http with a free Host/Origin, or a
 * raw socket), a bridge started on a free port with stub services.
 */
import http from 'node:http';
import net from 'node:net';
import { type BridgeConfig, DEFAULT_LIMITS } from '../../bridge/config';
import { type BridgeServer, startBridgeServer } from '../../bridge/http/server';
import { type Logger, silentLogger } from '../../bridge/log';
import type { BridgeServices, CardChangeMeta } from '../../bridge/services/types';
import type { CardStatus, JournalPdfResponse } from '../../shared/bridge-protocol';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';

export const TEST_TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';
export const ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}`;

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  port: number;
  method?: string;
  path?: string;
  /** `null` removes the header; default: a valid request. */
  host?: string | null;
  origin?: string | null;
  authorization?: string | null;
  contentType?: string | null;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body chunked (no Content-Length). */
  chunked?: boolean;
}

export function send(opts: RequestOptions): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  const host = opts.host === undefined ? `127.0.0.1:${opts.port}` : opts.host;
  if (host !== null) headers.Host = host;
  const origin = opts.origin === undefined ? ORIGIN : opts.origin;
  if (origin !== null) headers.Origin = origin;
  const auth = opts.authorization === undefined ? `Bearer ${TEST_TOKEN}` : opts.authorization;
  if (auth !== null) headers.Authorization = auth;
  if (opts.contentType) headers['Content-Type'] = opts.contentType;
  if (opts.body !== undefined && !opts.chunked) headers['Content-Length'] = String(Buffer.byteLength(opts.body));
  Object.assign(headers, opts.headers);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: opts.port,
        method: opts.method ?? 'GET',
        path: opts.path ?? '/v1/health',
        headers,
        setHost: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

/** Writes `data` on a raw socket and collects everything until the server closes it. */
export function rawExchange(
  port: number,
  data: string | Buffer,
  opts: { keepOpenMs?: number; maxWaitMs?: number } = {},
): Promise<{ received: string; closedAfterMs: number; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect({ host: '127.0.0.1', port });
    let received = '';
    let closedByServer = false;
    const timer = setTimeout(() => socket.destroy(), opts.maxWaitMs ?? 5_000);
    socket.on('connect', () => socket.write(data));
    socket.on('data', (c) => {
      received += c.toString('latin1');
    });
    socket.on('end', () => {
      closedByServer = true;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ received, closedAfterMs: Date.now() - started, closedByServer });
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNRESET') closedByServer = true;
      else reject(err);
    });
  });
}

export class StubCard {
  status: CardStatus = { state: 'NO_CARD', readers: ['Virtual PCD 00 00'], since: new Date(0).toISOString() };
  private listeners = new Set<(s: CardStatus, m: CardChangeMeta) => void>();
  current(): CardStatus {
    return this.status;
  }
  subscribe(listener: (s: CardStatus, m: CardChangeMeta) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(status: CardStatus): void {
    this.status = status;
    for (const l of this.listeners) l(status, { detectedAt: performance.now() });
  }
  get listenerCount(): number {
    return this.listeners.size;
  }
}

export function testConfig(overrides: Partial<BridgeConfig> = {}): BridgeConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    portFallbacks: 0,
    token: TEST_TOKEN,
    allowedExtensionIds: [CHROME_EXTENSION_ID],
    exportDir: '/nonexistent',
    tokenFile: '/nonexistent/token',
    discoveryFile: null,
    trustAnchors: [],
    limits: {
      ...DEFAULT_LIMITS,
      headersTimeoutMs: 600,
      requestTimeoutMs: 1_200,
      connectionsCheckingIntervalMs: 100,
      authMaxFailures: 1_000,
      ...overrides.limits,
    },
    ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== 'limits')),
  };
}

export async function startStubBridge(
  overrides: Partial<BridgeConfig> = {},
  services: Partial<BridgeServices> = {},
  logger: Logger = silentLogger,
): Promise<{ bridge: BridgeServer; card: StubCard; exported: unknown[] }> {
  const card = new StubCard();
  const exported: unknown[] = [];
  const stubResponse: JournalPdfResponse = {
    fileName: 'journal-test.pdf',
    path: '/tmp/journal-test.pdf',
    bytes: 1000,
    pages: 1,
    noteSha256: '0'.repeat(64),
    clinicianSource: 'none',
    clinicianVerified: false,
  };
  const bridge = await startBridgeServer(
    testConfig(overrides),
    {
      version: '0.0.0-test',
      card,
      pdf: {
        exportJournal: async (r) => {
          exported.push(r);
          return stubResponse;
        },
      },
      ...services,
    },
    logger,
  );
  return { bridge, card, exported };
}
