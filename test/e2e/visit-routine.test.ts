/**
 * The visit's routine end to end (R-Q-2, R-V-1, R-V-2, R-C-1) in Chromium over the simulator:
 * the priority check, Originalsvar one click away, presence before a call (the simulator's
 * control turns the patient offline), the fee and communication phrases, the colleague reminder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATIENT_FEE_PHRASE } from '../../shared/routine/visit';
import { browserTestsUnavailable, panelText, waitFor } from './harness';
import { sidePanelElement } from './side-panel';
import { type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable)('visit-routine: the routine of a visit (R-Q-2, R-V-1, R-V-2, R-C-1)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-Q-2: one click marks the priority checked; "Visa originalsvar" brings the answers into view', async () => {
    const page = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await panelText(page)).includes('prioritet 3 stämmer med patientens svar'));
    await (await sidePanelElement(page, 'visit-routine', '[data-visit-routine="priority-checked"]')).click();
    await waitFor(async () => (await panelText(page)).includes('Prioritet kontrollerad mot svaren (prioritet 3).'));
    const inView = () =>
      page.evaluate(() => {
        const heading = [...document.querySelectorAll('h1, h2, h3, p, summary')].find(
          (el) => el.textContent?.trim() === 'Originalsvar',
        );
        const box = heading?.getBoundingClientRect();
        return !!box && box.top >= 0 && box.top < window.innerHeight;
      });
    await page.setViewport({ width: 1000, height: 400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await inView()).toBe(false);
    await (await sidePanelElement(page, 'visit-routine', '[data-visit-routine="original"]')).click();
    await waitFor(inView);
    await page.close();
  });

  it('R-V-1: online → the fee phrase before a call; offline → calls do not work now; R-V-2 shown; R-C-1 not until someone is invited', async () => {
    const page = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await panelText(page)).includes('video- och ljudsamtal går att starta'));
    const text = await panelText(page);
    expect(text).toContain(PATIENT_FEE_PHRASE);
    expect(text).toContain('hänvisa till den fysiska mottagningen');
    expect(text).not.toContain('utom att avsluta');
    stack.sim.control.setOnline(stack.cases.adult, false);
    await waitFor(async () => (await panelText(page)).includes('Patienten är inte online'));
    stack.sim.control.setOnline(stack.cases.adult, true);
    await waitFor(async () => (await panelText(page)).includes('video- och ljudsamtal går att starta'));
    await page.close();
  });

  it('R-C-1: Bjud in kollega → the inviter is told the case and the journal stay theirs; the guest that they can do all but close', async () => {
    const page = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await panelText(page)).includes('Besökets rutin'));
    expect(await panelText(page)).not.toContain('Du har bjudit in');
    await (await page.waitForSelector('::-p-aria(Bjud in kollega[role="button"])'))!.click();
    await page.waitForSelector('[role="dialog"] select[name="colleague"]');
    await page.select('[role="dialog"] select[name="colleague"]', 'Lars Läkarsson');
    await (await page.waitForSelector('::-p-aria(Bjud in[role="button"])'))!.click();
    await waitFor(async () => (await panelText(page)).includes('Du har bjudit in Lars Läkarsson'));
    expect(await panelText(page)).toContain('Ärendet och journalen är fortfarande dina');
    await page.close();

    // The guest's view: Lars's case, with me (Sara Sjuksköterska) invited.
    const guestCase = stack.sim.control.createCase({
      patientKey: 'adult2',
      state: 'ongoing',
      assignedTo: 'Lars Läkarsson',
      invited: ['Sara Sjuksköterska'],
    }).id;
    const guest = await stack.openVisit(guestCase);
    await waitFor(async () => (await panelText(guest)).includes('Du är inbjuden i besöket'));
    const text = await panelText(guest);
    expect(text).toContain('utom att avsluta det');
    expect(text).toContain('Lars Läkarsson är fortsatt ansvarig för ärendet och journalföringen');
    expect(text).not.toContain('Du har bjudit in');
    await guest.close();
  });
});
