import type { NoReplyEvent } from '../../shared/no-reply';
import { condenseNoReplyEvents } from '../../shared/no-reply-condense';
import type { RuleSet } from '../../shared/rules';
import type { ChatMessage, ClinicSnapshot, SelectorRegistry } from '../clinic';
import { type ChatEventsOptions, chatEvents, noticePhraseOf } from './no-reply-chat';

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

type ChatReading = Pick<PageFacts, 'events' | 'untimed' | 'unknownAuthors' | 'unsure'>;
const NO_CHAT: ChatReading = { events: [], untimed: 0, unsure: [], unknownAuthors: 0 };

function optionsOf(rules: RuleSet, registry: SelectorRegistry): ChatEventsOptions & { key: string } {
  const callPhone = registry.match.callPhone;
  const phrase = noticePhraseOf(rules);
  return {
    phrase,
    replyWindowMinutes: rules.timers.replyWindowMinutes,
    isPhoneCall: (text) => callPhone?.test(text) === true,
    key: JSON.stringify([phrase, rules.timers.replyWindowMinutes, String(callPhone)]),
  };
}

/** The chat's messages read as the condensed events, with the counts the chip words. */
function readChat(messages: readonly ChatMessage[], options: ChatEventsOptions, before = NO_CHAT): ChatReading {
  const read = chatEvents(messages, options);
  return {
    // Only what the reading needs is kept, synced, published and compared (a long chat's tail).
    // Condensing what was kept plus the new events is condensing the whole log (see the tests).
    events: condenseNoReplyEvents([...before.events, ...read.events]),
    untimed: before.untimed + read.untimed,
    unknownAuthors: before.unknownAuthors + read.unknownAuthors,
    unsure: [...before.unsure, ...read.unsure],
  };
}

function factsOf(snapshot: ClinicSnapshot, chat: ChatReading): PageFacts {
  return {
    ...chat,
    priority: snapshot.priority.known ? snapshot.priority.value : null,
    closed: snapshot.visitState.known && snapshot.visitState.value === 'closed',
  };
}

/** The page's side of a visit; an unreadable chat gives no events (never an empty log as a fact). */
export function pageFactsOf(snapshot: ClinicSnapshot, rules: RuleSet, registry: SelectorRegistry): PageFacts {
  return factsOf(snapshot, snapshot.chat.known ? readChat(snapshot.chat.value, optionsOf(rules, registry)) : NO_CHAT);
}

/**
 * pageFactsOf, reading only what was appended to the chat since the last call (issue 16: a
 * message arriving in a 2,000-message visit reads one message, not 2,000). The adapter's chat
 * cache keeps an unchanged message as the same object between reads, so "appended" is "every
 * earlier message is the very same object": an edited, removed or reordered message, another
 * visit, or other rules read the whole chat again.
 */
export function pageFactsReader(): typeof pageFactsOf {
  let last: { messages: readonly ChatMessage[]; key: string; chat: ChatReading } | null = null;
  // Made again only for other rules or another registry (each message arriving asks).
  let made: { rules: RuleSet; registry: SelectorRegistry; options: ReturnType<typeof optionsOf> } | null = null;
  return (snapshot, rules, registry) => {
    if (!snapshot.chat.known) {
      last = null;
      return factsOf(snapshot, NO_CHAT);
    }
    const messages = snapshot.chat.value;
    if (made?.rules !== rules || made.registry !== registry)
      made = { rules, registry, options: optionsOf(rules, registry) };
    const { options } = made;
    const appended =
      last !== null &&
      last.key === options.key &&
      messages.length >= last.messages.length &&
      last.messages.every((m, i) => messages[i] === m);
    const chat =
      appended && last
        ? messages.length === last.messages.length
          ? last.chat
          : readChat(messages.slice(last.messages.length), options, last.chat)
        : readChat(messages, options);
    last = { messages, key: options.key, chat };
    return factsOf(snapshot, chat);
  };
}
