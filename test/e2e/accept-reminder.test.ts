/** R-Q-3 end to end: a waiting visit reminds to "Ta emot"; accepting it on the page removes the reminder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsUnavailable, panelText, waitFor } from './harness';
import { type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable)('accept-reminder: Ta emot (R-Q-3)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-Q-3: waiting → reminder naming colleagues and the SMS; after Ta emot → gone; an ongoing visit → none', async () => {
    const page = await stack.openVisit(stack.cases.adult2);
    await waitFor(async () => (await panelText(page)).includes('Ärendet är inte mottaget'));
    expect(await panelText(page)).toContain('patienten får inget SMS');
    await (await page.waitForSelector('::-p-aria(Ta emot[role="button"])'))!.click();
    await waitFor(async () => !(await panelText(page)).includes('Ärendet är inte mottaget'));
    await page.close();
    const ongoing = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await panelText(ongoing)).includes('Besökets rutin'));
    expect(await panelText(ongoing)).not.toContain('Ärendet är inte mottaget');
    await ongoing.close();
  });
});
