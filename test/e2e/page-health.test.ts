import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATIENTS } from '../fixtures/patients';
import { browserTestsUnavailable, waitFor } from './harness';
import { sidePanelFor } from './side-panel';
import { type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();

/** The indicator as the side panel shows it for this console page's tab (issue 14). */
const indicator = async (page: Page) =>
  (await sidePanelFor(page)).evaluate(() => {
    const slot = document.getElementById('feature-views')?.shadowRoot?.querySelector('[data-feature="page-health"]');
    return {
      state: slot?.querySelector<HTMLElement>('[data-health]')?.dataset.health ?? null,
      text: slot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    };
  });

/**
 * Issue 8 "health you can see": the indicator follows the page — a field the adapter can no
 * longer read is named (never its value) soon after the console changes, and clears again.
 */
describe.skipIf(unavailable)('page-health indicator (R-SUP-1), real Chromium over the simulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-SUP-1: names the field that became unreadable, never the patient data, and recovers', async () => {
    const page = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await indicator(page)).state === 'ok');
    const changed = Date.now();
    stack.sim.control.updateCase(stack.cases.adult, { headerVariant: 'two-ids' });
    await waitFor(async () => (await indicator(page)).state === 'degraded', 5_000);
    console.info(`page-health: console change → indicator ${Date.now() - changed} ms (incl. the simulator's SSE)`);
    const { text } = await indicator(page);
    expect(text).toContain('personnummer (flera värden)');
    for (const p of Object.values(PATIENTS)) {
      expect(text).not.toContain(p.personnummer.slice(0, 8));
      expect(text).not.toContain(p.name);
    }
    stack.sim.control.updateCase(stack.cases.adult, { headerVariant: 'normal' });
    await waitFor(async () => (await indicator(page)).state === 'ok', 5_000);
    await page.close();
  });
});
