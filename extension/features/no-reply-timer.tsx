import { render } from 'preact';
import { type NoReplyEvent, parseIsoTime } from '../../shared/no-reply';
import { stockholmTimeText } from '../../shared/stockholm-time';
import { type ClinicSnapshot, insertIntoComposer } from '../clinic';
import { logError } from '../lib/log';
import { type MessageData, type NoReplyAction, send } from '../lib/messages';
import { undoablePhoneAttempts } from '../lib/no-reply-actions';
import { CHIP_STYLE, Chip, type ChipModel, type Feedback } from '../lib/no-reply-chip';
import {
  chatEvents,
  evaluateTimer,
  mergeEvents,
  type NoReplyTimer,
  noReplyKey,
  noReplyRecords,
  noticePhraseOf,
  RUNNING_STATES,
  settingsFrom,
} from '../lib/no-reply-timers';
import type { Feature } from './feature';

// The chip's view and text, re-exported for the unit tests.
export { type ChipModel, chipText } from '../lib/no-reply-chip';

interface PageFacts {
  events: NoReplyEvent[];
  untimed: number;
  /** Messages whose author was not recognised, counted as the patient's (the case stays open). */
  unknownAuthors: number;
  /** Clinician messages that may be an edited notice (times). */
  unsure: string[];
  priority: number | null;
  /** *Avsluta besök* done: the chip stops (no reminder, no "ring patienten" after closing). */
  closed: boolean;
}

/**
 * R-NR-1..R-NR-5 in the visit view: derives the no-reply events from the chat (the console's
 * phone calls included), reports them to the background (which keeps the timer, its alarm and its
 * notification, surviving the worker and a browser restart), and shows a countdown chip with the
 * clinician's actions: put the R-NR-1 notice into the chat box (never sent by us), mark an edited
 * message as the notice, log or undo a phone attempt (R-NR-3), and when ready, close with the
 * no-reply note (R-NR-4: the journal panel opens in its no-reply mode). A closed visit has no chip.
 */
