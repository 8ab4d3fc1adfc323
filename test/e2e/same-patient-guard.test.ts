import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsUnavailable, panelText, readClipboard, waitFor } from './harness';
import { clickCopy, type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();
const WARNING = 'Cosmic kan visa en annan patient – kopiera denna patients personnummer';
/** The danger bar's text on a console page ('' when none shows). */
const alarmText = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-clinic-companion="alarm"]');
    if (!host || getComputedStyle(host).display === 'none') return '';
    return host.shadowRoot?.querySelector('.bar')?.textContent ?? '';
  });

describe.skipIf(unavailable)('same-patient guard (R-ID-2), two console tabs in real Chromium', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-ID-2: copy A, switch to B → warning; copy B → clear; the clipboard holds B', async () => {
    const tabA = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await panelText(tabA)).includes('I Cosmic: ingen patient kopierad'));
    await clickCopy(tabA);
    await waitFor(async () => (await panelText(tabA)).includes('I Cosmic: 19900101-••85 (AT)'));
    expect(await panelText(tabA)).toContain('Samma patient som i detta besök');

    const tabB = await stack.openVisit(stack.cases.adult2);
    await waitFor(async () => (await panelText(tabB)).includes(WARNING));
    // On the page itself too: the danger bar (issue 14), in the console's free top bar.
    await waitFor(async () => (await alarmText(tabB)).includes('Annan patient i Cosmic'));
    expect(await panelText(tabB)).toContain('I Cosmic: 19900101-••85 (AT)');
    // The warning is announced, not only drawn.
    await waitFor(async () =>
      (await tabB.$eval('[data-clinic-companion="live-assertive"]', (el) => el.textContent ?? '')).includes(
        'annan patient',
      ),
    );

    await clickCopy(tabB);
    await waitFor(async () => (await panelText(tabB)).includes('I Cosmic: 19750107-••92 (BP)'));
    expect(await panelText(tabB)).not.toContain(WARNING);
    await waitFor(async () => !(await alarmText(tabB)).includes('Annan patient i Cosmic'));
    expect(await readClipboard(tabB)).toBe('19750107-9292');

    // Shared across tabs: tab A, still on patient A, now warns.
    await waitFor(async () => (await panelText(tabA)).includes(WARNING));
    await tabA.close();
    await tabB.close();
  });

  it('R-ID-2: navigating inside the console SPA (no reload) to another patient raises the warning', async () => {
    const page = await stack.openVisit(stack.cases.elderly);
    await clickCopy(page);
    await waitFor(async () => (await panelText(page)).includes('Samma patient'));
    // Client-side navigation like a clinician clicking in Mina ärenden.
    await page.evaluate(
      (url) => {
        history.pushState({}, '', url);
        dispatchEvent(new PopStateEvent('popstate'));
      },
      `/besok/${encodeURIComponent(stack.cases.child)}`,
    );
    await waitFor(async () => (await panelText(page)).includes(WARNING));
    await page.close();
  });

  it('R-ID-2: the service worker killed → the chip keeps the patient in Cosmic, and copying still works', async () => {
    const page = await stack.openVisit(stack.cases.centenarian);
    await clickCopy(page);
    await waitFor(async () => (await panelText(page)).includes('I Cosmic: 19200101-••64 (MH)'));
    await stack.ext.killWorker();
    const other = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await panelText(other)).includes('I Cosmic: 19200101-••64 (MH)'));
    expect(await panelText(other)).toContain(WARNING);
    await clickCopy(other);
    await waitFor(async () => (await panelText(page)).includes(WARNING));
    expect(await readClipboard(other)).toBe('19900101-2385');
    await page.close();
    await other.close();
  });
});
