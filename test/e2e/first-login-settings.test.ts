/**
 * R-S-1 end to end: the console's Inställningar › Skifttyp and the first-login dialog in
 * Chromium over the simulator; the remarks follow what the clinician changes on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsUnavailable, panelText, waitFor } from './harness';
import { type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();
const LOAD_BALANCER = 'Lastbalanseraren ska vara avstängd';

describe.skipIf(unavailable)('first-login-settings: R-S-1 on Inställningar and the first-login dialog', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-S-1: Skifttyp with the load balancer on and Sekundärjour → both pointed at; switched off on the page → that remark goes', async () => {
    stack.sim.control.setSession({ loadBalancer: true, shiftType: 'Sekundärjour' });
    const page = await stack.ext.newConsolePage(`${stack.sim.url}/installningar/skifttyp`);
    await waitFor(async () => (await panelText(page)).includes(LOAD_BALANCER));
    expect(await panelText(page)).toContain('Skifttyp ska vara Primärjour (nu: Sekundärjour)');
    await (await page.waitForSelector('::-p-aria(Lastbalanserare[role="switch"])'))!.click();
    await page.waitForSelector('[role="switch"][aria-checked="false"]');
    await waitFor(async () => !(await panelText(page)).includes(LOAD_BALANCER));
    await page.select('select[name="shiftType"]', 'Primärjour');
    await waitFor(async () => !(await panelText(page)).includes('Skifttyp ska vara'));
    await page.close();
  });

  it('R-S-1: the first-login dialog — no shift type chosen and the load balancer on are pointed at', async () => {
    stack.sim.control.setSession({ loggedIn: false, shiftTypeChosen: false, shiftType: '', loadBalancer: true });
    const page = await stack.ext.newConsolePage(`${stack.sim.url}/`);
    await (await page.waitForSelector('::-p-aria(Logga in med SITHS-kort[role="button"])'))!.click();
    await (await page.waitForSelector('::-p-aria(Bekräfta[role="button"])'))!.click();
    await page.waitForSelector('::-p-aria(Välj skifttyp[role="dialog"])');
    await waitFor(async () => (await panelText(page)).includes(LOAD_BALANCER));
    expect(await panelText(page)).toContain('Skifttyp ska vara Primärjour (ingen vald)');
    await page.close();
  });
});
