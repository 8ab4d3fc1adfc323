import { type ClinicSnapshot, readClosedVisitFollowUps, readTicketVisit } from '../clinic';
import { t } from '../lib/i18n';
import { journalFactsFor } from '../lib/journal-facts';
import { logError } from '../lib/log';
import { handle, send } from '../lib/messages';
import type { Feature, SnapshotChange } from './feature';

/** Facts are published this long after the console last changed (a burst of chat = one message). */
const PUBLISH_DEBOUNCE_MS = 150;

/**
 * R-J-2..R-J-8: the content-script half of the journal panel. It publishes this visit's facts to
 * the background (which keeps them per tab for the side panel). Nothing in the page (issue 14):
 * the note is in the side panel, below the features' cards, opened with Alt+Shift+J or the
 * browser's side panel; it is built there, so no rule-set schema here.
 */
const journalPanel: Feature = {
  id: 'journal-panel',
  title: t('journal_featureTitle'),
  rules: ['R-J-2', 'R-J-3', 'R-J-4', 'R-J-5', 'R-J-6', 'R-J-8'],
  readsChat: true,
  init(ctx, signal) {
    let published: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    /** R-J-7: the ticket the visit came by (its post-triage answers are notes in Clinic already). */
    const ticketOf = (snapshot: ClinicSnapshot) => {
      if (snapshot.route !== 'visit') return null;
      const read = readTicketVisit(document, ctx.registry());
      if (!read.known || !read.value) return null;
      const notes = read.value.postTriageNotes;
      return { fromUnit: read.value.fromUnit, postTriageNotes: notes.known ? notes.value : null };
    };

    /** R-J-1: the visit note after closing, *Signera och exportera* done or not (null: not read). */
    const visitNoteOf = (snapshot: ClinicSnapshot) => {
      if (snapshot.route !== 'visit') return null;
      const read = readClosedVisitFollowUps(document, ctx.registry())?.visitNote;
      return read?.known ? read.value : null;
    };

    // The ticket and the visit note as last read, and whether the page changed since: a message
    // appended to the chat changes neither.
    let around: { ticket: ReturnType<typeof ticketOf>; visitNote: ReturnType<typeof visitNoteOf> } | null = null;
    let pageChanged = true;

    const publish = (snapshot: ClinicSnapshot, now = false, change: SnapshotChange = 'page') => {
      clearTimeout(timer);
      if (change === 'page') pageChanged = true;
      // Once the burst of changes is over (typing, a chat arriving): read and send.
      const publishNow = () => {
        if (signal.aborted) return;
        if (pageChanged || !around) around = { ticket: ticketOf(snapshot), visitNote: visitNoteOf(snapshot) };
        pageChanged = false;
        const facts = journalFactsFor(snapshot, around.ticket, around.visitNote);
        const serialized = JSON.stringify(facts);
        // Only when changed: most console mutations (timers, presence) change no fact.
        if (serialized === published) return;
        published = serialized;
        send('journal-facts', { facts }).catch((e: unknown) => {
          published = null; // retried with the next snapshot
          logError('journal-panel publish', e);
        });
      };
      if (now) publishNow();
      else timer = setTimeout(publishNow, PUBLISH_DEBOUNCE_MS);
    };

    // The side panel found no facts for this tab (e.g. session storage was cleared): send again.
    handle(
      'journal-facts-request',
      () => {
        published = null;
        publish(ctx.snapshot(), true);
        return undefined;
      },
      signal,
    );
    signal.addEventListener('abort', () => clearTimeout(timer));
    ctx.onSnapshot((s, change) => publish(s, false, change), signal);
    publish(ctx.snapshot(), true);
  },
};

export default journalPanel;
