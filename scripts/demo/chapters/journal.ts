import type { Page } from 'puppeteer-core';
import { readClipboard, waitFor } from '../../../test/e2e/harness';
import type { Stack } from '../../../test/e2e/stack';
import { showSidePanel } from '../side-panel';
import type { DemoChapter } from '../types';

/**
 * The visit's side panel (issue 14: the journal note is drawn there, under the cards), once the
 * note is filled in; it may copy to the clipboard.
 */
async function journalSidePanel(stack: Stack, visit: Page): Promise<Page> {
  await stack.ext.browser
    .defaultBrowserContext()
    .overridePermissions(`chrome-extension://${stack.ext.extensionId}`, [
      'clipboard-read',
      'clipboard-write',
      'clipboard-sanitized-write',
    ]);
  const panel = await showSidePanel(visit);
  await panel.waitForSelector('html[data-state="filled"]', { timeout: 15_000 });
  return panel;
}

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
        const panel = await journalSidePanel(stack, visit);
        expect(
          (await text(panel, '#vardkontakt')).startsWith('Skriftlig kontakt kvalificerad utan ekonomi (chatt)'),
          'vårdkontakten ska vara chatt',
        );
        expect((await text(panel, '#vardtjanst')).startsWith('ingen'), 'vårdtjänsten ska vara ingen');
        await screenshot(visit, 'journal-chat-only', { sidePanel: true });
        await step('"Kopiera allt" → anteckningen i urklipp, som den redigerats', async () => {
          const area = await panel.$('.keyword[data-keyword="Bedömning"] textarea');
          await area!.type('Viral faryngit, egenvårdsråd.');
          await panel.click('#copy-all');
          await waitFor(async () => (await readClipboard(panel)).includes('Bedömning\nViral faryngit, egenvårdsråd.'));
          await screenshot(visit, 'journal-edited-copied', { sidePanel: true });
        });
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
        const panel = await journalSidePanel(stack, visit);
        await waitFor(async () => (await text(panel, '#violations')).includes('R-J-5'));
        expect((await text(panel, '#vardkontakt')).startsWith('Telefonkontakt'), 'telefon ska föreslås i stället');
        expect(!(await text(panel, '#allowed-kontaktsatt')).includes('video'), 'video ska inte erbjudas');
        expect(
          (await panel.$('.keyword[data-keyword="Fotodokumentation"]')) !== null,
          'Fotodokumentation ska finnas (R-J-6)',
        );
        await screenshot(visit, 'journal-r-j-5-video-nurse', { sidePanel: true });
        await visit.close();
      },
    );
  },
};