const noReplyTimer: Feature = {
  id: 'no-reply-timer',
  title: 'Svarstid när patienten inte svarar (kontaktförsök, telefon, anteckning)',
  rules: ['R-NR-1', 'R-NR-2', 'R-NR-3', 'R-NR-4', 'R-NR-5'],
  init(ctx, signal) {
    const slot = ctx.ui.slot('no-reply-timer');
    const style = document.createElement('style');
    style.textContent = CHIP_STYLE;
    slot.append(style);
    const mount = document.createElement('div');
    slot.append(mount);

    let visitKey: string | null = null;
    let storageKey: string | null = null;
    let record: NoReplyTimer | null = null;
    let page: PageFacts | null = null;
    let sent: string | null = null;
    let feedback: Feedback = null;
    let busy = false;
    let lastState: string | null = null;

    const settings = () => settingsFrom(ctx.rules().timers);

    const model = (): ChipModel | null => {
      if (!page) return null;
      const closed: NoReplyEvent[] = page.closed ? [{ type: 'visit-closed', at: ctx.now().toISOString() }] : [];
      const events = mergeEvents(page.events, record?.events ?? [], closed);
      const s = settings();
      const now = ctx.now();
      const status = evaluateTimer({ events, priority: page.priority }, now, s);
      let lastChat = Number.NEGATIVE_INFINITY;
      let lastPatient = Number.NEGATIVE_INFINITY;
      for (const e of events) {
        const ms = parseIsoTime(e.at);
        if (e.type === 'patient-message') lastPatient = Math.max(lastPatient, ms);
        if (e.type === 'clinician-message' || e.type === 'notice-sent') lastChat = Math.max(lastChat, ms);
      }
      const noticed = new Set(events.filter((e) => e.type === 'notice-sent').map((e) => parseIsoTime(e.at)));
      const unsure = page.unsure.filter((at) => parseIsoTime(at) > lastPatient && !noticed.has(parseIsoTime(at)));
      return {
        status,
        settings: s,
        priority: page.priority,
        now: now.getTime(),
        noticeDueAt:
          status.state === 'awaiting-patient' && Number.isFinite(lastChat)
            ? new Date(lastChat + s.noticeAfterMinutes * 60_000).toISOString()
            : null,
        untimed: page.untimed,
        unknownAuthors: page.unknownAuthors,
        phoneLogged: events.some((e) => e.type === 'phone-attempt' && parseIsoTime(e.at) > lastPatient),
        undoable: undoablePhoneAttempts(record),
        unsureNotice: unsure[unsure.length - 1] ?? null,
      };
    };

    const draw = () => {
      if (signal.aborted) return;
      const m = model();
      if (!m || !RUNNING_STATES.has(m.status.state)) {
        render(null, mount);
        lastState = m?.status.state ?? null;
        return;
      }
      render(<Chip model={m} feedback={feedback} busy={busy} actions={actions} />, mount);
      const state = m.status.state;
      if (state !== lastState) {
        if (state === 'notice-suggested') {
          ctx.ui.announce('Patienten har inte svarat: skicka meddelandet om svarstid (R-NR-1).', 'polite');
        } else if (state === 'deadline-passed') {
          ctx.ui.announce('Svarstiden har gått ut.', 'assertive');
        } else if (state === 'ready-to-close') {
          ctx.ui.announce('Klart att stänga ärendet med en anteckning om uteblivet svar (R-NR-4).', 'assertive');
        }
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
        const reply = await send('no-reply-action', {
          action,
          visitKey: snapshot.visitKey,
          visitUrl: location.href,
          ...(at ? { at } : {}),
        });
        if (!reply?.ok) throw new Error(reply ? reply.code : 'no answer');
        show({ ok: true, text: done });
        ctx.ui.announce(done, 'polite');
      } catch (error) {
        logError(`no-reply ${action}`, error);
        show({ ok: false, text: failed });
      } finally {
        busy = false;
        draw();
      }
    };

    const close = async () => {
      const note = ctx.rules().phrases.noReplyNote;
      try {
        // The journal panel opens in its no-reply mode (R-NR-4, R-J-8); the click is the gesture.
        const reply = await send('journal-open-panel', { mode: 'no-reply' });
        if (reply?.ok) {
          show({ ok: true, text: 'Journalpanelen är öppen: anteckning om uteblivet svar (R-NR-4).' });
          return;
        }
      } catch (error) {
        logError('no-reply open journal', error);
      }
      show({ ok: false, text: 'Journalpanelen gick inte att öppna. Anteckningen (R-NR-4):', copy: note });
    };

    const actions = {
      onInsert: insert,
      onPhone: () =>
        void act(
          'phone-attempt',
          `Telefonförsök registrerat kl. ${stockholmTimeText(ctx.now())} (R-NR-3).`,
          'Telefonförsöket kunde inte registreras – försök igen.',
        ),
      onUndoPhone: () =>
        void act('undo-phone-attempt', 'Telefonförsöket är borttaget.', 'Telefonförsöket kunde inte tas bort.'),
      onMarkNotice: (at: string) =>
        void act(
          'mark-notice',
          'Meddelandet räknas som meddelandet om svarstid (R-NR-1).',
          'Meddelandet kunde inte markeras – försök igen.',
          at,
        ),
      onClose: () => void close(),
    };

    const sync = (snapshot: ClinicSnapshot) => {
      if (!snapshot.visitKey || !page) return;
      const message: MessageData<'no-reply-sync'> = {
        visitKey: snapshot.visitKey,
        visitUrl: location.href,
        priority: page.priority,
        events: page.events,
        closed: page.closed,
      };
      const signature = JSON.stringify([message.visitKey, message.priority, message.events, message.closed]);
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
      const chat = snapshot.chat;
      const closed = snapshot.visitState.known && snapshot.visitState.value === 'closed';
      const rules = ctx.rules();
      const callPhone = ctx.registry().match.callPhone;
      const read = chat.known
        ? chatEvents(chat.value, {
            phrase: noticePhraseOf(rules),
            replyWindowMinutes: rules.timers.replyWindowMinutes,
            isPhoneCall: (text) => callPhone?.test(text) === true,
          })
        : { events: [], untimed: 0, unsure: [], unknownAuthors: 0 };
      page = { ...read, priority: snapshot.priority.known ? snapshot.priority.value : null, closed };
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
      if (chat.known || closed) sync(snapshot);
      draw();
    };

    const tick = setInterval(draw, 1000);
    signal.addEventListener('abort', () => {
      clearInterval(tick);
      render(null, mount);
    });
    ctx.onSnapshot((s) => void onSnapshot(s), signal);
    void onSnapshot(ctx.snapshot());
  },
};

export default noReplyTimer;
