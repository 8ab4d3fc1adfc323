/**
 * R-HO-1..3 end to end: the console's "Lämna över besök" dialog (Välj resurs by role or person)
 * in Chromium over the simulator; the advice follows the receiver chosen on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../../shared/rules/default';
import { browserTestsUnavailable, panelText, waitFor } from './harness';
import { type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable)('handover-guard: Lämna över besök (R-HO-1, R-HO-2, R-HO-3)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-HO-1: a person as receiver → warning; a role → none; R-HO-2 phrases and R-HO-3 pointer shown; closed dialog → nothing', async () => {
    const page = await stack.openVisit(stack.cases.adult);
    // Positive signal first: the side panel shows this visit (its models come by a port).
    await waitFor(async () => (await panelText(page)).includes('Besökets rutin'));
    expect(await panelText(page)).not.toContain('Lämna över besök');
    await (await page.waitForSelector('::-p-aria(Lämna över besök[role="button"])'))!.click();
    await waitFor(async () => (await panelText(page)).includes(defaultRuleSet.phrases.handoverNotice));
    const text = await panelText(page);
    expect(text).toContain(defaultRuleSet.phrases.pauseNotice);
    expect(text).toContain('boka patienten en tid i Cosmic');
    expect(text).toContain('väntar på mottagare');
    expect(text).not.toContain('Du lämnar över till en person');

    await page.select('[role="dialog"] select[name="role"]', 'person:Lars Läkarsson');
    await waitFor(async () => (await panelText(page)).includes('Du lämnar över till en person (Lars Läkarsson)'));
    await page.select('[role="dialog"] select[name="role"]', 'Sjuksköterska');
    await waitFor(async () => !(await panelText(page)).includes('Du lämnar över till en person'));

    await (await page.waitForSelector('::-p-aria(Avbryt[role="button"])'))!.click();
    await waitFor(async () => !(await panelText(page)).includes(defaultRuleSet.phrases.handoverNotice));
    await page.close();
  });

  it('R-HO-1: after Slutför the visit says "väntar på mottagare – ärendet är ditt" (and Mina aktuella lists it) until the receiver accepts', async () => {
    const WAITING = 'Väntar på mottagare – ärendet är ditt tills det tas emot';
    const page = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await panelText(page)).includes('Besökets rutin'));
    expect(await panelText(page)).not.toContain(WAITING);
    await (await page.waitForSelector('::-p-aria(Lämna över besök[role="button"])'))!.click();
    await page.waitForSelector('[role="dialog"] select[name="role"]');
    await page.select('[role="dialog"] select[name="role"]', 'Läkare');
    await (await page.waitForSelector('::-p-aria(Slutför[role="button"])'))!.click();
    await waitFor(async () => (await panelText(page)).includes(WAITING));
    expect(await panelText(page)).toContain('Lämnat över till Läkare');

    // On Startsida → Mina aktuella the same case, among my handovers.
    await page.goto(`${stack.sim.url}/startsida/mina-aktuella`);
    await waitFor(async () => (await panelText(page)).includes('ett ärende du lämnat över är inte mottaget'));
    expect(await panelText(page)).toContain('Anna Testsson – lämnat över till Läkare');

    // A colleague accepts: no longer waiting, no longer mine.
    stack.sim.control.acceptHandover(stack.cases.adult, 'Lars Läkarsson');
    await waitFor(async () => !(await panelText(page)).includes('Väntar på mottagare'));
    await page.goto(stack.visitUrl(stack.cases.adult));
    // The side panel shows the visit again (Mina aktuella has no routine card), then settles.
    await waitFor(async () => (await panelText(page)).includes('Besökets rutin'));
    await new Promise((r) => setTimeout(r, 500));
    expect(await panelText(page)).not.toContain('Väntar på mottagare');
    await page.close();
  });
});
