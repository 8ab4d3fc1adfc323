/**
 * R-D-1 end to end: on the simulator's date-filtered Asynkrona view the panel says how old the
 * view is and "Uppdatera vyn" reloads it through the console's own Uppdatera; nothing refreshes
 * by itself, and other views show nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsUnavailable, panelText, waitFor } from './harness';
import { sidePanelElement } from './side-panel';
import { type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable)('date-filter-refresh: a date-filtered view has no automatic refresh (R-D-1)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-D-1: "uppdaterad för 0 min sedan" on Asynkrona; one click reloads the view; a visit shows nothing', async () => {
    const page = await stack.ext.newConsolePage(`${stack.sim.url}/asynkrona`);
    await waitFor(async () => (await panelText(page)).includes('uppdaterad för 0 min sedan'));
    const origin = await page.evaluate(() => performance.timeOrigin);
    await (await sidePanelElement(page, 'date-filter-refresh', '[data-date-filter-refresh="card"] button')).click();
    await waitFor(async () => (await page.evaluate(() => performance.timeOrigin).catch(() => origin)) !== origin);
    expect(page.url()).toContain('datum=');
    await waitFor(async () => (await panelText(page)).includes('uppdaterad för 0 min sedan'));
    await page.close();

    const visit = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await panelText(visit)).includes('Besökets rutin'));
    expect(await panelText(visit)).not.toContain('datumfilter');
    await visit.close();
  });
});
