/**
 * Issue 11 end to end: pairing with no paste. The bridge (bridge/app.ts startBridge, scripted card
 * reader) writes this user's discovery file; its native messaging host is registered in the test
 * profile's NativeMessagingHosts folder (as TOOLCHAIN.md measured); Chromium with the test build
 * finds, proves and uses the bridge with no clinician action, also after the bridge restarts on
 * another port. The console page's content script can neither read the token nor export.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBridge, startBridge } from '../../bridge/app';
import { silentLogger } from '../../bridge/log';
import { DISCOVERY_FILE_NAME } from '../../bridge/native-host/discovery';
import { registerNativeHost } from '../../bridge/native-host/register';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';
import { FakeCardReader, FileSystemCard, pkcs15FileSystem } from '../bridge/fake-reader';
import { journalRequest } from '../bridge/fixtures';
import { testConfig } from '../bridge/http-helpers';
import { createTestChain, TEST_CLINICIAN_NAME, TEST_HSA_ID } from '../bridge/test-certs';
import { type ClinicSim, startClinicSim } from '../clinic-sim/server';
import { SCENARIO_CLOCK } from '../fixtures/patients';
import {
  bridgeState,
  browserTestsUnavailable,
  COMPANION_STARTED,
  type ExtensionBrowser,
  launchWithExtension,
  panelText,
  randomSeed,
  waitFor,
} from './harness';

const unavailable = browserTestsUnavailable();
const READER = 'Virtual PCD 00 00';
const PRESENT = `SITHS-kort isatt: ${TEST_CLINICIAN_NAME}, ${TEST_HSA_ID} (verifierat)`;

describe.skipIf(unavailable)(
  'bridge-native-pairing: the extension finds this user’s bridge by itself (issue 11)',
  () => {
    let ext: ExtensionBrowser;
    let sim: ClinicSim;
    let bridge: RunningBridge;
    let visit: Page;
    const token = randomBytes(32).toString('base64url');
    const configDir = mkdtempSync(path.join(tmpdir(), 'cc-native-user-'));
    const exportDir = path.join(configDir, 'export');
    const discoveryFile = path.join(configDir, DISCOVERY_FILE_NAME);
    const fake = new FakeCardReader();
    let anchors: Uint8Array[] = [];

    const startRealBridge = () =>
      startBridge(testConfig({ port: 0, token, exportDir, discoveryFile, trustAnchors: anchors }), silentLogger, {
        reader: fake,
        retryMs: 50,
        pollMs: 100,
      });
    const extensionPage = async (file = 'options.html') => {
      const page = await ext.browser.newPage();
      await page.goto(`chrome-extension://${CHROME_EXTENSION_ID}/${file}`);
      return page;
    };
    const pairingInfo = (page: Page) =>
      page.evaluate(() =>
        chrome.storage.session.get('bridgePairingInfo').then((s) => s.bridgePairingInfo ?? null),
      ) as Promise<{
        source: string | null;
        port: number | null;
        provenAfterStartMs?: number;
      } | null>;

    beforeAll(async () => {
      const chain = await createTestChain();
      anchors = [chain.ca];
      fake.plugReader(READER);
      fake.insert(READER, new FileSystemCard(pkcs15FileSystem(chain.cardOrder)));
      bridge = await startRealBridge();
      // The profile is made first, with the host manifest in it, as the bridge registers it per user.
      const userDataDir = mkdtempSync(path.join(tmpdir(), 'cc-profile-native-'));
      registerNativeHost({
        launcherDir: path.join(configDir, 'native-host'),
        discoveryFile,
        allowedExtensionIds: [CHROME_EXTENSION_ID],
        manifestDirs: [path.join(userDataDir, 'NativeMessagingHosts')],
      });
      sim = await startClinicSim({ seed: randomSeed(), clock: SCENARIO_CLOCK });
      ext = await launchWithExtension({ userDataDir });
      await ext.worker();
    });
    afterAll(async () => {
      await ext?.close();
      await sim?.close();
      await bridge?.stop();
      rmSync(configDir, { recursive: true, force: true });
    });

    it('pairs with no paste: the console shows the verified card, the options page says "automatiskt"', async () => {
      const { cases } = sim.control.scenario('default');
      visit = await ext.newConsolePage(`${sim.url}/besok/${encodeURIComponent(cases.adult!)}`);
      await visit.waitForSelector(COMPANION_STARTED);
      await waitFor(async () => (await bridgeState(visit)) === 'card-present', 15_000);
      const options = await extensionPage();
      await options.waitForSelector('#bridge-native');
      // All well: the visit says nothing about the bridge (issue 14); the options page names the card.
      await options.waitForFunction((text) => document.body.textContent?.includes(text), {}, PRESENT);
      expect(await options.$eval('#bridge-native', (el) => el.textContent)).toContain(`port ${bridge.server.port}`);
      expect(await options.evaluate(() => document.body.innerHTML)).not.toContain(token);
      // Start-up pairing, measured in the worker: its start → the bridge proven through the host.
      const info = await pairingInfo(options);
      expect(info).toMatchObject({ source: 'native', port: bridge.server.port });
      expect(info?.provenAfterStartMs).toBeGreaterThan(0);
      console.info(`[native pairing] worker start → bridge proven: ${info?.provenAfterStartMs?.toFixed(0)} ms`);
      await options.close();
    });

    it('the bridge restarts on another port → the extension finds and proves it again by itself', async () => {
      const before = bridge.server.port;
      await bridge.stop();
      await waitFor(async () => (await panelText(visit)).includes('Brygga saknas'), 15_000);
      bridge = await startRealBridge();
      expect(bridge.server.port).not.toBe(before);
      await waitFor(async () => (await bridgeState(visit)) === 'card-present', 40_000);
    });

    describe('the console page’s content script', () => {
      let cdp: CDPSession;
      let contextId: number;
      const inContentScript = async <T>(expression: string): Promise<T> => {
        const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
          expression,
          contextId,
          awaitPromise: true,
          returnByValue: true,
        });
        if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        return result.value as T;
      };

      beforeAll(async () => {
        cdp = await visit.createCDPSession();
        const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
        cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
        await cdp.send('Runtime.enable');
        await waitFor(() =>
          contexts.some(
            (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${CHROME_EXTENSION_ID}`,
          ),
        );
        contextId = contexts.find(
          (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${CHROME_EXTENSION_ID}`,
        )!.id;
      });

      it('cannot read the token: not in storage.local, session storage refused, no native messaging, no bridge IndexedDB', async () => {
        const seen = await inContentScript<string>(`(async () => {
        const local = await chrome.storage.local.get(null);
        let session;
        try { session = await chrome.storage.session.get(null); } catch (e) { session = 'refused'; }
        const dbs = (await indexedDB.databases()).map((d) => d.name);
        return JSON.stringify({ local, session, native: typeof chrome.runtime.sendNativeMessage, dbs });
      })()`);
        expect(seen).not.toContain(token);
        const parsed = JSON.parse(seen) as { session: unknown; native: string; dbs: string[] };
        expect(parsed.session).toBe('refused');
        expect(parsed.native).toBe('undefined');
        expect(parsed.dbs).not.toContain('clinic-companion-bridge');
      });

      it('cannot export: the background does not answer a content script, and no file is written', async () => {
        const before = readdirSync(exportDir).length;
        const reply = await inContentScript<string>(`chrome.runtime
        .sendMessage({ type: 'bridge-export-pdf', request: ${JSON.stringify(journalRequest())} })
        .then((r) => JSON.stringify(r ?? null), (e) => 'no answer: ' + e.message)`);
        expect(reply === 'null' || reply.startsWith('no answer')).toBe(true);
        await new Promise((r) => setTimeout(r, 500));
        expect(readdirSync(exportDir).length).toBe(before);
        // The same request from an extension page is exported.
        const page = await extensionPage();
        const ok = await page.evaluate(
          (request) => chrome.runtime.sendMessage({ type: 'bridge-export-pdf', request }),
          journalRequest(),
        );
        expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true });
        expect(readdirSync(exportDir).length).toBe(before + 1);
        await page.close();
      });
    });
  },
);
