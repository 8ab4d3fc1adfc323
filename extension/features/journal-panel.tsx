import { render } from 'preact';
import type { ClinicSnapshot } from '../clinic';
import { journalFactsFor } from '../lib/journal-facts';
import { logError } from '../lib/log';
import {
  isJournalFactsRequest,
  type JournalFactsMessage,
  type JournalOpenPanelMessage,
  type JournalOpenPanelReply,
} from '../lib/messages';
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
      const message: JournalOpenPanelMessage = { type: 'journal-open-panel' };
      // Publish first without waiting: the panel then finds this visit at once.
      publish(ctx.snapshot(), true);
      let reply: JournalOpenPanelReply | undefined;
      try {
        reply = (await browser.runtime.sendMessage(message)) as JournalOpenPanelReply | undefined;
      } catch (e) {
        logError('journal-panel open', e);
      }
      error = reply?.ok ? null : `${reply?.ok === false ? reply.error : 'Sidopanelen kunde inte öppnas.'} Försök igen.`;
      if (error) ctx.ui.announce(error, 'assertive');
      draw(ctx.snapshot());
    };

    const publish = (snapshot: ClinicSnapshot, now = false) => {
      clearTimeout(timer);
      const send = () => {
        if (signal.aborted) return;
        const facts = journalFactsFor(snapshot);
        const serialized = JSON.stringify(facts);
        // Only when changed: most console mutations (timers, presence) change no fact.
        if (serialized === published) return;
        published = serialized;
        const message: JournalFactsMessage = { type: 'journal-facts', facts };
        browser.runtime.sendMessage(message).catch((e: unknown) => {
          published = null; // retried with the next snapshot
          logError('journal-panel publish', e);
        });
      };
      if (now) send();
      else timer = setTimeout(send, PUBLISH_DEBOUNCE_MS);
    };

    const draw = (snapshot: ClinicSnapshot) => {
      if (signal.aborted) return;
      render(snapshot.route === 'visit' ? <OpenButton error={error} onOpen={() => void open()} /> : null, slot);
    };

    const onMessage = (message: unknown) => {
      // The side panel found no facts for this tab (e.g. session storage was cleared): send again.
      if (isJournalFactsRequest(message)) {
        published = null;
        publish(ctx.snapshot(), true);
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onMessage);
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
