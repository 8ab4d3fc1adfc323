/**
 * Shift guard budgets (issue 10): the SITHS card pulled → the R-S-2 warning in the danger bar on
 * two console tabs' pages (issue 14), end to end (the real bridge with the scripted reader polled
 * every 100 ms — the virtual vpcd reader adds its own 0–400 ms polling on top), p95 under 1 s; and
 * "Logga ut" → the R-S-3 checklist in the side panel, p95 under 100 ms (the console page and the
 * side panel note the times on the same system clock).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'puppeteer-core';
import { startBridge } from '../bridge/app';
import { silentLogger } from '../bridge/log';
import { FakeCardReader, FileSystemCard, pkcs15FileSystem } from '../test/bridge/fake-reader';
import { testConfig } from '../test/bridge/http-helpers';
import { createTestChain } from '../test/bridge/test-certs';
import { bridgeState, browserTestsUnavailable, COMPANION_STARTED, panelText, waitFor } from '../test/e2e/harness';
import { sidePanelFor } from '../test/e2e/side-panel';
import { pairThroughOptions, startStack } from '../test/e2e/stack';
import { swedish } from '../test/fixtures/words';
import { type BenchResult, type BenchSuite, percentile } from './types';

const READER = 'Virtual PCD 00 00';

/** The danger bar's text on a console page ('' when none shows). */
function dangerBar(): string {
  const host = document.querySelector<HTMLElement>('[data-clinic-companion="alarm"]');
  if (!host || host.style.display === 'none') return '';
  return host.shadowRoot?.querySelector('.bar')?.textContent ?? '';
}

/** In the side panel: window.__checklistSeen, the epoch time the R-S-3 checklist appears (-1: never). */
function watchChecklist(): void {
  const root = document.getElementById('feature-views')!.shadowRoot!;
  const w = window as unknown as { __checklistSeen: Promise<number> };
  w.__checklistSeen = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!root.querySelector('[data-shift-guard="checklist"]')) return;
      observer.disconnect();
      resolve(performance.timeOrigin + performance.now());
    });
    observer.observe(root, { subtree: true, childList: true });
    setTimeout(() => resolve(-1), 5_000);
  });
}

/** In the console page: presses "Logga ut", returning the epoch time of the press. */
function pressLogout(): number {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Logga ut')!;
  // Epoch time, sub-millisecond: comparable with the side panel's page.
  const t0 = performance.timeOrigin + performance.now();
  button.click();
  return t0;
}

const suite: BenchSuite = async () => {
  if (browserTestsUnavailable()) return [];
  const chain = await createTestChain();
  const fake = new FakeCardReader();
  fake.plugReader(READER);
  const card = () => new FileSystemCard(pkcs15FileSystem(chain.cardOrder));
  fake.insert(READER, card());
  const exportDir = mkdtempSync(path.join(tmpdir(), 'bench-shift-'));
  const token = randomBytes(32).toString('base64url');
  const bridge = await startBridge(testConfig({ port: 0, token, exportDir, trustAnchors: [chain.ca] }), silentLogger, {
    reader: fake,
    retryMs: 50,
    pollMs: 100,
  });
  const stack = await startStack();
  try {
    await pairThroughOptions(stack.ext, token, bridge.server.port);
    const visit = await stack.openVisit(stack.cases.adult);
    const start = await stack.ext.newConsolePage(`${stack.sim.url}/`);
    await start.waitForSelector(COMPANION_STARTED);
    await waitFor(async () => (await bridgeState(visit)) === 'card-present');
    const shown = async (page: Page) => (await page.evaluate(dangerBar)).includes(swedish('shiftGuard_banner'));

    const pulled: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      fake.remove(READER);
      await waitFor(async () => (await shown(visit)) && (await shown(start)), 5_000, 5);
      pulled.push(performance.now() - t0);
      fake.insert(READER, card());
      await waitFor(async () => !(await shown(visit)) && !(await shown(start)), 5_000, 5);
    }

    await start.bringToFront();
    const panel = await sidePanelFor(start);
    const checklist: number[] = [];
    for (let i = 0; i < 20; i++) {
      await panel.evaluate(watchChecklist);
      const pressed = await start.evaluate(pressLogout);
      const seenAt = (await panel.evaluate('window.__checklistSeen')) as number;
      if (seenAt < 0) throw new Error('the R-S-3 checklist never appeared in the side panel');
      checklist.push(seenAt - pressed);
      await (await start.waitForSelector('::-p-aria(Avbryt[role="button"])'))!.click();
      await waitFor(async () => !(await panelText(start)).includes('Innan du avslutar skiftet'), 5_000, 5);
    }
    const results: BenchResult[] = [
      {
        name: 'card pulled → R-S-2 danger bar on 2 console tabs (reader polled every 100 ms)',
        value: percentile(pulled, 95),
        unit: 'ms',
        statistic: 'p95',
        budget: 1_000,
      },
      {
        name: '"Logga ut" → R-S-3 checklist ready in the side panel',
        value: percentile(checklist, 95),
        unit: 'ms',
        statistic: 'p95',
        budget: 100,
      },
    ];
    return results;
  } finally {
    await stack.stop();
    await bridge.stop();
    rmSync(exportDir, { recursive: true, force: true });
  }
};

export default suite;
