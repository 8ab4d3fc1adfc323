import { noticePhraseOf } from '../../../extension/lib/no-reply-chat';
import { defaultRuleSet } from '../../../shared/rules/default';
import { waitFor } from '../../../test/e2e/harness';
import { cardText } from '../../../test/e2e/side-panel';
import {
  clickChipAction,
  fromNow,
  notifications,
  readyWorker,
  resetTestTimers,
  useTestTimers,
  waitForChip,
} from '../../../test/e2e/timer-helpers';
import { SCENARIO_CLOCK } from '../../../test/fixtures/patients';
import type { DemoChapter } from '../types';

// The notice as the chip inserts it: the template filled from this chapter's 1-minute window.
const NOTICE = noticePhraseOf({ ...defaultRuleSet, timers: { ...defaultRuleSet.timers, replyWindowMinutes: 1 } });
const COMPOSER = 'textarea[aria-label="Skriv ett meddelande"]';

/**
 * The no-reply timer (R-NR-1..5) and the queue deadlines (R-Q-1, R-Q-4). The extension runs on
 * real time, so this chapter runs the simulator on real time too (its clock 52 s behind, so what
 * the console stamps is already most of a minute old) with a demo rule set of 1-minute windows
 * and 1/2-minute queue thresholds. Everything is put back afterwards: the scenario clock, the
 * default rules, the scenario's queue.
 */
export const noReply: DemoChapter = {
  title: 'Svarstider: inget svar från patienten (R-NR-1–5) och kötider i Drop in (R-Q-1, R-Q-4)',
  async run({ stack, step, screenshot, expect }) {
    const control = stack.sim.control;
    control.setClock({ real: true });
    control.setClock({ advanceMinutes: -52 / 60 });
    let worker = await readyWorker(stack.ext);
    await useTestTimers(worker, {
      replyWindowMinutes: 1,
      noticeAfterMinutes: 1,
      queueAmberAfterMinutes: 1,
      acceptWithinMinutes: 2, // R-Q-1: the red mark
    });
    try {
      const id = control.createCase({
        patientKey: 'adult2',
        priority: 2,
        state: 'ongoing',
        startedAt: fromNow(-600),
      }).id;
      control.addMessage(id, {
        author: 'patient',
        text: 'Jag har svårt att andas när jag går i trappor.',
        at: fromNow(-150),
      });
      control.addMessage(id, { author: 'clinician', text: 'Hur länge har du haft besvären? Har du feber?' });
      const page = await stack.openVisit(id);

      await step(
        'R-NR-1: patienten svarar inte – chippet räknar ner och föreslår meddelandet (demo: 1 min)',
        async () => {
          await waitForChip(page, 'awaiting-patient', 10_000);
          await screenshot(page, 'no-reply-awaiting', { sidePanel: true });
          await waitForChip(page, 'notice-suggested', 20_000);
          await screenshot(page, 'no-reply-notice-suggested', { sidePanel: true });
        },
      );
      await step('R-NR-1: "Infoga meddelandet om svarstid" lägger texten i chattrutan – inget skickas', async () => {
        await clickChipAction(page, 'insert-notice');
        await waitFor(async () => (await page.$eval(COMPOSER, (el) => (el as HTMLTextAreaElement).value)) === NOTICE);
        const sent = control
          .getState()
          .cases.find((c) => c.id === id)!
          .messages.filter((m) => m.author === 'clinician');
        expect(sent.length === 1, 'inget meddelande får skickas av tillägget');
        await screenshot(page, 'no-reply-notice-inserted', { sidePanel: true });
      });
      await step('R-NR-2: klinikern skickar med Skicka – andra kontaktförsöket, svarstiden räknas ner', async () => {
        await page.focus(COMPOSER);
        await page.keyboard.press('Enter');
        const chip = await waitForChip(page, 'notice-sent', 10_000);
        expect(chip.text.includes('försök 2 av 2'), `chippet: ${chip.text}`);
        await screenshot(page, 'no-reply-countdown', { sidePanel: true });
      });
      await step('R-NR-1/R-NR-3: svarstiden går ut – systemnotis utan patientens namn', async () => {
        const chip = await waitForChip(page, 'deadline-passed', 30_000);
        expect(/ring patienten/i.test(chip.text), 'prio 2 kräver telefon (R-NR-3)');
        worker = await readyWorker(stack.ext);
        await waitFor(async () => (await notifications(worker)).some((n) => n.startsWith('no-reply:')), 10_000);
        await screenshot(page, 'no-reply-deadline', { sidePanel: true });
      });
      await step('R-NR-3/R-NR-4: "Ringt patienten" → klart att stänga med anteckning', async () => {
        await clickChipAction(page, 'phone-attempt');
        await waitForChip(page, 'ready-to-close', 10_000);
        await screenshot(page, 'no-reply-ready-to-close', { sidePanel: true });
      });
      await step('Översikt över alla pågående svarstider (verktygsfältets popup)', async () => {
        const popup = await stack.ext.browser.newPage();
        await popup.setViewport({ width: 380, height: 300 });
        await popup.goto(`chrome-extension://${stack.ext.extensionId}/popup.html`);
        await popup.waitForSelector('button[data-timer]');
        await screenshot(popup, 'no-reply-overview');
        await popup.close();
      });
      control.closeCase(id);
      await page.close();

      await step(
        'R-Q-1/R-Q-4: Väntar i kö – turordning, väntetid, gult och rött, en notis (demo: 1/2 min)',
        async () => {
          // The scenario's waiting cases arrived at the scenario clock: out of the way meanwhile.
          const waiting = control
            .getState()
            .cases.filter((c) => c.state === 'waiting')
            .map((c) => c.id);
          for (const c of waiting) control.updateCase(c, { state: 'accepted' });
          const demo = [
            control.createCase({ patientKey: 'child', priority: 3, arrivedAt: fromNow(-113) }).id,
            control.createCase({ patientKey: 'teen', priority: 4, arrivedAt: fromNow(-70) }).id,
            control.createCase({ patientKey: 'elderly', priority: 1, arrivedAt: fromNow(-15) }).id,
          ];
          const queue = await stack.ext.newConsolePage(`${stack.sim.url}/drop-in`);
          try {
            await queue.waitForSelector('[data-clinic-companion="queue-deadlines-2"]');
            await waitFor(
              async () =>
                queue.evaluate(
                  () =>
                    document
                      .querySelector('[data-clinic-companion="queue-deadlines-0"]')
                      ?.shadowRoot?.querySelector<HTMLElement>('.qbadge')?.dataset.urgency === 'red',
                ),
              20_000,
            );
            worker = await readyWorker(stack.ext);
            await waitFor(async () => (await notifications(worker)).some((n) => n.startsWith('queue:')), 10_000);
            // The queue's summary in the side panel, in turn order (R-Q-1).
            await waitFor(async () => (await cardText(queue, 'queue-deadlines')).includes('Väntar i kö'), 10_000);
            await screenshot(queue, 'queue-deadlines', { sidePanel: true });
          } finally {
            await queue.close();
            for (const c of demo) control.closeCase(c, 0);
            for (const c of waiting) control.updateCase(c, { state: 'waiting' });
          }
        },
      );
    } finally {
      await resetTestTimers(await readyWorker(stack.ext));
      control.setClock({ set: SCENARIO_CLOCK });
    }
  },
};
