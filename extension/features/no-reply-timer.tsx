import { stockholmTimeText } from '../../shared/stockholm-time';
import { type ClinicSnapshot, insertIntoComposer } from '../clinic';
import { errorWords } from '../lib/error-words';
import { logError } from '../lib/log';
import { type MessageData, type NoReplyAction, send } from '../lib/messages';
import { noticePhraseOf } from '../lib/no-reply-chat';
import { type ChipView, chipView, type Feedback } from '../lib/no-reply-chip';
import { chipModel, type PageFacts, pageFactsOf } from '../lib/no-reply-model';
import { type NoReplyTimer, noReplyKey, noReplyRecords, RUNNING_STATES, settingsFrom } from '../lib/no-reply-timers';
import { splitRuleIds } from '../lib/rule-ids';
import type { Feature } from './feature';

/** What the screen reader hears when the chip reaches a stage (once per stage). */
const ANNOUNCE: Partial<Record<string, [string, 'polite' | 'assertive']>> = {
  'notice-suggested': ['Patienten har inte svarat: skicka meddelandet om svarstid.', 'polite'],
  'deadline-passed': ['Svarstiden har gått ut.', 'assertive'],
  'ready-to-close': ['Klart att stänga ärendet med en anteckning om uteblivet svar.', 'assertive'],
};

/** The side panel's card (views/no-reply-timer.tsx): the chip, its line worded here. */
export type NoReplyTimerModel = ChipView;

/**
 * R-NR-1..R-NR-5 in the visit view: derives the no-reply events from the chat (the console's
 * phone calls included), reports them to the background (which keeps the timer, its alarm and its
 * notification, surviving the worker and a browser restart), and shows a countdown chip with the
 * clinician's actions in the side panel (issue 14): put the R-NR-1 notice into the chat box (never
 * sent by us), mark an edited message as the notice, log or undo a phone attempt (R-NR-3), and
 * when ready, close with the no-reply note (R-NR-4: the side panel's journal note switches to its
 * no-reply mode). A closed visit has no chip. The model is lib/no-reply-model.ts, the view
 * lib/no-reply-chip.tsx (drawn in the side panel); this file wires them.
 */
