/**
 * Issue 10's shift guard end to end on the real card stack: our own pcscd with vpcd's virtual
 * reader and a virtual PKCS#15 SITHS card (vicc), the real bridge with its PC/SC card adapter (no
 * scripted reader), the test build in Chromium and two console tabs over the simulator. Pulling
 * the card means stopping the virtual card, as close to a hand on the card as this machine allows.
 * Here (not in test/e2e) because it needs the one pcscd: the pcsc project runs a file at a time.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBridge, startBridge } from '../../bridge/app';
import { silentLogger } from '../../bridge/log';
import { swedish } from '../fixtures/words';

const CARD_PULLED_BANNER = swedish('shiftGuard_banner');
const OTHER_CARD_WARNING = swedish('shiftGuard_otherCard');

import { testConfig } from '../bridge/http-helpers';
import { createTestChain, issueTestCertificate, TEST_CLINICIAN_NAME, type TestChain } from '../bridge/test-certs';
import { bridgeState, COMPANION_STARTED, describeInBrowser, panelText, waitFor } from '../e2e/harness';
import { pairThroughOptions, type Stack, startStack } from '../e2e/stack';
import { PcscStack, pcscStackOrSkip } from './harness';

const SUITE = 'shift-guard on the real card stack: pcscd + vpcd + virtual SITHS card (R-S-2)';
const CARD_NAME = TEST_CLINICIAN_NAME.split(' ');
/** A colleague's card under the same test CA (a shared workstation): another name and HSA-id. */
const COLLEAGUE_SUBJECT =
  'C=SE, O=Testregionen, G=Bertil, SN=Testsköterska, CN=Bertil Testsköterska, 2.5.4.5=TSTNMT2321000156-1020';
/** Generous: the product's target is 1 s; vpcd polls the virtual card every 0–400 ms on its own. */
const BANNER_BOUND_MS = 2_500;

function suite(): void {
  let pcsc: PcscStack;
  let stack: Stack;
  let bridge: RunningBridge;
  let chain: TestChain;
  let colleagueCard: Uint8Array[];
  let exportDir: string;
  let visit: Page;
  let start: Page;
  const token = randomBytes(32).toString('base64url');
  const bannerShown = async (page: Page) => (await panelText(page)).includes(CARD_PULLED_BANNER);
  const bannerIn = async (pages: Page[]) => (await Promise.all(pages.map(bannerShown))).every(Boolean);
  const bannerInNone = async (pages: Page[]) => (await Promise.all(pages.map(bannerShown))).every((b) => !b);
  const notifications = async () =>
    Object.keys(await (await stack.ext.worker()).evaluate(() => chrome.notifications.getAll()));
  const cardPresent = () =>
    waitFor(async () => (await bridgeState(visit)) === 'card-present' && (await bridgeState(start)) === 'card-present');

  beforeAll(async () => {
    chain = await createTestChain();
    const colleague = await issueTestCertificate(chain, { subject: COLLEAGUE_SUBJECT });
    colleagueCard = [chain.ca, colleague.der];
    pcsc = new PcscStack();
    await pcsc.startPcscd();
    await pcsc.insertCard('pkcs15', chain.cardOrder);
    exportDir = mkdtempSync(path.join(tmpdir(), 'cc-export-'));
    // No `reader` option: the bridge's own PcscCardReader, with its default timings.
    bridge = await startBridge(testConfig({ port: 0, token, exportDir, trustAnchors: [chain.ca] }), silentLogger);
    stack = await startStack();
    // The console's clinician is the card's holder (the simulator's default profile is someone else).
    stack.sim.control.setSession({ profile: { firstName: CARD_NAME[0]!, lastName: CARD_NAME.slice(1).join(' ') } });
    await pairThroughOptions(stack.ext, token, bridge.server.port);
    visit = await stack.openVisit(stack.cases.adult);
    start = await stack.ext.newConsolePage(`${stack.sim.url}/`);
    await start.waitForSelector(COMPANION_STARTED);
    await cardPresent();
    // pcscd may list the reader empty for a moment after the virtual card connects: a tab that read
    // NO_CARD then reported a pull, and the card the bridge then sees clears it (background/
    // shift-guard.ts; a moment later, in the background). The test starts from that settled state.
    await waitFor(async () => !(await notifications()).includes('shift-guard:card-pulled'));
  });

  afterAll(async () => {
    await stack?.stop();
    await bridge?.stop();
    await pcsc?.stopAll();
    if (exportDir) rmSync(exportDir, { recursive: true, force: true });
    expect(pcsc ? pcsc.leftovers() : []).toEqual([]);
  });

  it('R-S-2: virtual card pulled during a shift → banner in both console tabs and a system notification; card back → both cleared', async () => {
    const tabs = [visit, start];
    expect(await bannerInNone(tabs)).toBe(true);
    expect(await notifications()).not.toContain('shift-guard:card-pulled');
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      await pcsc.removeCards();
      await waitFor(() => bannerIn(tabs), 10_000, 10);
      samples.push(performance.now() - started);
      await waitFor(async () => (await notifications()).includes('shift-guard:card-pulled'));
      await pcsc.insertCard('pkcs15', chain.cardOrder);
      await waitFor(() => bannerInNone(tabs), 10_000, 10);
      await waitFor(async () => !(await notifications()).includes('shift-guard:card-pulled'));
      await cardPresent();
    }
    console.info(
      `[shift-guard/pcsc] virtual card pulled → banner in both tabs: ${samples.map((s) => s.toFixed(0)).join(', ')} ms`,
    );
    expect(Math.max(...samples)).toBeLessThan(BANNER_BOUND_MS);
  });

  it("R-S-2: another person's card in the reader (a shared workstation) → a warning; the holder's own card → none", async () => {
    expect(await panelText(visit)).not.toContain(OTHER_CARD_WARNING);
    await pcsc.removeCards();
    await waitFor(() => bannerShown(visit));
    await pcsc.insertCard('pkcs15', colleagueCard);
    await waitFor(async () => (await panelText(visit)).includes(OTHER_CARD_WARNING), 10_000);
    await waitFor(async () => (await panelText(start)).includes(OTHER_CARD_WARNING), 10_000);
    // A card is in the reader again, even if not theirs: the pulled-card banner is gone.
    expect(await bannerShown(visit)).toBe(false);
    await pcsc.removeCards();
    await pcsc.insertCard('pkcs15', chain.cardOrder);
    await waitFor(async () => !(await panelText(visit)).includes(OTHER_CARD_WARNING), 10_000);
    await waitFor(async () => !(await panelText(start)).includes(OTHER_CARD_WARNING), 10_000);
    await cardPresent();
  });
}

// Both halves must be there: in CI (CI=true) either missing throws; locally the suite says why it skipped.
if (pcscStackOrSkip('test/pcsc/shift-guard-card.test.ts')) describeInBrowser(SUITE, suite);
else describe(SUITE, () => it.todo('HOPPADES ÖVER – PC/SC-stacken saknas (npm run setup)'));
