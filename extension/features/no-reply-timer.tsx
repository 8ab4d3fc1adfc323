import type { NoReplyState } from '../../shared/no-reply';
import { stockholmTimeText } from '../../shared/stockholm-time';
import { type ClinicSnapshot, insertIntoComposer } from '../clinic';
import { type MessageKey, t } from '../lib/i18n';
import { logError } from '../lib/log';
import { type MessageData, type NoReplyAction, send } from '../lib/messages';
import type { NoReplyOutcome } from '../lib/no-reply-feedback';
import { type PageFacts, pageFactsReader } from '../lib/no-reply-page';
import { type NoReplyTimer, noReplyKey, noReplyRecords } from '../lib/no-reply-timers';
import type { Feature } from './feature';

/** What the screen reader hears when the visit's timer reaches a stage (once per stage). */
const ANNOUNCE: Partial<Record<NoReplyState, [MessageKey, 'polite' | 'assertive']>> = {
  'notice-suggested': ['noReply_sayNoticeDue', 'polite'],
  'deadline-passed': ['noReply_sayDeadline', 'assertive'],
  'ready-to-close': ['noReply_sayReady', 'assertive'],
};

/**
 * The side panel's card (views/no-reply-timer.tsx): the page's facts of an open visit, plain JSON.
 * The side panel reads the visit's record itself (`recordKey`, storage.local), merges the two and
 * words the chip with its rule set, on its own clock.
 */
export type NoReplyTimerModel = Omit<PageFacts, 'closed'> & {
  /** The visit's no-reply record (lib/no-reply-timers.ts), written by the background. */
  recordKey: string;
  /** The last press's outcome, as this tab saw it (worded in the side panel). */
  outcome: NoReplyOutcome | null;
  /** An action is on its way to the background ("Ringt patienten" is disabled meanwhile). */
  busy: boolean;
};

/**
 * R-NR-1..R-NR-5 in the visit view, the page's half (issue 14): reads the no-reply events from the
 * chat (the console's phone calls included) and reports them to the background, which keeps the
 * timer, its alarm and its notification (surviving the worker and a browser restart, side panel
 * open or not); publishes the same facts to the side panel, whose card applies the rules and
 * ticks; and does what the card's buttons ask of the page: put the R-NR-1 notice (worded by the
 * side panel) into the chat box (never sent by us), and pass phone attempts, their undo and a
 * marked notice to the background. When ready, "close with the no-reply note" switches the side
 * panel's journal note to its no-reply mode (R-NR-4). A closed visit has no card. The stages are
 * announced from the background's record: the page computes no status.
 */
