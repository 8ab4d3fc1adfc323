/**
 * The bridge against the real stack: pcscd + vsmartcard-vpcd + a virtual PKCS#15 card holding a
 * test SITHS chain generated now. Card events arrive over the bridge's SSE endpoint.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBridge, startBridge } from '../../bridge/app';
import { silentLogger } from '../../bridge/log';
import { type CardState, type CardStatus, createCardEventParser } from '../../shared/bridge-protocol';
import { ORIGIN, send, TEST_TOKEN, testConfig } from '../bridge/http-helpers';
import { createTestChain, TEST_CA_NAME, TEST_CLINICIAN_NAME, TEST_HSA_ID, type TestChain } from '../bridge/test-certs';
import { PcscStack, pcscStackOrSkip, VPCD_READER } from './harness';

const available = pcscStackOrSkip('test/pcsc/card.test.ts');
let stack: PcscStack;
let bridge: RunningBridge;
let chain: TestChain;
let exportDir: string;
const events: CardStatus[] = [];
let sse: http.ClientRequest;

async function nextState(state: CardState, timeoutMs = 15_000): Promise<CardStatus> {
  const from = events.length;
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const hit = events.slice(from).find((e) => e.state === state);
    if (hit) return hit;
    if (from > 0 && events.length === from && events.at(-1)?.state === state) return events.at(-1)!;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(
    `no ${state} event; got ${
      events
        .slice(from)
        .map((e) => e.state)
        .join(', ') || 'nothing'
    }`,
  );
}

describe.skipIf(!available)('SITHS card over real PC/SC', () => {
  beforeAll(async () => {
    chain = await createTestChain();
    stack = new PcscStack();
    await stack.startPcscd();
    exportDir = mkdtempSync(path.join(os.tmpdir(), 'bridge-pcsc-export-'));
    // The test CA is the bridge's trust anchor here, as the SITHS CAs are on a clinician's PC.
    bridge = await startBridge(testConfig({ exportDir, trustAnchors: [chain.ca] }), silentLogger, {
      retryMs: 300,
      pollMs: 1000,
    });
    const port = bridge.server.port;
    const parse = createCardEventParser((s) => events.push(s));
    await new Promise<void>((resolve) => {
      sse = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/card/events',
          headers: { Host: `127.0.0.1:${port}`, Origin: ORIGIN, Authorization: `Bearer ${TEST_TOKEN}` },
        },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => parse(chunk));
          resolve();
        },
      );
      sse.on('error', () => {});
      sse.end();
    });
    await nextState('NO_CARD');
  });

  afterAll(async () => {
    sse?.destroy();
    await bridge?.stop();
    await stack?.stopAll();
    if (exportDir) rmSync(exportDir, { recursive: true, force: true });
    expect(stack ? stack.leftovers() : []).toEqual([]);
  });

  it('insert → CARD_PRESENT with the clinician identity, pushed and on GET /v1/card', async () => {
    await stack.insertCard('pkcs15', chain.cardOrder);
    const status = await nextState('CARD_PRESENT');
    expect(status).toMatchObject({
      state: 'CARD_PRESENT',
      reader: VPCD_READER,
      identity: { hsaId: TEST_HSA_ID, name: TEST_CLINICIAN_NAME, issuer: TEST_CA_NAME, verified: true },
    });
    const res = await send({ port: bridge.server.port, path: '/v1/card' });
    expect(JSON.parse(res.body)).toMatchObject({ state: 'CARD_PRESENT', identity: { hsaId: TEST_HSA_ID } });
  });

  it('issue 11: a virtual card with a self-made chain → CARD_PRESENT but verified: false (untrusted issuer)', async () => {
    await stack.removeCards();
    await nextState('NO_CARD');
    const selfMade = await createTestChain();
    await stack.insertCard('pkcs15', selfMade.cardOrder);
    expect(await nextState('CARD_PRESENT')).toMatchObject({
      identity: { hsaId: TEST_HSA_ID, verified: false, reason: 'untrusted-issuer' },
    });
    await stack.removeCards();
    await nextState('NO_CARD');
    await stack.insertCard('pkcs15', chain.cardOrder);
    expect(await nextState('CARD_PRESENT')).toMatchObject({ identity: { verified: true } });
  });

  it('pull → NO_CARD pushed', async () => {
    const started = Date.now();
    await stack.removeCards();
    expect(await nextState('NO_CARD')).toMatchObject({
      state: 'NO_CARD',
      readers: expect.arrayContaining([VPCD_READER]),
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('pcscd killed and restarted → SERVICE_NOT_RUNNING, then CARD_PRESENT without restarting the bridge', async () => {
    await stack.insertCard('pkcs15', chain.cardOrder);
    await nextState('CARD_PRESENT');
    await stack.stopPcscd();
    await nextState('SERVICE_NOT_RUNNING');
    await stack.startPcscd();
    // The virtual card reconnects to the new daemon by itself, like a card left in the reader.
    expect(await nextState('CARD_PRESENT', 20_000)).toMatchObject({ identity: { hsaId: TEST_HSA_ID } });
    await stack.removeCards();
    await nextState('NO_CARD');
  });

  it('a card without PKCS#15 → UNSUPPORTED_CARD', async () => {
    await stack.insertCard('plain');
    expect(await nextState('UNSUPPORTED_CARD')).toMatchObject({
      reader: VPCD_READER,
      reason: 'no PKCS#15 application',
    });
    await stack.removeCards();
    await nextState('NO_CARD');
  });
});
