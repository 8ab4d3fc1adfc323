/** R-J-7 and R-T-2 end to end: the receiving unit's ticket visit and an unused ticket's vidimeringspost. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, panelText, waitFor } from './harness';
import { openJournalPanel } from './journal-panel-page';
import { type Stack, startStack } from './stack';

const NOT_TWICE = 'dokumentera dem inte dubbelt i Cosmic';

describeInBrowser('ticket-receiving: the receiving unit (R-J-7, R-T-2)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    // The clinician works at the vårdcentral the ticket was issued to.
    stack.sim.control.setSession({ loggedIn: true, unit: 'Testviken hälsocentral', role: 'Sjuksköterska' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-J-7: a visit that came by ticket says its post-triage answers are notes in Clinic, not to document twice; an ordinary visit does not', async () => {
    const id = stack.sim.control.createCase({
      patientKey: 'teen',
      priority: 4,
      unit: 'Testviken hälsocentral',
      ticket: {
        fromUnit: '1177 direkt Uppsala län',
        notes: [
          { answers: [{ question: 'Kan du stödja på foten?', answer: 'Ja, lite' }] },
          { answers: [{ question: 'Har du feber?', answer: 'Nej' }] },
        ],
      },
    }).id;
    const page = await stack.openVisit(id);
    await waitFor(async () => (await panelText(page)).includes(NOT_TWICE));
    const text = await panelText(page);
    expect(text).toContain('Besöket kom via biljett från 1177 direkt Uppsala län');
    expect(text).toContain('anteckningar i Clinic (2 st)');
    // The journal panel, where the note for Cosmic is written, says it too.
    const panel = await openJournalPanel(stack, page);
    await waitFor(async () =>
      ((await panel.$eval('[data-journal="ticket-notes"]', (p) => p.textContent).catch(() => '')) ?? '').includes(
        NOT_TWICE,
      ),
    );
    await panel.close();

    // An ordinary visit: no such note (positive signal first: the panel shows that visit).
    await page.goto(stack.visitUrl(stack.cases.adult), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-clinic-companion="copy-patient-id"]');
    // And the side panel shows it (priority 3; the ticket visit's is 4), not the last page's models.
    await waitFor(async () => (await panelText(page)).includes('prioritet 3 stämmer med patientens svar'));
    await waitFor(async () => !(await panelText(page)).includes(NOT_TWICE));
    const ordinary = await openJournalPanel(stack, page);
    expect(await ordinary.$('[data-journal="ticket-notes"]')).toBeNull();
    await ordinary.close();
    await page.close();
  });

  it("R-T-2: an unused ticket's vidimeringspost asks for Vidimera and no follow-up; after Vidimera it says done", async () => {
    const post = stack.sim.control.createVidimering({ patientKey: 'elderly', reason: 'Yrsel' }).id;
    const page = await stack.ext.newConsolePage(`${stack.sim.url}/vidimering/${encodeURIComponent(post)}`);
    await waitFor(async () => (await panelText(page)).includes('Bekräfta posten med Vidimera'));
    expect(await panelText(page)).toContain('den ska inte följas upp');
    await (await page.waitForSelector('::-p-aria(Vidimera[role="button"])'))!.click();
    await waitFor(async () =>
      (await panelText(page)).includes('Vidimerad. Den oanvända biljetten ska inte följas upp'),
    );
    expect(await panelText(page)).not.toContain('Bekräfta posten med Vidimera');
    await page.close();
  });
});
