/**
 * The bridge client and its indicator, end to end: the real bridge (bridge/app.ts startBridge)
 * in this process on a free port with the scripted FakeCardReader, the test build in Chromium.
 *
 * Port: the release manifest allows only http://127.0.0.1:47121/*; the test build already has
 * http://127.0.0.1/* (any port, for the console simulator, wxt.config.ts), so the bridge here
 * runs on a random free port and the pairing names that port. Nothing binds 47121, so a bridge a
 * developer runs locally is never disturbed and parallel runs never collide.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBridge, startBridge } from '../../bridge/app';
import { silentLogger } from '../../bridge/log';
import { FakeCardReader, FileSystemCard, pkcs15FileSystem } from '../bridge/fake-reader';
import { journalRequest } from '../bridge/fixtures';
import { testConfig } from '../bridge/http-helpers';
import { createTestChain, TEST_CLINICIAN_NAME, TEST_HSA_ID, type TestChain } from '../bridge/test-certs';
import { PATIENTS } from '../fixtures/patients';
import { bridgeState, browserTestsUnavailable, panelText, waitFor } from './harness';
import { sidePanelFor } from './side-panel';
import { type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();
const READER = 'Virtual PCD 00 00';
const PRESENT = `SITHS-kort isatt: ${TEST_CLINICIAN_NAME}, ${TEST_HSA_ID}`;
const newToken = () => randomBytes(32).toString('base64url');

describe.skipIf(unavailable)('bridge-status: the bridge client and the clinician’s indicator (issue 5)', () => {
  let stack: Stack;
  let bridge: RunningBridge;
  let fake: FakeCardReader;
  let chain: TestChain;
  let exportDir: string;
  let port: number;
  let token: string;
  let console1: Page;

  const sithsCard = () => new FileSystemCard(pkcs15FileSystem(chain.cardOrder));
  const startRealBridge = async (onPort = 0) =>
    startBridge(testConfig({ port: onPort, token, exportDir, trustAnchors: [chain.ca] }), silentLogger, {
      reader: fake,
      retryMs: 50,
      pollMs: 100,
    });
  /** Pairs (or unpairs) the way the options page does: a message from an extension page. */
  const setPairing = async (pairing: { token: string; port: number } | null) => {
    const page = await optionsPage();
    const reply = await sendFrom(
      page,
      pairing ? { type: 'bridge-pair', ...pairing, save: true } : { type: 'bridge-unpair' },
    );
    await page.close();
    expect(reply).toMatchObject(pairing ? { ok: true } : {});
  };
  const optionsPage = async () => {
    const page = await stack.ext.browser.newPage();
    await page.goto(`chrome-extension://${stack.ext.extensionId}/options.html`);
    await page.waitForSelector('#bridge-heading');
    return page;
  };
  const sendFrom = (page: Page, message: unknown) =>
    page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Record<string, unknown>>;

  beforeAll(async () => {
    chain = await createTestChain();
    fake = new FakeCardReader();
    fake.plugReader(READER);
    exportDir = mkdtempSync(path.join(tmpdir(), 'cc-export-'));
    token = newToken();
    bridge = await startRealBridge();
    port = bridge.server.port;
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
    await bridge?.stop();
    rmSync(exportDir, { recursive: true, force: true });
  });

  /** What the side panel shows of the bridge for this page (empty when all is well or not paired, issue 14). */
  const bridgeText = async (page: Page) =>
    (await sidePanelFor(page)).evaluate(
      () =>
        document.getElementById('feature-views')?.shadowRoot?.querySelector('[data-feature="bridge-status"]')
          ?.textContent ?? '',
    );

  it('issue 14: not paired → nothing about the bridge on the visit (pairing is in the options page)', async () => {
    console1 = await stack.openVisit(stack.cases.adult);
    // Positive signal: the indicator received the status, and chose to show nothing.
    await waitFor(async () => (await bridgeState(console1)) === 'not-paired');
    expect(await bridgeText(console1)).toBe('');
    const text = await panelText(console1);
    expect(text).not.toContain('Ej parkopplad');
    expect(text).not.toContain('bryggans nyckel');
    const page = await optionsPage();
    await page.waitForFunction(() => document.body.textContent?.includes('Ej parkopplad'));
    await page.close();
  });

  it('paired, card present (all well) → nothing shown on the visit; the options page names the clinician', async () => {
    fake.insert(READER, sithsCard());
    await setPairing({ token, port });
    await waitFor(async () => (await bridgeState(console1)) === 'card-present');
    expect(await bridgeText(console1)).toBe('');
    const page = await optionsPage();
    await page.waitForFunction((text) => document.body.textContent?.includes(text), {}, PRESENT);
    await page.close();
  });

  it('issue 11: a card whose certificate is self-made → "läst från kortet, ej verifierat", never "SITHS-kort"', async () => {
    const selfMade = await createTestChain();
    fake.remove(READER);
    await waitFor(async () => (await panelText(console1)).includes('Inget kort'));
    fake.insert(READER, new FileSystemCard(pkcs15FileSystem(selfMade.cardOrder)));
    await waitFor(async () => (await panelText(console1)).includes('läst från kortet, ej verifierat'));
    expect(await panelText(console1)).not.toContain('SITHS-kort isatt');
    fake.remove(READER);
    await waitFor(async () => (await panelText(console1)).includes('Inget kort'));
    fake.insert(READER, sithsCard());
    await waitFor(async () => (await bridgeState(console1)) === 'card-present');
    expect(await bridgeText(console1)).toBe('');
  });

  it('R-S-2: card pulled → "Inget kort" pushed to the page, with the shift-still-running reminder', async () => {
    const started = performance.now();
    fake.remove(READER);
    await waitFor(async () => (await panelText(console1)).includes('Inget kort'), 5_000, 10);
    const ms = performance.now() - started;
    console.info(`[bridge-status] card pulled → page shows "Inget kort": ${ms.toFixed(0)} ms`);
    expect(await panelText(console1)).toContain('Skiftet pågår fortfarande');
    expect(await panelText(console1)).not.toContain(TEST_HSA_ID);
    await waitFor(async () =>
      (await console1.$eval('[data-clinic-companion="live-polite"]', (el) => el.textContent ?? '')).includes(
        'SITHS-kortet är uttaget',
      ),
    );
  });

  it('worker killed, card inserted while it sleeps → the pages show the card once the worker wakes', async () => {
    await stack.ext.killWorker();
    fake.insert(READER, sithsCard());
    // A console tab opened meanwhile wakes the worker (the indicator asks for a refresh).
    const console2 = await stack.openVisit(stack.cases.adult2);
    await waitFor(async () => (await bridgeState(console2)) === 'card-present');
    await waitFor(async () => (await bridgeState(console1)) === 'card-present');
    // The one-minute alarm that re-reads the card is re-created at every start-up.
    const worker = await stack.ext.worker();
    const alarm = await worker.evaluate(() => chrome.alarms.get('bridge-card-refresh'));
    expect(alarm?.periodInMinutes).toBe(1);
    await console2.close();
  });

  it('export through the background message → a PDF in the export folder, no personnummer in its name', async () => {
    const page = await optionsPage();
    const reply = await sendFrom(page, { type: 'bridge-export-pdf', request: journalRequest() });
    expect(reply).toMatchObject({ ok: true });
    const fileName = reply.fileName as string;
    expect(existsSync(path.join(exportDir, fileName))).toBe(true);
    expect(fileName).toMatch(/\.pdf$/);
    expect(fileName).not.toMatch(/\d{6,}/);
    expect(fileName).not.toContain(PATIENTS.adult.personnummer.slice(0, 8));
    expect(fileName.toLowerCase()).not.toContain(PATIENTS.adult.name.split(' ')[0]!.toLowerCase());

    // A request that fails validation: a code naming the field, never its value (the panel words it).
    const bad = journalRequest();
    bad.patient.personnummer = '19900101-2386';
    const refused = await sendFrom(page, { type: 'bridge-export-pdf', request: bad });
    expect(refused).toMatchObject({ ok: false, code: 'export-invalid' });
    expect(refused.fields).toContain('patient.personnummer');
    expect(JSON.stringify(refused)).not.toContain('19900101');

    // No clinician in the request and no card → refused with the card reason, nothing written.
    fake.remove(READER);
    await waitFor(async () => (await panelText(console1)).includes('Inget kort'));
    const before = readdirSync(exportDir).length;
    const noCard = await sendFrom(page, { type: 'bridge-export-pdf', request: journalRequest() });
    expect(noCard).toEqual({ ok: false, code: 'card-required' });
    expect(readdirSync(exportDir).length).toBe(before);
    // With the clinician named in the request the card is not required.
    const withClinician = await sendFrom(page, {
      type: 'bridge-export-pdf',
      request: journalRequest({ clinician: { name: 'Doktor Test', hsaId: TEST_HSA_ID } }),
    });
    expect(withClinician).toMatchObject({ ok: true });
    fake.insert(READER, sithsCard());
    await page.close();
  });

  it('options page: pairing with the pasted token is proven, saved, and the indicator follows', async () => {
    const page = await optionsPage();
    await setPairing(null);
    await waitFor(async () => (await bridgeState(console1)) === 'not-paired');
    await page.type('#bridge-token', token);
    await page.$eval('#bridge-port', (el) => {
      (el as HTMLInputElement).value = '';
    });
    await page.type('#bridge-port', String(port));
    await page.click('#bridge-pair');
    await page.waitForFunction(
      () => document.querySelector('#bridge-result')?.textContent?.includes('visade att den har nyckeln'),
      { timeout: 10_000 },
    );
    await waitFor(async () => (await bridgeState(console1)) === 'card-present');
    await page.waitForFunction((text) => document.body.textContent?.includes(text), {}, PRESENT);
    // The token is not shown back.
    expect(await page.$eval('#bridge-token', (el) => (el as HTMLInputElement).value)).toBe('');
    expect(await page.evaluate(() => document.body.innerHTML)).not.toContain(token);
    // A malformed token is refused before anything is sent.
    await page.type('#bridge-token', 'kort');
    await page.click('#bridge-pair');
    await page.waitForFunction(() => document.querySelector('#bridge-result')?.textContent?.includes('giltig nyckel'));
    await page.close();
  });

  it('bridge stopped → "Brygga saknas"; started again on the same port → back to the card by itself', async () => {
    await bridge.stop();
    await waitFor(async () => (await panelText(console1)).includes('Brygga saknas'), 15_000);
    expect(await panelText(console1)).not.toContain(TEST_HSA_ID);
    bridge = await startRealBridge(port);
    // Reconnect backoff is at most a few seconds after a short outage.
    await waitFor(async () => (await bridgeState(console1)) === 'card-present', 20_000);
  });

  it('the bridge restarts and a squatter takes its port meanwhile → "Okänd brygga", no card data, no export, never the token', async () => {
    const seen: { method: string; url: string; authorization?: string }[] = [];
    const squatter = http.createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (req.url?.startsWith('/v1/health')) {
        res.end(JSON.stringify({ service: 'clinic-companion-bridge', protocolVersion: 2, proof: 'ab'.repeat(32) }));
        return;
      }
      res.end(
        JSON.stringify({
          state: 'CARD_PRESENT',
          reader: READER,
          since: new Date().toISOString(),
          identity: {
            hsaId: 'SE0000000000-MALLORY',
            name: 'Mallory Falsk',
            issuer: 'Falsk CA',
            notBefore: '2024-01-01T00:00:00.000Z',
            notAfter: '2030-01-01T00:00:00.000Z',
            verified: true,
          },
        }),
      );
    });
    await bridge.stop();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      await waitFor(async () => (await panelText(console1)).includes('Okänd brygga'), 20_000);
      const text = await panelText(console1);
      expect(text).not.toContain('Mallory');
      expect(text).not.toContain('isatt');

      const page = await optionsPage();
      const reply = await sendFrom(page, { type: 'bridge-export-pdf', request: journalRequest() });
      expect(reply.ok).toBe(false);
      expect(reply).toMatchObject({ ok: false, code: expect.stringMatching(/^bridge-untrusted-/) });
      await page.close();
      // Prove, then trust: it saw health challenges and nothing else, and never the token.
      expect(seen.length).toBeGreaterThan(0);
      for (const r of seen) {
        expect(r.method).toBe('GET');
        expect(r.url).toMatch(/^\/v1\/health\?challenge=\d+\.[0-9a-f]{64}$/);
        expect(r.authorization).toBeUndefined();
      }
    } finally {
      squatter.closeAllConnections();
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
    // The squatter leaves, the bridge is back: the extension finds it again by itself (nothing burnt).
    bridge = await startRealBridge(port);
    await waitFor(async () => (await bridgeState(console1)) === 'card-present', 40_000);
  });
});
