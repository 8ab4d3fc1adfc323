/** R-T-1 end to end: the simulator's "Boka biljett" dialog; a ticket to the wrong resource is pointed at. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsUnavailable, panelText, waitFor } from './harness';
import { type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();
const WRONG = 'Resursen ska vara Sjuksköterska på vårdcentralen (nu: Läkare)';

describe.skipIf(unavailable)('ticket-guard: Boka biljett (R-T-1)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-T-1: Läkare as resource → pointed at; Sjuksköterska → not; empty fields and the open chat listed; administrative → Medicinsk admin', async () => {
    const page = await stack.openVisit(stack.cases.adult);
    await (await page.waitForSelector('::-p-aria(Boka biljett[role="button"])'))!.click();
    await waitFor(async () => (await panelText(page)).includes(WRONG));
    const text = await panelText(page);
    expect(text).toContain('Sökorsak saknas');
    expect(text).toContain('Giltighetstid saknas');
    expect(text).toContain('Avsluta chatten efter bokningen');
    await page.select('[role="dialog"] select[name="resource"]', 'Sjuksköterska');
    await waitFor(async () => !(await panelText(page)).includes('Resursen ska vara'));
    await page.type('[role="dialog"] input[name="reason"]', 'Hosta');
    await waitFor(async () => !(await panelText(page)).includes('Sökorsak saknas'));
    await (await page.waitForSelector('[role="dialog"] input[name="administrative"]'))!.click();
    await waitFor(async () =>
      (await panelText(page)).includes('Resursen ska vara Medicinsk admin för en administrativ biljett'),
    );
    await page.close();
  });
});
