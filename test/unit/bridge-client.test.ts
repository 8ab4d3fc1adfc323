/**
 * The extension's bridge client, its pure parts (issue 5): backoff, request building, endpoint
 * resolution, the indicator's words, and the HTTP calls against the real bridge server and
 * against squatters on loopback (Node's fetch standing in for the service worker's).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeServer } from '../../bridge/http/server';
import { exportFailure, issuePaths } from '../../extension/background/bridge-actions';
import {
  bridgeInit,
  bridgeUrl,
  checkHealth,
  type FetchLike,
  fetchCard,
  fetchVersion,
  postJournal,
  readLimited,
  reconnectDelayMs,
  streamCardEvents,
} from '../../extension/background/bridge-api';
import { nativeEndpoint, pairingEndpoint, parsePort, policyEndpoint } from '../../extension/lib/bridge-settings';
import { indicatorFor } from '../../extension/lib/bridge-status';
import type { BridgeStatus } from '../../extension/lib/bridge-status-record';
import { bridgeErrorWords } from '../../extension/lib/error-words';
import { BridgeErrorCode, type CardStatus, JournalPdfRequest } from '../../shared/bridge-protocol';
import { journalRequest } from '../bridge/fixtures';
import { ORIGIN, type StubCard, startStubBridge, TEST_TOKEN } from '../bridge/http-helpers';

/** The worker's fetch: the browser adds the extension's Origin (POST) itself; here we add it. */
const workerFetch: FetchLike = (input, init) =>
  fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: ORIGIN } });

const IDENTITY = {
  hsaId: 'TSTNMT2321000156-1019',
  name: 'Åsa Öberg-Testläkare',
  issuer: 'TEST SITHS e-id Person HSA-id 3 CA v1',
  notBefore: '2024-01-01T00:00:00.000Z',
  notAfter: '2029-01-01T00:00:00.000Z',
  verified: true,
};
const present: CardStatus = {
  state: 'CARD_PRESENT',
  reader: 'R',
  identity: IDENTITY,
  since: '2024-06-03T07:00:00.000Z',
};
const status = (s: Partial<BridgeStatus>): BridgeStatus => ({ bridge: 'ok', card: null, checkedAt: '', ...s });

