import { readClipboard, waitFor } from '../../../test/e2e/harness';
import { cardText } from '../../../test/e2e/side-panel';
import { clickCopy } from '../../../test/e2e/stack';
import { dangerBarText } from '../side-panel';
import type { DemoChapter } from '../types';

const WARNING = 'Cosmic kan visa en annan patient';
const OTHER_PATIENT_TITLE = 'Annan patient i Cosmic';

export const patientIdentity: DemoChapter = {
  title: 'Rätt patient: kopiera personnummer, samma-patient-vakt, patientsäkerhet',
  async run({ stack, step, screenshot, expect }) {
    const a = await stack.openVisit(stack.cases.adult);
    await step('R-ID-1: kopiera Anna Testssons personnummer till Cosmic', async () => {
      await clickCopy(a);
      await waitFor(async () => (await readClipboard(a)) === '19900101-2385');
      await screenshot(a, 'copy-patient-id');
    });
    const b = await stack.openVisit(stack.cases.adult2);
    await step('R-ID-2: en annan patient i en annan flik ger varning – i sidopanelen och på sidan', async () => {
      await waitFor(async () => (await cardText(b, 'same-patient-guard')).includes(WARNING));
      await waitFor(async () => (await dangerBarText(b))?.includes(OTHER_PATIENT_TITLE) === true);
      await screenshot(b, 'same-patient-warning', { sidePanel: true });
    });
    await step('R-ID-2: kopiera denna patient – varningen försvinner', async () => {
      await clickCopy(b);
      await waitFor(async () => !(await cardText(b, 'same-patient-guard')).includes(WARNING));
      await waitFor(async () => !((await dangerBarText(b)) ?? '').includes(OTHER_PATIENT_TITLE));
      expect((await readClipboard(b)) === '19750107-9292', 'urklippet ska ha Bengt Provanders nummer');
      await screenshot(b, 'same-patient-copied', { sidePanel: true });
    });
    await step('R-ID-1: sidhuvud utan personnummer – okänt, kopiering vägras', async () => {
      const { id } = stack.sim.control.createCase({ patientKey: 'adult2', priority: 3, headerVariant: 'no-id' });
      const page = await stack.openVisit(id);
      await clickCopy(page);
      await waitFor(async () =>
        (
          await page.$eval('[data-clinic-companion="copy-patient-id"]', (h) => h.shadowRoot?.textContent ?? '')
        ).includes('Kan inte kopiera'),
      );
      await screenshot(page, 'copy-refused-unknown-id');
      await page.close();
    });
    // The card says it in the side panel; the gravest (danger) also stand on the page, in the danger bar.
    for (const [key, text, name, onPage] of [
      ['infant', 'Barn under 1 år', 'R-GU-4: barn under 1 år', true],
      ['teen', 'bokat av en vårdnadshavare', 'R-GU-5: 14-åring bokad av vårdnadshavare', true],
      ['child', 'samtycke att dela barnets sjukdomshistorik', 'R-GU-6: samtycken för barn (vårdnadshavarens)', false],
      ['protected', 'Skyddade personuppgifter', 'R-PI-2: skyddade personuppgifter', true],
      ['coordination', 'Samordningsnummer', 'Samordningsnummer', false],
    ] as const) {
      await step(name, async () => {
        const page = await stack.openVisit(stack.cases[key]);
        await waitFor(async () => (await cardText(page, 'patient-safety-banner')).includes(text));
        if (onPage) await waitFor(async () => (await dangerBarText(page))?.includes(text) === true);
        await screenshot(page, `banner-${key}`, { sidePanel: true });
        await page.close();
      });
    }
    await a.close();
    await b.close();
  },
};
