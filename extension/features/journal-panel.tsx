import { render } from 'preact';
import { type ClinicSnapshot, readClosedVisitFollowUps, readTicketVisit } from '../clinic';
import { errorWords } from '../lib/error-words';
import { journalFactsFor } from '../lib/journal-facts';
import { logError } from '../lib/log';
import { handle, type MessageReply, send } from '../lib/messages';
import type { Feature } from './feature';

/** Facts are published this long after the console last changed (a burst of chat = one message). */
const PUBLISH_DEBOUNCE_MS = 150;

function OpenButton({ error, onOpen }: { error: string | null; onOpen(): void }) {
  return (
    <section class="card" aria-label="Journalanteckning">
      <button
        type="button"
        onClick={onOpen}
        aria-keyshortcuts="Alt+Shift+J"
        title="Öppna journalanteckningen för Cosmic (Distanskontakt 1177 direkt) i sidopanelen (Alt+Shift+J)"
      >
        Journalanteckning
      </button>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * R-J-2..R-J-8: the content-script half of the journal panel. It publishes this visit's facts to
 * the background (which keeps them per tab for the side panel) and offers the button that opens
 * the side panel. The note itself is built in the side panel: no rule-set schema here.
 */
const journalPanel: Feature = {
  id: 'journal-panel',
  title: 'Journalanteckning för Cosmic (Distanskontakt 1177 direkt) i sidopanelen',
  rules: ['R-J-2', 'R-J-3', 'R-J-4', 'R-J-5', 'R-J-6', 'R-J-8'],
  init(ctx, signal) {
    const slot = ctx.ui.slot('journal-panel');
    let error: string | null = null;
    let published: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const open = async () => {
      // Publish first without waiting: the panel then finds this visit at once.
      publish(ctx.snapshot(), true);
      let reply: MessageReply<'journal-open-panel'> | undefined;
      try {
        reply = await send('journal-open-panel');
      } catch (e) {
        logError('journal-panel open', e);
      }
      error = reply?.ok ? null : `${errorWords(reply?.ok === false ? reply.code : 'side-panel-failed')} Försök igen.`;
      if (error) ctx.ui.announce(error, 'assertive');
      draw(ctx.snapshot());
    };

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

    const publish = (snapshot: ClinicSnapshot, now = false) => {
      clearTimeout(timer);
      const publishNow = () => {
        if (signal.aborted) return;
        const facts = journalFactsFor(snapshot, ticketOf(snapshot), visitNoteOf(snapshot));
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

    const draw = (snapshot: ClinicSnapshot) => {
      if (signal.aborted) return;
      render(snapshot.route === 'visit' ? <OpenButton error={error} onOpen={() => void open()} /> : null, slot);
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
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      render(null, slot);
    });
    ctx.onSnapshot((s) => {
      draw(s);
      publish(s);
    }, signal);
    draw(ctx.snapshot());
    publish(ctx.snapshot(), true);
  },
};

export default journalPanel;