const noReplyTimer: Feature = {
  id: 'no-reply-timer',
  title: 'Svarstid när patienten inte svarar (kontaktförsök, telefon, anteckning)',
  rules: ['R-NR-1', 'R-NR-2', 'R-NR-3', 'R-NR-4', 'R-NR-5'],
  init(ctx, signal) {
    let visitKey: string | null = null;
    let storageKey: string | null = null;
    let record: NoReplyTimer | null = null;
    let page: PageFacts | null = null;
    let sent: string | null = null;
    let feedback: Feedback = null;
    let busy = false;
    let lastState: string | null = null;

    const draw = () => {
      if (signal.aborted) return;
      const m = page && chipModel(page, record, ctx.now(), settingsFrom(ctx.rules().timers));
      const state = m?.status.state ?? null;
      // Every second (the countdown): the side panel hears of it only when the line changes.
      if (!m || !RUNNING_STATES.has(m.status.state)) ctx.panel.show(null);
      else {
        ctx.panel.show(chipView(m, feedback, busy) satisfies NoReplyTimerModel);
        const announce = state !== lastState && ANNOUNCE[m.status.state];
        if (announce) ctx.ui.announce(...announce);
      }
      lastState = state;
    };

    const show = (next: Feedback) => {
      feedback = next;
      draw();
    };

    const insert = () => {
      const phrase = noticePhraseOf(ctx.rules());
      const result = insertIntoComposer(document, phrase, ctx.registry());
      if (result.status === 'inserted' || result.status === 'already-there') {
        show({ ok: true, text: 'Meddelandet ligger i chattrutan – läs igenom och skicka det själv.' });
        ctx.ui.announce('Meddelandet om svarstid ligger i chattrutan. Granska och skicka.', 'polite');
      } else if (result.status === 'disabled') {
        show({ ok: false, text: 'Chattrutan är låst (besöket pågår inte). Texten:', copy: phrase });
      } else {
        show({ ok: false, text: 'Hittade inte chattrutan. Kopiera texten och klistra in den:', copy: phrase });
      }
    };

    /** One of the clinician's actions, applied by the background to the visit's record. */
    const act = async (action: NoReplyAction, done: string, failed: string, at?: string) => {
      const snapshot = ctx.snapshot();
      if (!snapshot.visitKey) return;
      busy = true;
      draw();
      try {
        const visit = { visitKey: snapshot.visitKey, visitUrl: location.href };
        const reply = await send('no-reply-action', { action, ...visit, ...(at ? { at } : {}) });
        if (!reply?.ok) throw new Error(reply ? reply.code : 'no answer');
        show({ ok: true, text: done });
        // Heard without its rule ID (issue 14): the chip's line keeps it behind "Regel".
        ctx.ui.announce(splitRuleIds(done).text, 'polite');
      } catch (error) {
        logError(`no-reply ${action}`, error);
        show({ ok: false, text: failed });
      } finally {
        busy = false;
        draw();
      }
    };

    const close = async () => {
      // The press came from the side panel, already open: its journal note switches to the
      // no-reply mode (R-NR-4, R-J-8) through the background, which keeps the request per tab.
      let code: 'side-panel-mode-failed' | null = 'side-panel-mode-failed';
      try {
        const reply = await send('journal-panel-mode', { mode: 'no-reply' });
        if (reply?.ok) code = null;
      } catch (error) {
        logError('no-reply journal mode', error);
      }
      if (!code) return show({ ok: true, text: 'Journalpanelen är öppen: anteckning om uteblivet svar (R-NR-4).' });
      const note = ctx.rules().phrases.noReplyNote;
      show({ ok: false, text: `${errorWords(code)} Anteckningen (R-NR-4):`, copy: note });
    };

    /** The chip's buttons, pressed in the side panel (their `data-action`s). */
    ctx.panel.onAction((action, data) => {
      if (action === 'insert-notice') insert();
      else if (action === 'phone-attempt' && !busy)
        void act(
          'phone-attempt',
          `Telefonförsök registrerat kl. ${stockholmTimeText(ctx.now())} (R-NR-3).`,
          'Telefonförsöket kunde inte registreras – försök igen.',
        );
      else if (action === 'undo-phone-attempt')
        void act('undo-phone-attempt', 'Telefonförsöket är borttaget.', 'Telefonförsöket kunde inte tas bort.');
      else if (action === 'mark-notice' && typeof data === 'string')
        void act(
          'mark-notice',
          'Meddelandet räknas som meddelandet om svarstid (R-NR-1).',
          'Meddelandet kunde inte markeras – försök igen.',
          data,
        );
      else if (action === 'close-no-reply') void close();
    }, signal);

    /** Reports the page's side to the background, once per change. */
    const sync = (snapshot: ClinicSnapshot, facts: PageFacts) => {
      if (!snapshot.visitKey) return;
      const { priority, events, closed } = facts;
      const message: MessageData<'no-reply-sync'> = {
        visitKey: snapshot.visitKey,
        visitUrl: location.href,
        priority,
        events,
        closed,
      };
      const signature = JSON.stringify([message.visitKey, priority, events, closed]);
      if (signature === sent) return;
      sent = signature;
      send('no-reply-sync', message).catch((error: unknown) => {
        // The worker was starting: the next change resends (the signature is forgotten).
        sent = null;
        logError('no-reply sync', error);
      });
    };

    noReplyRecords.watch((key, changed) => {
      if (key !== storageKey) return;
      record = changed;
      draw();
    }, signal);

    const onSnapshot = async (snapshot: ClinicSnapshot) => {
      if (snapshot.route !== 'visit' || !snapshot.visitKey) {
        visitKey = storageKey = null;
        record = page = null;
        draw();
        return;
      }
      const facts = pageFactsOf(snapshot, ctx.rules(), ctx.registry());
      page = facts;
      if (snapshot.visitKey !== visitKey) {
        visitKey = snapshot.visitKey;
        storageKey = null;
        record = null;
        feedback = null;
        lastState = null;
        const key = await noReplyKey(visitKey);
        if (signal.aborted || visitKey !== snapshot.visitKey) return;
        storageKey = key;
        const stored = await noReplyRecords.get(key);
        if (storageKey !== key) return;
        record = stored;
      }
      // Unknown chat (not found on the page): report nothing rather than an empty log.
      if (snapshot.chat.known || facts.closed) sync(snapshot, facts);
      draw();
    };

    const tick = setInterval(draw, 1000);
    signal.addEventListener('abort', () => clearInterval(tick));
    ctx.onSnapshot((s) => void onSnapshot(s), signal);
    void onSnapshot(ctx.snapshot());
  },
};

export default noReplyTimer;
