import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsUnavailable, panelText, waitFor } from './harness';
import { clickCopy, type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable)('shift end purges per-visit data (R-S-2), real Chromium over the simulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const stored = async () =>
    (await stack.ext.worker()).evaluate(async () => ({
      visits: Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('visit:')).length,
      cosmic: 'cosmicPatient' in (await chrome.storage.session.get('cosmicPatient')),
      facts: Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('journalFacts:')).length,
    }));

  it('R-S-2: "Avsluta skift" removes every visit record, the open visits\' facts and the patient last sent to Cosmic', async () => {
    const page = await stack.openVisit(stack.cases.adult);
    const box = '[data-clinic-companion="panel"] >>> input[type="checkbox"]';
    await (await page.waitForSelector(box))!.click();
    await clickCopy(page);
    await waitFor(async () => (await panelText(page)).includes('I Cosmic: 19900101-••85'));
    await waitFor(async () => (await stored()).visits > 0);
    await waitFor(async () => (await stored()).facts > 0);
    expect((await stored()).cosmic).toBe(true);

    // The clinician logs out and ends the shift through the console's own dialog.
    const logout = await page.waitForSelector('::-p-aria(Logga ut[role="button"])');
    await logout!.click();
    const end = await page.waitForSelector('::-p-aria(Avsluta skift[role="button"])');
    await end!.click();
    await waitFor(async () => {
      const s = await stored();
      return s.visits === 0 && !s.cosmic && s.facts === 0;
    });
    await page.close();
  });

  it('"Logga ut utan att avsluta skift" keeps the shift and its data', async () => {
    const { cases } = stack.sim.control.scenario('default');
    const page = await stack.openVisit(cases.adult2);
    await clickCopy(page);
    await waitFor(async () => (await stored()).cosmic);
    await (await page.waitForSelector('::-p-aria(Logga ut[role="button"])'))!.click();
    await (await page.waitForSelector('::-p-aria(Logga ut utan att avsluta skift[role="button"])'))!.click();
    await new Promise((r) => setTimeout(r, 500));
    expect((await stored()).cosmic).toBe(true);
    await page.close();
  });
});