const noReplyTimer: Feature = {
  id: 'no-reply-timer',
  title: t('noReply_title'),
  rules: ['R-NR-1', 'R-NR-2', 'R-NR-3', 'R-NR-4', 'R-NR-5'],
  readsChat: true,
  init(ctx, signal) {
    let visitKey: string | null = null;
    let recordKey: string | null = null;
    let page: PageFacts | null = null;
    let chatKnown = false;
    let sent: string | null = null;
    let outcome: NoReplyOutcome | null = null;
    let busy = false;
    /** The record's stage last heard, and whether the record has had this tab's facts yet. */
    let heard: NoReplyState | null = null;
    let synced = false;

    const publish = () => {
      if (signal.aborted) return;
      if (!page || !recordKey || page.closed) return ctx.panel.show(null);
      const { closed: _closed, ...facts } = page;
      ctx.panel.show({ ...facts, recordKey, outcome, busy } satisfies NoReplyTimerModel);
    };

    const show = (next: NoReplyOutcome) => {
      outcome = next;
      publish();
    };

    /** A stage of the background's reading of this visit, announced once (with or without the side panel). */
    const hear = (record: NoReplyTimer | null) => {
      const state = record?.status.state ?? null;
      if (state === heard) return;
      heard = state;
      const announce = state && ANNOUNCE[state];
      if (announce) ctx.ui.announce(t(announce[0]), announce[1]);
    };

    /** The record has this tab's facts (or there are none to give): its stage is the visit's. */
    const ready = async (key: string) => {
      if (key !== recordKey) return;
      synced = true;
      const record = await noReplyRecords.get(key);
      if (key === recordKey) hear(record);
    };

    /** Puts the notice the side panel worded (its rule set's phrase and timers) into the chat box. */
    const insert = (phrase: string) => {
      const result = insertIntoComposer(document, phrase, ctx.registry());
      if (result.status === 'inserted' || result.status === 'already-there') {
        show({ done: 'insert-notice' });
        ctx.ui.announce(t('noReply_sayInserted'), 'polite');
      } else {
        const composer = result.status === 'disabled' ? 'disabled' : 'missing';
        show({ failed: 'insert-notice', composer, copy: phrase });
      }
    };

    /**
     * One of the clinician's actions, applied by the background to the visit's record; `spoken`
     * when done (its rule ID stays in the card, behind "Regel": issue 14).
     */
    const act = async (action: NoReplyAction, done: NoReplyOutcome, spoken: string, at?: string) => {
      const snapshot = ctx.snapshot();
      if (!snapshot.visitKey) return;
      busy = true;
      publish();
      try {
        const visit = { visitKey: snapshot.visitKey, visitUrl: location.href };
        const reply = await send('no-reply-action', { action, ...visit, ...(at ? { at } : {}) });
        if (!reply?.ok) throw new Error(reply ? reply.code : 'no answer');
        show(done);
        ctx.ui.announce(spoken, 'polite');
      } catch (error) {
        logError(`no-reply ${action}`, error);
        show({ failed: action });
      } finally {
        busy = false;
        publish();
      }
    };

    const close = async () => {
      // The press came from the side panel, already open: its journal note switches to the
      // no-reply mode (R-NR-4, R-J-8) through the background, which keeps the request per tab.
      let switched = false;
      try {
        switched = (await send('journal-panel-mode', { mode: 'no-reply' }))?.ok === true;
      } catch (error) {
        logError('no-reply journal mode', error);
      }
      // Not switched: the side panel words why (side-panel-mode-failed) and offers the note to copy.
      show(switched ? { done: 'close-no-reply' } : { failed: 'close-no-reply' });
    };

    /** The card's buttons, pressed in the side panel (their `data-action`s). */
    ctx.panel.onAction((action, data) => {
      if (action === 'insert-notice' && typeof data === 'string' && data) insert(data);
      else if (action === 'phone-attempt' && !busy) {
        const now = ctx.now();
        const done = { done: action, at: now.toISOString() } as const;
        void act(action, done, t('noReply_sayPhone', stockholmTimeText(now)));
      } else if (action === 'undo-phone-attempt') void act(action, { done: action }, t('noReply_phoneUndone'));
      else if (action === 'mark-notice' && typeof data === 'string')
        void act(action, { done: action }, t('noReply_sayMarked'), data);
      else if (action === 'close-no-reply') void close();
    }, signal);

    /** Reports the page's side to the background, once per change. */
    const sync = (visit: string, facts: PageFacts, key: string) => {
      const { priority, events, closed } = facts;
      const message: MessageData<'no-reply-sync'> = {
        visitKey: visit,
        visitUrl: location.href,
        priority,
        events,
        closed,
      };
      const signature = JSON.stringify([message.visitKey, priority, events, closed]);
      if (signature === sent) return;
      sent = signature;
      send('no-reply-sync', message)
        .catch((error: unknown) => {
          // The worker was starting: the next change resends (the signature is forgotten).
          sent = null;
          logError('no-reply sync', error);
        })
        .finally(() => void ready(key));
    };

    noReplyRecords.watch((key, changed) => {
      if (key === recordKey && synced) hear(changed);
    }, signal);

    const readPageFacts = pageFactsReader();
    const onSnapshot = async (snapshot: ClinicSnapshot) => {
      if (snapshot.route !== 'visit' || !snapshot.visitKey) {
        visitKey = recordKey = page = null;
        publish();
        return;
      }
      page = readPageFacts(snapshot, ctx.rules(), ctx.registry());
      chatKnown = snapshot.chat.known;
      if (snapshot.visitKey !== visitKey) {
        visitKey = snapshot.visitKey;
        recordKey = null;
        outcome = null;
        heard = null;
        // Every visit opened is reported afresh: its stages are heard once the record has our facts.
        sent = null;
        synced = false;
        const key = await noReplyKey(visitKey);
        if (signal.aborted || visitKey !== snapshot.visitKey) return;
        recordKey = key;
      }
      // The latest reading of this visit (snapshots that came while its key was hashed included).
      const key = recordKey;
      if (!key || !page) return;
      // Unknown chat (not found on the page): report nothing rather than an empty log.
      if (chatKnown || page.closed) sync(visitKey, page, key);
      else if (!synced) void ready(key);
      publish();
    };

    ctx.onSnapshot((s) => void onSnapshot(s), signal);
    void onSnapshot(ctx.snapshot());
  },
};

export default noReplyTimer;
