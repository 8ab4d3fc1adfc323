/**
 * The hostile-request suite: every request a web page, a rebinding attacker, another extension or
 * a local program could send is sent for real over loopback and must get its status and no data.
 */
import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeServer } from '../../bridge/http/server';
import { createHealthChallenge, HealthProofResponse, verifyHealthProof } from '../../shared/bridge-protocol';
import { CLINIC_ORIGIN } from '../../shared/extension-identity';
import { journalRequest } from '../bridge/fixtures';
import {
  ORIGIN,
  type RawResponse,
  rawExchange,
  type StubCard,
  send,
  startStubBridge,
  TEST_TOKEN,
} from '../bridge/http-helpers';

let bridge: BridgeServer;
let card: StubCard;
let exported: unknown[];
let port: number;

beforeAll(async () => {
  ({ bridge, card, exported } = await startStubBridge());
  port = bridge.port;
});
afterAll(async () => {
  await bridge.close();
});

/** No data: nothing but an empty body or a bare error object. */
function expectNoData(res: RawResponse): void {
  if (res.body !== '') {
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(body.ok).toBe(false);
    expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['code', 'message', 'ok']));
    for (const key of Object.keys(body)) expect(['ok', 'code', 'message', 'issues']).toContain(key);
  }
  expect(res.body).not.toContain('NO_CARD');
  expect(res.body).not.toContain('proof');
  expect(res.headers['access-control-allow-origin']).toBeUndefined();
  expect(res.headers['access-control-allow-private-network']).toBeUndefined();
}

const POST_JSON = { method: 'POST', path: '/v1/pdf/journal', contentType: 'application/json' } as const;

