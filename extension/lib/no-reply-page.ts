import type { NoReplyEvent } from '../../shared/no-reply';
import { condenseNoReplyEvents } from '../../shared/no-reply-condense';
import type { RuleSet } from '../../shared/rules';
import type { ClinicSnapshot, SelectorRegistry } from '../clinic';
import { chatEvents, noticePhraseOf } from './no-reply-chat';

/**
 * What the page shows of a visit for its no-reply timer (R-NR-1..R-NR-5): its chat read as
 * events, its priority, whether it is closed. The content script reads these, syncs them to the
 * background and publishes them to the side panel, which applies the rules (issue 14: the page
 * reads, the side panel and the background judge). Pure.
 */
export interface PageFacts {
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

/** The page's side of a visit; an unreadable chat gives no events (never an empty log as a fact). */
export function pageFactsOf(snapshot: ClinicSnapshot, rules: RuleSet, registry: SelectorRegistry): PageFacts {
  const chat = snapshot.chat;
  const callPhone = registry.match.callPhone;
  const read = chat.known
    ? chatEvents(chat.value, {
        phrase: noticePhraseOf(rules),
        replyWindowMinutes: rules.timers.replyWindowMinutes,
        isPhoneCall: (text) => callPhone?.test(text) === true,
      })
    : { events: [], untimed: 0, unsure: [], unknownAuthors: 0 };
  return {
    ...read,
    // Only what the reading needs is kept, synced, published and compared (a long chat's tail).
    events: condenseNoReplyEvents(read.events),
    priority: snapshot.priority.known ? snapshot.priority.value : null,
    closed: snapshot.visitState.known && snapshot.visitState.value === 'closed',
  };
}
