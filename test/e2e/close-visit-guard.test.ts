/** R-A-1 end to end: "Avsluta besök" names the default asynchronous period until the clinician picks one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsUnavailable, panelText, waitFor } from './harness';
import { type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();

describe.skipIf(unavailable)('close-visit-guard: the asynchronous period at closing (R-A-1)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-A-1: the default "3 dygn" is not a choice; picking "7 dygn" is; the dialog closed → nothing', async () => {
    const page = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await panelText(page)).includes('Besökets rutin'));
    expect(await panelText(page)).not.toContain('asynkron');
    await (await page.waitForSelector('::-p-aria(Avsluta besök[role="button"])'))!.click();
    await waitFor(async () => (await panelText(page)).includes('Förvalt: 3 dygn. Välj medvetet'));
    await (await page.waitForSelector('[role="dialog"] input[type="radio"][value="7"]'))!.click();
    await waitFor(async () => (await panelText(page)).includes('Vald asynkron period: 7 dygn'));
    await (await page.waitForSelector('::-p-aria(Avbryt[role="button"])'))!.click();
    await waitFor(async () => !(await panelText(page)).includes('asynkron period'));
    await page.close();
  });

  it('R-A-1: a patient answer in the asynchronous phase → answer, then Markera som klar; clicked on the page → Kräver ingen åtgärd', async () => {
    const { id } = stack.sim.control.createCase({ patientKey: 'adult2', state: 'closed', asyncDays: 3 });
    stack.sim.control.setClock({ advanceMinutes: 1 });
    stack.sim.control.addMessage(id, { author: 'patient', text: 'Jag har fortfarande ont.' });
    const page = await stack.openVisit(id);
    await waitFor(async () => (await panelText(page)).includes('Patienten har svarat i den asynkrona fasen'));
    expect(await panelText(page)).toContain('välj Markera som klar när inget mer behövs');
    await (await page.waitForSelector('::-p-aria(Markera som klar[role="button"])'))!.click();
    await waitFor(async () =>
      (await panelText(page)).includes('Markerad som klar: ärendet ligger under Kräver ingen åtgärd'),
    );
    expect(await panelText(page)).not.toContain('Patienten har svarat i den asynkrona fasen');
    await page.close();
  });
});
