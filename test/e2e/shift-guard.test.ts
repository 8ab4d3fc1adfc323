/**
 * The shift guard end to end (R-S-2, R-S-3, R-S-4): the real bridge (bridge/app.ts) with the
 * scripted card reader and the test SITHS chain, the test build in Chromium, two console tabs
 * over the simulator. One browser for the whole file; the simulator's control API sets the state.
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

import { FakeCardReader, FileSystemCard, pkcs15FileSystem } from '../bridge/fake-reader';
import { testConfig } from '../bridge/http-helpers';
import { createTestChain, TEST_CLINICIAN_NAME, type TestChain } from '../bridge/test-certs';
import { bridgeState, browserTestsUnavailable, COMPANION_STARTED, panelText, waitFor } from './harness';
import { sidePanelFor } from './side-panel';
import { pairThroughOptions, type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();
const READER = 'Virtual PCD 00 00';
const CARD_NAME = TEST_CLINICIAN_NAME.split(' ');

describe.skipIf(unavailable)('shift-guard: the shift ends only by "Avsluta skift" (R-S-2, R-S-3, R-S-4)', () => {
  let stack: Stack;
  let bridge: RunningBridge;
  let fake: FakeCardReader;
  let chain: TestChain;
  let exportDir: string;
  let visit: Page;
  let start: Page;
  const token = randomBytes(32).toString('base64url');
  const sithsCard = () => new FileSystemCard(pkcs15FileSystem(chain.cardOrder));
  /** The warning on the console page itself: the danger bar (issue 14), shown in every console tab. */
  const bannerShown = (page: Page) =>
    page.evaluate((text) => {
      const host = document.querySelector<HTMLElement>('[data-clinic-companion="alarm"]');
      if (!host || getComputedStyle(host).display === 'none') return false;
      return host.shadowRoot?.querySelector('.bar')?.getAttribute('title') === text;
    }, CARD_PULLED_BANNER);
  const notifications = async () =>
    Object.keys(await (await stack.ext.worker()).evaluate(() => chrome.notifications.getAll()));

  beforeAll(async () => {
    chain = await createTestChain();
    fake = new FakeCardReader();
    fake.plugReader(READER);
    fake.insert(READER, sithsCard());
    exportDir = mkdtempSync(path.join(tmpdir(), 'cc-export-'));
    bridge = await startBridge(testConfig({ port: 0, token, exportDir, trustAnchors: [chain.ca] }), silentLogger, {
      reader: fake,
      retryMs: 50,
      pollMs: 100,
    });
    stack = await startStack();
    // The console's clinician is the card's holder (the default profile is someone else).
    stack.sim.control.setSession({ profile: { firstName: CARD_NAME[0]!, lastName: CARD_NAME.slice(1).join(' ') } });
    await pairThroughOptions(stack.ext, token, bridge.server.port);
    visit = await stack.openVisit(stack.cases.adult);
    start = await stack.ext.newConsolePage(`${stack.sim.url}/`);
    await start.waitForSelector(COMPANION_STARTED);
    await waitFor(async () => (await bridgeState(visit)) === 'card-present');
  });
  afterAll(async () => {
    await stack?.stop();
    await bridge?.stop();
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('R-S-2: card pulled during a shift → banner in every console tab within 1 s, and a system notification; card back → cleared', async () => {
    expect(await bannerShown(visit)).toBe(false);
    const samples: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      fake.remove(READER);
      await waitFor(async () => (await bannerShown(visit)) && (await bannerShown(start)), 5_000, 10);
      const ms = performance.now() - started;
      samples.push(ms);
      await waitFor(async () => (await notifications()).includes('shift-guard:card-pulled'));
      // The side panel says it too, in full.
      await waitFor(async () => (await panelText(visit)).includes(CARD_PULLED_BANNER));
      fake.insert(READER, sithsCard());
      await waitFor(async () => !(await bannerShown(visit)) && !(await bannerShown(start)), 5_000, 10);
      await waitFor(async () => !(await notifications()).includes('shift-guard:card-pulled'));
    }
    console.info(`[shift-guard] card pulled → banner in both tabs: ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
    // Generous bound: the requirement is 1 s; the bridge here polls the reader every 100 ms.
    expect(Math.max(...samples)).toBeLessThan(1_000);
  });

  it('R-S-2: no shift → a pulled card warns nothing (the shift is what the banner is about)', async () => {
    stack.sim.control.setSession({ shift: 'none' });
    await waitFor(async () => (await panelText(visit)).includes('Du får inte SMS om'));
    fake.remove(READER);
    await waitFor(async () => (await panelText(visit)).includes('Inget kort'));
    expect(await bannerShown(visit)).toBe(false);
    fake.insert(READER, sithsCard());
    stack.sim.control.setSession({ shift: 'ongoing' });
    await waitFor(async () => (await bridgeState(visit)) === 'card-present');
    await waitFor(async () => !(await panelText(visit)).includes('Du får inte SMS om'));
  });

  it("R-S-2: another person's card (a shared workstation) → a warning; the holder's own name → none", async () => {
    expect(await panelText(visit)).not.toContain(OTHER_CARD_WARNING);
    stack.sim.control.setSession({ profile: { firstName: 'Sara', lastName: 'Sjuksköterska' } });
    await waitFor(async () => (await panelText(visit)).includes(OTHER_CARD_WARNING));
    stack.sim.control.setSession({ profile: { firstName: CARD_NAME[0]!, lastName: CARD_NAME.slice(1).join(' ') } });
    await waitFor(async () => !(await panelText(visit)).includes(OTHER_CARD_WARNING));
  });

  it('R-S-3: "Logga ut" with open cases → the checklist lists them (ready ≤ 100 ms), with the phrases; R-S-2: logging out without ending keeps SMS coming (R-S-4)', async () => {
    // The scenario's own cases belong to the simulator's default clinician.
    stack.sim.control.setSession({ profile: { firstName: 'Sara', lastName: 'Sjuksköterska' } });
    const own = stack.sim.control
      .getState()
      .cases.filter((c) => c.assignedTo === 'Sara Sjuksköterska' && (c.state === 'accepted' || c.state === 'ongoing'));
    expect(own.length).toBeGreaterThan(0);
    await start.bringToFront();
    await waitFor(async () =>
      (await start.evaluate(() => document.body.textContent ?? '')).includes(own[0]!.patient.name),
    );
    const samples: number[] = [];
    const panel = await sidePanelFor(start);
    for (let round = 0; round < 5; round++) {
      // Issue 14: the checklist is in the side panel. Its own clock notes when it appears; both
      // pages read the same system clock.
      await panel.evaluate(() => {
        const root = document.getElementById('feature-views')!.shadowRoot!;
        const w = window as unknown as { checklistSeen: Promise<number> };
        w.checklistSeen = new Promise<number>((resolve) => {
          const seen = () => {
            if (!root.querySelector('[data-shift-guard="checklist"]')) return false;
            resolve(Date.now());
            return true;
          };
          const observer = new MutationObserver(() => seen() && observer.disconnect());
          observer.observe(root, { subtree: true, childList: true });
          setTimeout(() => resolve(-1), 5_000);
        });
      });
      const clicked = await start.evaluate(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Logga ut')!;
        const t0 = Date.now();
        button.click();
        return t0;
      });
      const seenAt = await panel.evaluate(
        () => (window as unknown as { checklistSeen: Promise<number> }).checklistSeen,
      );
      const ms = seenAt < 0 ? -1 : seenAt - clicked;
      samples.push(ms);
      const text = await panelText(start);
      for (const c of own) expect(text).toContain(c.patient.name);
      expect(text).toContain('ring 1177 eller sök vård på en akutmottagning');
      expect(text).toContain('fortsätter skiftet: du får fortfarande SMS');
      if (round < 4) {
        await (await start.waitForSelector('::-p-aria(Avbryt[role="button"])'))!.click();
        await waitFor(async () => !(await panelText(start)).includes('Innan du avslutar skiftet'));
      }
    }
    console.info(`[shift-guard] "Logga ut" → checklist ready: ${samples.map((s) => s.toFixed(1)).join(', ')} ms`);
    expect(samples.every((s) => s >= 0 && s <= 100)).toBe(true);

    // R-S-4: logged out with the shift still running → every SMS still comes; the card warning too.
    await (await start.waitForSelector('::-p-aria(Logga ut utan att avsluta skift[role="button"])'))!.click();
    await waitFor(async () => (await panelText(start)).includes('Du får SMS om: nya asynkrona meddelanden'));
    fake.remove(READER);
    await waitFor(async () => bannerShown(start));
    fake.insert(READER, sithsCard());
    await waitFor(async () => !(await bannerShown(start)));
  });
});