describe('reconnect backoff', () => {
  it('starts at 1 s, doubles, stops at 30 s', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => reconnectDelayMs(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
  it('jitters within ±20 %', () => {
    expect(reconnectDelayMs(2, () => 0)).toBe(3200);
    expect(reconnectDelayMs(2, () => 1)).toBe(4800);
  });
});

describe('request building', () => {
  it('loopback URL with the challenge as query', () => {
    expect(bridgeUrl(47121, '/v1/health', { challenge: 'ab12' })).toBe(
      'http://127.0.0.1:47121/v1/health?challenge=ab12',
    );
  });
  it('Bearer token, no redirects, no cookies, no cache; JSON content type only with a body', () => {
    expect(bridgeInit(null).headers).toEqual({ Accept: 'application/json' });
    const get = bridgeInit('tok');
    expect(get).toMatchObject({ method: 'GET', redirect: 'error', credentials: 'omit', cache: 'no-store' });
    expect(get.headers).toEqual({ Authorization: 'Bearer tok', Accept: 'application/json' });
    const post = bridgeInit('tok', { method: 'POST', body: '{}' });
    expect(post.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });
});

describe('endpoints: native host, IT policy, pasted pairing', () => {
  const token = 'A'.repeat(43);
  it('policy: token and port, a bad port uses the default one, a malformed token nothing', () => {
    expect(policyEndpoint({ bridgeToken: token, bridgePort: 50000 })).toEqual({ token, port: 50000, source: 'policy' });
    expect(policyEndpoint({ bridgeToken: ` ${token} `, bridgePort: 80 })).toEqual({
      token,
      port: 47121,
      source: 'policy',
    });
    expect(policyEndpoint({ bridgeToken: 'short' })).toBeNull();
  });
  it('pasted pairing: malformed tokens are ignored', () => {
    expect(pairingEndpoint({ token, port: 50001, pairedAt: '' })).toEqual({ token, port: 50001, source: 'pairing' });
    expect(pairingEndpoint({ token: 'x y', port: 1 })).toBeNull();
    expect(pairingEndpoint(undefined)).toBeNull();
  });
  it('native host: only a well-formed `{ ok: true, port, token }` is believed', () => {
    expect(nativeEndpoint({ ok: true, port: 47122, token })).toEqual({ token, port: 47122, source: 'native' });
    for (const bad of [
      null,
      'x',
      { ok: false, code: 'no-bridge' },
      { ok: true, port: 80, token },
      { ok: true, port: 47121 },
    ]) {
      expect(nativeEndpoint(bad)).toBeNull();
    }
  });
  it('ports: 1024–65535, digits only', () => {
    expect([parsePort('47121'), parsePort(65535), parsePort(1023), parsePort('12a'), parsePort(4.5)]).toEqual([
      47121,
      65535,
      null,
      null,
      null,
    ]);
  });
});

describe('indicator words (what the clinician sees)', () => {
  it.each([
    [status({ bridge: 'not-paired' }), 'Ej parkopplad', 'warning'],
    [status({ bridge: 'unreachable', detail: 'no-answer' }), 'Brygga saknas', 'error'],
    [status({ bridge: 'untrusted', detail: 'proof-failed' }), 'Okänd brygga', 'error'],
    [status({ bridge: 'untrusted', detail: 'refused' }), 'Bryggan tar inte emot tillägget', 'error'],
    [status({ card: present }), `SITHS-kort isatt: ${IDENTITY.name}, ${IDENTITY.hsaId} (verifierat)`, 'ok'],
    [
      status({ card: { ...present, identity: { ...IDENTITY, verified: false, reason: 'untrusted-issuer' } } }),
      `Kort isatt: ${IDENTITY.name}, ${IDENTITY.hsaId} (läst från kortet, ej verifierat)`,
      'warning',
    ],
    [status({ card: { state: 'NO_CARD', readers: ['R'], since: '' } }), 'Inget kort', 'warning'],
    [status({ card: { state: 'NO_READERS', since: '' } }), 'Ingen kortläsare', 'warning'],
    [status({ card: { state: 'SERVICE_NOT_RUNNING', since: '' } }), 'Korttjänsten är inte igång', 'warning'],
    [
      status({ card: { state: 'UNSUPPORTED_CARD', reader: 'R', reason: 'x', since: '' } }),
      'Kortet kan inte läsas',
      'warning',
    ],
    [null, 'Bryggan kontrolleras…', 'neutral'],
  ] as const)('%#: %s → %s', (s, label, tone) => {
    expect(indicatorFor(s)).toMatchObject({ label, tone });
  });
  it('untrusted never shows card data, and tells policy users to call IT', () => {
    const s = status({ bridge: 'untrusted', detail: 'proof-failed', card: present, source: 'policy' });
    const shown = indicatorFor(s);
    expect(JSON.stringify(shown)).not.toContain(IDENTITY.hsaId);
    expect(shown.detail).toContain('Kontakta IT');
  });
});

describe('against the real bridge server (stub services)', () => {
  let server: BridgeServer;
  let card: StubCard;
  let exported: unknown[];
  const endpoint = () => ({ token: TEST_TOKEN, port: server.port });
  beforeAll(async () => {
    ({ bridge: server, card, exported } = await startStubBridge());
  });
  afterAll(async () => {
    await server.close();
  });

  it('health with a fresh challenge → trusted (the proof holds); then the version, with the token', async () => {
    expect(await checkHealth(endpoint(), workerFetch)).toEqual({ kind: 'trusted' });
    expect(await fetchVersion(endpoint(), workerFetch)).toBe('0.0.0-test');
  });
  it('another token → untrusted "proof-failed": this bridge holds a different one', async () => {
    expect(await checkHealth({ token: 'W'.repeat(43), port: server.port }, workerFetch)).toEqual({
      kind: 'untrusted',
      reason: 'proof-failed',
    });
  });
  it('GET /v1/card and the SSE stream: the current state first, then each change', async () => {
    expect(await fetchCard(endpoint(), workerFetch)).toMatchObject({ state: 'NO_CARD' });
    const seen: CardStatus[] = [];
    const controller = new AbortController();
    let chunks = 0;
    const done = streamCardEvents(
      endpoint(),
      workerFetch,
      { onStatus: (s) => seen.push(s), onChunk: () => chunks++ },
      controller.signal,
    );
    while (seen.length < 1) await new Promise((r) => setTimeout(r, 5));
    card.set(present);
    while (seen.length < 2) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await done;
    expect(seen.map((s) => s.state)).toEqual(['NO_CARD', 'CARD_PRESENT']);
    expect(chunks).toBeGreaterThanOrEqual(2);
  });
  it('POST the journal → the file name; a refused body → Swedish text with field paths only', async () => {
    const ok = await postJournal(endpoint(), journalRequest(), workerFetch);
    expect(ok).toMatchObject({ ok: true, response: { fileName: 'journal-test.pdf' } });
    expect(exported).toHaveLength(1);
    const bad = journalRequest();
    (bad.patient as { personnummer: string }).personnummer = '19900101-0000';
    const refused = await postJournal(endpoint(), bad, workerFetch);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    const failure = exportFailure(refused);
    expect(failure).toMatchObject({ ok: false, code: 'validation_failed' });
    const text = bridgeErrorWords(failure);
    expect(text).toContain('patient.personnummer');
    expect(JSON.stringify(failure)).not.toContain('19900101');
    expect(text).not.toContain('19900101');
  });
});

describe('squatters on the port get nothing and are not believed', () => {
  const servers: http.Server[] = [];
  /** Every request head any squatter saw: the token must never be among them. */
  const heads: http.IncomingHttpHeaders[] = [];
  const squat = async (handler: http.RequestListener): Promise<number> => {
    const s = http.createServer((req, res) => {
      heads.push(req.headers);
      handler(req, res);
    });
    servers.push(s);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return (s.address() as AddressInfo).port;
  };
  afterAll(async () => {
    expect(heads.length).toBeGreaterThan(5);
    for (const head of heads) {
      expect(head.authorization).toBeUndefined();
      expect(JSON.stringify(head)).not.toContain(TEST_TOKEN);
    }
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });
  const json =
    (body: unknown, status = 200): http.RequestListener =>
    (req, res) => {
      req.resume();
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
  const healthy = { service: 'clinic-companion-bridge', protocolVersion: 2 };

  it.each([
    ['a wrong proof', json({ ...healthy, proof: 'ab'.repeat(32) })],
    ['no proof', json(healthy)],
    ['a replayed proof for another challenge', json({ ...healthy, proof: '0'.repeat(64) })],
    ['an HTML page', (_q: http.IncomingMessage, s: http.ServerResponse) => s.end('<html>hello</html>')],
    ['a 500', json({ error: 'internal_error' }, 500)],
  ] as [string, http.RequestListener][])('%s → untrusted (proof-failed)', async (_label, handler) => {
    const port = await squat(handler);
    expect(await checkHealth({ token: TEST_TOKEN, port }, workerFetch)).toEqual({
      kind: 'untrusted',
      reason: 'proof-failed',
    });
  });

  it('a squatter that records headers receives no token, and the client tries nothing else', async () => {
    const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
    const port = await squat((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      json({ ...healthy, proof: 'ab'.repeat(32) })(req, res);
    });
    expect(await checkHealth({ token: TEST_TOKEN, port }, workerFetch)).toEqual({
      kind: 'untrusted',
      reason: 'proof-failed',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toMatch(new RegExp(`^/v1/health\\?challenge=${port}\\.[0-9a-f]{64}$`));
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain(TEST_TOKEN);
  });

  it('a squatter relaying the challenge to the real bridge on another port gets no usable proof, and no token', async () => {
    const { bridge: real } = await startStubBridge();
    try {
      const seen: http.IncomingHttpHeaders[] = [];
      // It holds the port the extension asks and forwards every request to the real bridge.
      const port = await squat((req, res) => {
        seen.push(req.headers);
        const forward = http.request(
          {
            host: '127.0.0.1',
            port: real.port,
            path: req.url,
            method: req.method,
            headers: { ...req.headers, host: `127.0.0.1:${real.port}` },
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        req.pipe(forward);
      });
      expect(await checkHealth({ token: TEST_TOKEN, port }, workerFetch)).toEqual({
        kind: 'untrusted',
        reason: 'proof-failed',
      });
      expect(seen.length).toBe(1);
      expect(seen[0]!.authorization).toBeUndefined();
      // The same bridge, asked directly, proves itself.
      expect(await checkHealth({ token: TEST_TOKEN, port: real.port }, workerFetch)).toEqual({ kind: 'trusted' });
    } finally {
      await real.close();
    }
  });

  it('a flood of a body is cut off at 64 KB (not read into memory)', async () => {
    const port = await squat((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 400 && res.write(chunk)) sent++;
        if (sent < 400) res.once('drain', pump);
        else res.end();
      };
      pump();
    });
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(await readLimited(response)).toBeNull();
    expect(await checkHealth({ token: TEST_TOKEN, port }, workerFetch)).toMatchObject({ kind: 'untrusted' });
  });

  it('one that never answers → unreachable (timeout), not trusted', async () => {
    const port = await squat(() => {});
    expect(await checkHealth({ token: TEST_TOKEN, port }, workerFetch, { timeoutMs: 300 })).toEqual({
      kind: 'unreachable',
      detail: 'timeout',
    });
  });

  it('nothing on the port → unreachable (no-answer)', async () => {
    const port = await squat(() => {});
    const s = servers.pop()!;
    await new Promise((r) => s.close(r));
    expect(await checkHealth({ token: TEST_TOKEN, port }, workerFetch)).toEqual({
      kind: 'unreachable',
      detail: 'no-answer',
    });
  });

  it('a redirect is never followed (the token would go elsewhere)', async () => {
    let followed = false;
    const target = await squat((_req, res) => {
      followed = true;
      res.end('{}');
    });
    const port = await squat((_req, res) => {
      res.writeHead(302, { Location: `http://127.0.0.1:${target}/v1/health` });
      res.end();
    });
    expect(await checkHealth({ token: TEST_TOKEN, port }, workerFetch)).toMatchObject({ kind: 'unreachable' });
    expect(followed).toBe(false);
  });
});

describe('validation messages name fields, never values', () => {
  it('issuePaths', () => {
    const bad = JournalPdfRequest.safeParse({
      ...journalRequest(),
      patient: { personnummer: '19900101-2386', name: '' },
    });
    expect(bad.success).toBe(false);
    const text = issuePaths(bad.error!.issues);
    expect(text).toContain('patient.personnummer');
    expect(text).not.toContain('19900101');
  });
  it('the bridge’s refusals as codes, worded per code (error-words.ts)', () => {
    const refusal = (code: BridgeErrorCode, status = 400) =>
      bridgeErrorWords(exportFailure({ ok: false, status, body: { ok: false, code, message: 'An English message' } }));
    expect(refusal('invalid_file_name')).toContain('Filnamnet');
    expect(refusal('export_failed', 500)).toContain('exportmappen');
    // Every code the bridge can send has words of its own, never the English message.
    for (const code of BridgeErrorCode.options) {
      expect(refusal(code)).toMatch(/^[A-ZÅÄÖ].*\.$/);
      expect(refusal(code)).not.toContain('English');
    }
    expect(exportFailure({ ok: false, status: 0, body: null, timeout: true })).toEqual({
      ok: false,
      code: 'bridge-timeout',
    });
    expect(bridgeErrorWords(exportFailure({ ok: false, status: 0, body: null, timeout: true }))).toContain('i tid');
  });
});
