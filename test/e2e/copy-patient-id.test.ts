import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsUnavailable, panelText, readClipboard, waitFor } from './harness';
import { COPY_BUTTON, clickCopy, type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable)('copy patient ID for Cosmic (R-ID-1), real Chromium over the simulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const feedback = (page: Awaited<ReturnType<Stack['openVisit']>>) =>
    page.$eval('[data-clinic-companion="copy-patient-id"]', (host) => host.shadowRoot?.textContent ?? '');

  it('R-ID-1: the button beside the ID copies the normalised Cosmic form and confirms', async () => {
    const page = await stack.openVisit(stack.cases.adult);
    await clickCopy(page);
    await waitFor(async () => (await feedback(page)).includes('Kopierat'));
    expect(await readClipboard(page)).toBe('19900101-2385');
    await page.close();
  });

  it('R-ID-1: a samordningsnummer is copied in the same 12-digit form', async () => {
    const page = await stack.openVisit(stack.cases.coordination);
    await clickCopy(page);
    await waitFor(async () => (await feedback(page)).includes('Kopierat'));
    expect(await readClipboard(page)).toBe('19900179-2382');
    await page.close();
  });

  it('R-ID-1: a header without an ID shows unknown and the copy is refused with the reason', async () => {
    const { id } = stack.sim.control.createCase({ patientKey: 'adult2', priority: 3, headerVariant: 'no-id' });
    const page = await stack.openVisit(stack.cases.adult);
    await clickCopy(page);
    await waitFor(async () => (await readClipboard(page)) === '19900101-2385');
    await page.goto(stack.visitUrl(id));
    await page.waitForSelector(COPY_BUTTON);
    await clickCopy(page);
    await waitFor(async () => (await feedback(page)).includes('Kan inte kopiera'));
    expect(await feedback(page)).toContain('personnummer okänt');
    // The clipboard still holds the previous patient: nothing was copied silently.
    expect(await readClipboard(page)).toBe('19900101-2385');
    await page.close();
  });

  it('R-ID-1: two different numbers in the header are ambiguous, never "the first one"', async () => {
    const { id } = stack.sim.control.createCase({ patientKey: 'adult', priority: 3, headerVariant: 'two-ids' });
    const page = await stack.openVisit(id);
    await clickCopy(page);
    await waitFor(async () => (await feedback(page)).includes('Kan inte kopiera'));
    expect(await feedback(page)).toContain('flera olika värden');
    expect(await panelText(page)).toContain('Personnummer okänt');
    await page.close();
  });

  it('R-ID-1: the keyboard command copies through the background as well', async () => {
    const page = await stack.openVisit(stack.cases.elderly);
    await page.bringToFront();
    const worker = await stack.ext.worker();
    // Chrome has no API to press a command's shortcut headless: send what onCommand sends.
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { type: 'copy-patient-id' });
    });
    await waitFor(async () => (await readClipboard(page)) === '19420107-7098');
    await page.close();
  });
});
