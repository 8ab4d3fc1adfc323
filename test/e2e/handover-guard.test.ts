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
});
