import { readClipboard, waitFor } from '../../../test/e2e/harness';
import { openJournalPanel } from '../../../test/e2e/journal-panel-page';
import type { DemoChapter } from '../types';

const text = (page: import('puppeteer-core').Page, selector: string) =>
  page.$eval(selector, (el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '').catch(() => '');

/** Issue 3: the Cosmic note (Distanskontakt 1177 direkt) pre-filled from the visit and the rules. */
export const journal: DemoChapter = {
  title: 'Journalanteckning för Cosmic: vårdkontakt, vårdtjänst och sökord från besöket (R-J-2..R-J-8)',
  async run({ stack, step, screenshot, expect }) {
    const control = stack.sim.control;
    const anamnesis = [
      { question: 'Vad söker du för?', answer: 'Ont i halsen sedan tre dagar.' },
      { question: 'Har du feber?', answer: 'Nej' },
    ];

    await step(
      'R-J-3: chattbesök → Skriftlig kontakt kvalificerad utan ekonomi (chatt), vårdtjänst ingen',
      async () => {
        const { id } = control.createCase({
          patientKey: 'adult2',
          priority: 3,
          reason: 'Halsont',
          state: 'ongoing',
          anamnesis,
        });
        control.addMessage(id, { author: 'clinician', text: 'Hej! Hur mår du nu?' });
        control.addMessage(id, { author: 'patient', text: 'Lite bättre, tack.' });
        const visit = await stack.openVisit(id);
        await screenshot(visit, 'journal-button-in-visit');
        const panel = await openJournalPanel(stack, visit);
        await panel.setViewport({ width: 420, height: 900 });
        expect(
          (await text(panel, '#vardkontakt')).startsWith('Skriftlig kontakt kvalificerad utan ekonomi (chatt)'),
          'vårdkontakten ska vara chatt',
        );
        expect((await text(panel, '#vardtjanst')).startsWith('ingen'), 'vårdtjänsten ska vara ingen');
        await screenshot(panel, 'journal-chat-only');
        await step('"Kopiera allt" → anteckningen i urklipp, som den redigerats', async () => {
          const area = await panel.$('.keyword[data-keyword="Bedömning"] textarea');
          await area!.type('Viral faryngit, egenvårdsråd.');
          await panel.click('#copy-all');
          await waitFor(async () => (await readClipboard(panel)).includes('Bedömning\nViral faryngit, egenvårdsråd.'));
          await screenshot(panel, 'journal-edited-copied');
        });
        await panel.close();
        await visit.close();
      },
    );

    await step(
      'R-J-5: videosamtal av sjuksköterska vid 1177 direkt Uppsala län → regelbrott visas, Videokontakt erbjuds inte',
      async () => {
        const { id } = control.createCase({
          patientKey: 'teen',
          priority: 3,
          reason: 'Idrottsskada, fotled',
          state: 'ongoing',
          anamnesis,
          uploads: [{ name: 'fotled.jpg', alt: 'Foto av svullen fotled' }],
        });
        control.addMessage(id, { author: 'clinician', text: 'Hej! Vi tar ett videosamtal så jag får se foten.' });
        control.addCall(id, 'video', 12);
        const visit = await stack.openVisit(id);
        const panel = await openJournalPanel(stack, visit);
        await panel.setViewport({ width: 420, height: 1100 });
        await waitFor(async () => (await text(panel, '#violations')).includes('R-J-5'));
        expect((await text(panel, '#vardkontakt')).startsWith('Telefonkontakt'), 'telefon ska föreslås i stället');
        expect(!(await text(panel, '#allowed-kontaktsatt')).includes('video'), 'video ska inte erbjudas');
        expect(
          (await panel.$('.keyword[data-keyword="Fotodokumentation"]')) !== null,
          'Fotodokumentation ska finnas (R-J-6)',
        );
        await screenshot(panel, 'journal-r-j-5-video-nurse');
        await panel.close();
        await visit.close();
      },
    );
  },
};