describe('a well-formed request from the extension', () => {
  it('gets health, and the proof verifies with the shared Web Crypto function', async () => {
    const challenge = createHealthChallenge();
    const res = await send({ port, path: `/v1/health?challenge=${challenge}` });
    expect(res.status).toBe(200);
    const body = HealthProofResponse.parse(JSON.parse(res.body));
    expect(await verifyHealthProof(TEST_TOKEN, challenge, body.proof)).toBe(true);
    expect(await verifyHealthProof('another-token-0123456789abcdef', challenge, body.proof)).toBe(false);
    expect(await verifyHealthProof(TEST_TOKEN, createHealthChallenge(), body.proof)).toBe(false);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('prove, then trust: the challenge is answered without the token, with the proof and nothing else', async () => {
    const challenge = createHealthChallenge();
    const res = await send({ port, path: `/v1/health?challenge=${challenge}`, authorization: null });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['proof', 'protocolVersion', 'service']);
    expect(await verifyHealthProof(TEST_TOKEN, challenge, body.proof)).toBe(true);
    // A wrong token changes nothing (the answer is the same proof); Host and Origin still apply.
    const wrong = await send({ port, path: `/v1/health?challenge=${challenge}`, authorization: 'Bearer nope' });
    expect(JSON.parse(wrong.body)).toEqual(body);
    expect(
      (await send({ port, path: `/v1/health?challenge=${challenge}`, origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect((await send({ port, path: `/v1/health?challenge=${challenge}`, host: 'evil.example' })).status).toBe(403);
    // Without a challenge, health needs the token like everything else.
    expect((await send({ port, path: '/v1/health', authorization: null })).status).toBe(401);
    expect((await send({ port, path: '/v1/health' })).status).toBe(200);
  });

  it('a challenge naming another port (relayed from a squatter there) is a 400, not a proof', async () => {
    const res = await send({
      port,
      path: `/v1/health?challenge=${createHealthChallenge(port + 1)}`,
      authorization: null,
    });
    expect(res.status).toBe(400);
    expectNoData(res);
    const own = createHealthChallenge(port);
    const ok = await send({ port, path: `/v1/health?challenge=${own}`, authorization: null });
    expect(await verifyHealthProof(TEST_TOKEN, own, JSON.parse(ok.body).proof)).toBe(true);
  });

  it('two challenges, or a bad one, are a 400, not a proof', async () => {
    const a = createHealthChallenge();
    const res = await send({ port, path: `/v1/health?challenge=${a}&challenge=${a}`, authorization: null });
    expect(res.status).toBe(400);
    expectNoData(res);
  });

  it('is accepted with Host localhost:<port> too', async () => {
    expect((await send({ port, host: `localhost:${port}`, path: '/v1/card' })).status).toBe(200);
  });

  it('a bad challenge is a 400, not a proof', async () => {
    const res = await send({ port, path: '/v1/health?challenge=XYZ' });
    expect(res.status).toBe(400);
    expectNoData(res);
  });
});

describe('Host (DNS rebinding) → 403 with an empty body', () => {
  const hosts: [string, string | null][] = [
    ['a rebinding name', 'evil.example:PORT'],
    ['no port', '127.0.0.1'],
    ['another port', '127.0.0.1:1'],
    ['localhost without port', 'localhost'],
    ['a name that ends like localhost', 'evil-localhost:PORT'],
    ['IPv6 loopback', '[::1]:PORT'],
    ['0.0.0.0', '0.0.0.0:PORT'],
    ['missing Host', null],
  ];
  it.each(hosts)('%s', async (_label, host) => {
    const res = await send({ port, path: '/v1/card', host: host?.replace('PORT', String(port)) ?? null });
    expect(res.status).toBe(403);
    expect(res.body).toBe('');
    expectNoData(res);
  });

  it('two Host headers (raw socket)', async () => {
    const { received } = await rawExchange(
      port,
      `GET /v1/card HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\nOrigin: ${ORIGIN}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`,
    );
    expect(received).toMatch(/^HTTP\/1\.1 (400|403) /);
    expect(received).not.toContain('NO_CARD');
  });

  it('an absolute-form request target naming another host', async () => {
    const { received } = await rawExchange(
      port,
      `GET http://evil.example/v1/card HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${ORIGIN}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`,
    );
    expect(received).toMatch(/^HTTP\/1\.1 (400|403) /);
    expect(received).not.toContain('NO_CARD');
  });
});

describe('Origin → 403', () => {
  const origins: [string, string | null][] = [
    ['missing', null],
    ['null (sandboxed frame, file:)', 'null'],
    ['the Clinic console itself', CLINIC_ORIGIN],
    ['any web page', 'https://evil.example'],
    ['the bridge itself', 'http://127.0.0.1:PORT'],
    ['another extension', 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    ['our ID as a prefix', `${ORIGIN}.evil.example`],
    ['our ID with a path', `${ORIGIN}/`],
    ['a moz-extension origin', 'moz-extension://bfnohbcfpndddccmbkomhdpnemoddcni'],
    ['upper-case ID', ORIGIN.toUpperCase()],
  ];
  it.each(origins)('%s', async (_label, origin) => {
    const res = await send({ port, path: '/v1/card', origin: origin?.replace('PORT', String(port)) ?? null });
    expect(res.status).toBe(403);
    expect(res.body).toBe('');
    expectNoData(res);
  });

  // Chrome sends no Origin on the extension's own GETs (host permission); only that exact shape passes.
  const EXTENSION_GET = { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty' };
  it('no Origin with the extension-GET Sec-Fetch shape → on to the token check (200 with it, 401 without)', async () => {
    const ok = await send({ port, path: '/v1/card', origin: null, headers: EXTENSION_GET });
    expect(ok.status).toBe(200);
    const noToken = await send({ port, path: '/v1/card', origin: null, authorization: null, headers: EXTENSION_GET });
    expect(noToken.status).toBe(401);
  });
  const notExtensionGets: [string, Record<string, string>, string?][] = [
    ['a page (cross-site)', { ...EXTENSION_GET, 'Sec-Fetch-Site': 'cross-site' }],
    ['a page (no-cors, e.g. <img>)', { ...EXTENSION_GET, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' }],
    ['an address-bar visit', { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' }],
    ['no Sec-Fetch headers at all', {}],
    ['the shape on a POST', EXTENSION_GET, 'POST'],
  ];
  it.each(notExtensionGets)('no Origin, %s → 403', async (_label, headers, method) => {
    const res = await send({
      port,
      method,
      path: method === 'POST' ? '/v1/pdf/journal' : '/v1/card',
      origin: null,
      headers,
    });
    expect(res.status).toBe(403);
    expect(res.body).toBe('');
  });

  it('two Origin headers', async () => {
    const res = await send({ port, path: '/v1/card', headers: { Origin: `${ORIGIN}, https://evil.example` } });
    expect(res.status).toBe(403);
  });

  it('a CORS preflight asking for private-network access gets no CORS grant', async () => {
    const res = await send({
      port,
      method: 'OPTIONS',
      path: '/v1/card',
      origin: 'https://evil.example',
      authorization: null,
      headers: { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Private-Network': 'true' },
    });
    expect(res.status).toBe(403);
    expectNoData(res);
  });
});

describe('Authorization → 401', () => {
  const auths: [string, string | null][] = [
    ['missing', null],
    ['wrong token', 'Bearer wrong-token-0123456789abcdefghijklmnop'],
    ['token prefix', `Bearer ${TEST_TOKEN.slice(0, -1)}`],
    ['token plus a character', `Bearer ${TEST_TOKEN}x`],
    ['other scheme', `Basic ${TEST_TOKEN}`],
    ['lower-case scheme, two spaces', `bearer  ${TEST_TOKEN}`],
    ['empty bearer', 'Bearer '],
  ];
  it.each(auths)('%s', async (_label, authorization) => {
    const res = await send({ port, path: '/v1/card', authorization });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expectNoData(res);
  });

  it('an unauthenticated POST is refused before its body is looked at', async () => {
    const res = await send({ ...POST_JSON, port, authorization: null, body: JSON.stringify(journalRequest()) });
    expect(res.status).toBe(401);
    expect(exported).toHaveLength(0);
  });

  it('5+ wrong tokens slow the wrong ones (429), and the right token is still served at once', async () => {
    // Issue 11: anything that passes the Origin check could otherwise keep the extension out.
    const { bridge: limited } = await startStubBridge({
      limits: { authMaxFailures: 5, authWindowMs: 60_000, authLockoutMs: 60_000 } as never,
    });
    try {
      for (let i = 0; i < 5; i++) {
        expect((await send({ port: limited.port, path: '/v1/card', authorization: 'Bearer nope' })).status).toBe(401);
      }
      const locked = await send({ port: limited.port, path: '/v1/card', authorization: 'Bearer nope' });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expectNoData(locked);
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        const right = await send({ port: limited.port, path: '/v1/card' });
        expect(right.status).toBe(200);
        expect(JSON.parse(right.body)).toMatchObject({ state: 'NO_CARD' });
        expect(performance.now() - started).toBeLessThan(500);
        // Interleaved wrong tokens stay slowed.
        expect((await send({ port: limited.port, path: '/v1/card', authorization: 'Bearer nope' })).status).toBe(429);
      }
    } finally {
      await limited.close();
    }
  });
});

describe('POST body checks', () => {
  it('no Content-Type → 415', async () => {
    const res = await send({ port, method: 'POST', path: '/v1/pdf/journal', body: '{}' });
    expect(res.status).toBe(415);
    expectNoData(res);
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'application/jsonp',
  ])('Content-Type %s → 415', async (contentType) => {
    const res = await send({ ...POST_JSON, port, contentType, body: JSON.stringify(journalRequest()) });
    expect(res.status).toBe(415);
    expect(exported).toHaveLength(0);
  });

  it('a declared body over 1 MB → 413', async () => {
    const res = await send({ ...POST_JSON, port, body: `{"x":"${'a'.repeat(1024 * 1024)}"}` });
    expect(res.status).toBe(413);
    expectNoData(res);
  });

  it('a chunked body over 1 MB → 413', async () => {
    const res = await send({ ...POST_JSON, port, chunked: true, body: `{"x":"${'a'.repeat(1024 * 1024 + 10)}"}` });
    expect(res.status).toBe(413);
    expectNoData(res);
  });

  it('malformed JSON → 400 with a clear message that quotes nothing of the body', async () => {
    const res = await send({
      ...POST_JSON,
      port,
      body: '{"patient":{"name": Anna Testsson, "personnummer": "19900101-2385"}',
    });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ ok: false, code: 'invalid_json' });
    expect(body.message).toMatch(/not valid JSON/);
    expect(res.body).not.toMatch(/Anna|Testsson|19900101|2385/);
  });

  it('empty body → 400', async () => {
    const res = await send({ ...POST_JSON, port, body: '' });
    expect(res.status).toBe(400);
  });

  it('valid JSON of the wrong shape → 400 naming the paths, never echoing values', async () => {
    const bad = journalRequest();
    (bad.patient as { personnummer: string }).personnummer = '19900101-2386'; // wrong check digit
    const res = await send({ ...POST_JSON, port, body: JSON.stringify({ ...bad, unit: 42 }) });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(body.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['patient.personnummer', 'unit']),
    );
    expect(res.body).not.toContain('19900101');
    expect(res.body).not.toContain('Anna');
  });

  it('a JSON array, a number, __proto__ tricks → 400', async () => {
    for (const body of ['[]', '42', '"x"', 'null', '{"__proto__":{"polluted":true}}']) {
      const res = await send({ ...POST_JSON, port, body });
      expect(res.status).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a valid request reaches the service', async () => {
    const res = await send({ ...POST_JSON, port, body: JSON.stringify(journalRequest()) });
    expect(res.status).toBe(200);
    expect(exported).toHaveLength(1);
  });
});

describe('routes and methods', () => {
  it.each(['/v1/nope', '/v2/health', '/v1/health/', '/V1/HEALTH', '/', '/v1/card/../health', '/%2e%2e/etc/passwd'])(
    'unknown %s → 404',
    async (path) => {
      const res = await send({ port, path });
      expect(res.status).toBe(404);
      expectNoData(res);
    },
  );

  it.each([
    ['DELETE', '/v1/card'],
    ['POST', '/v1/health'],
    ['PUT', '/v1/pdf/journal'],
    ['GET', '/v1/pdf/journal'],
    ['OPTIONS', '/v1/card'],
    ['HEAD', '/v1/card'],
  ])('%s %s → 405 with Allow', async (method, path) => {
    const res = await send({ port, method, path, contentType: 'application/json' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBeTruthy();
  });
});

describe('slow and broken clients', () => {
  it('a client that never finishes its headers is cut off', async () => {
    const { received, closedAfterMs } = await rawExchange(
      port,
      `GET /v1/card HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`,
      {
        maxWaitMs: 5_000,
      },
    );
    expect(closedAfterMs).toBeLessThan(3_000);
    expect(received === '' || /^HTTP\/1\.1 408 /.test(received)).toBe(true);
    expect(received).not.toContain('NO_CARD');
  });

  it('a client that trickles its headers a byte at a time is cut off', async () => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const head = `GET /v1/card HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: ${'a'.repeat(200)}`;
    let closed = false;
    let received = '';
    socket.on('data', (c) => {
      received += c.toString();
    });
    socket.on('close', () => {
      closed = true;
    });
    socket.on('error', () => {});
    const started = Date.now();
    for (let i = 0; i < head.length && !closed; i++) {
      socket.write(head[i]!);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(received).not.toContain('NO_CARD');
    socket.destroy();
  });

  it('a client that stops sending its body is cut off', async () => {
    const { received, closedAfterMs } = await rawExchange(
      port,
      `POST /v1/pdf/journal HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${ORIGIN}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"note":`,
      { maxWaitMs: 5_000 },
    );
    expect(closedAfterMs).toBeLessThan(4_000);
    expect(received === '' || /^HTTP\/1\.1 (408|400) /.test(received)).toBe(true);
    expect(exported.length).toBeLessThanOrEqual(1);
  });

  it('garbage bytes get a 400 and the process lives on', async () => {
    const { received } = await rawExchange(port, Buffer.from([0, 1, 2, 0xff, 13, 10, 13, 10]));
    expect(received === '' || /^HTTP\/1\.1 400 /.test(received)).toBe(true);
    const { received: r2 } = await rawExchange(port, 'GET /v1/card HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n');
    expect(r2 === '' || /^HTTP\/1\.1 (400|403) /.test(r2)).toBe(true);
    expect((await send({ port })).status).toBe(200);
  });
});

describe('binding', () => {
  it('listens on 127.0.0.1 only', async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const address of [...external, '::1']) {
      const outcome = await new Promise<string>((resolve) => {
        const s = net.connect({ host: address, port });
        s.on('connect', () => {
          s.destroy();
          resolve('connected');
        });
        s.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});

describe('server-sent card events', () => {
  it('push the current state, then each change, and stop on close', async () => {
    const http = await import('node:http');
    const received: string[] = [];
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: '/v1/card/events',
      headers: { Host: `127.0.0.1:${port}`, Origin: ORIGIN, Authorization: `Bearer ${TEST_TOKEN}` },
    });
    const res = await new Promise<import('node:http').IncomingMessage>((resolve) => {
      req.on('response', resolve);
      req.end();
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    res.on('data', (c: Buffer) => received.push(c.toString()));
    await new Promise((r) => setTimeout(r, 50));
    card.set({ state: 'NO_READERS', since: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 50));
    const text = received.join('');
    expect(text).toContain('event: card\ndata: {"state":"NO_CARD"');
    expect(text).toContain('"state":"NO_READERS"');
    req.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(card.listenerCount).toBe(0);
  });

  it('an event stream needs the same checks', async () => {
    const res = await send({ port, path: '/v1/card/events', origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).toBe('');
  });
});
