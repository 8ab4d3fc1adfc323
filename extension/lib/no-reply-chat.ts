import { parseIsoTime } from '../../shared/iso-time';
import type { NoReplyEvent } from '../../shared/no-reply';
import type { RuleSet } from '../../shared/rules';
import { fillPhrase, statedDurations } from '../../shared/rules/phrases';
import { normalizeText } from '../clinic/dom-query';
import type { ChatMessage } from '../clinic/snapshot';

/**
 * The chat as the no-reply timer reads it (R-NR-1..R-NR-3): patient and clinician messages, the
 * R-NR-1 notice (also when reworded, if it keeps its essentials), and the console's phone calls.
 */

function comparable(text: string): string {
  return normalizeText(text).toLocaleLowerCase('sv');
}

/** The R-NR-1 notice as it is sent: the rule set's phrase with its times filled from the timers. */
export function noticePhraseOf(rules: Pick<RuleSet, 'phrases' | 'timers'>): string {
  return fillPhrase(rules.phrases.noReplyNotice, rules.timers);
}

export type NoticeMatch = 'notice' | 'unsure' | 'none';

/**
 * Is a clinician message the R-NR-1 notice? Yes when it contains the phrase, or when it keeps its
 * essentials though edited: the reply window (as the timers have it) and that the case is then
 * closed. Unsure when it speaks of a time limit or closing without both: the clinician may mark
 * it as the notice. Else not the notice (counted as an ordinary chat attempt).
 */
export function noticeMatch(text: string, phrase: string, replyWindowMinutes: number): NoticeMatch {
  return matchComparable(comparable(text), comparable(phrase), replyWindowMinutes);
}

function matchComparable(t: string, phrase: string, replyWindowMinutes: number): NoticeMatch {
  if (phrase && t.includes(phrase)) return 'notice';
  // Cheap words first: the duration scan runs only on messages about answering or closing.
  if (!/avslut|stäng|svar/u.test(t)) return 'none';
  const durations = statedDurations(t);
  const window = durations.some((d) => d.minutes === replyWindowMinutes);
  const closing = /avslut|stäng/u.test(t);
  const answer = /svar/u.test(t);
  if (window && closing) return 'notice';
  return (durations.length > 0 && (closing || answer)) || (closing && answer) ? 'unsure' : 'none';
}

/**
 * The adapter keeps unchanged messages as the same objects between reads (its chat cache), so a
 * long chat is matched once per message, not on every page change.
 */
const matches = new WeakMap<ChatMessage, { key: string; match: NoticeMatch }>();
function cachedMatch(message: ChatMessage, key: string, compute: () => NoticeMatch): NoticeMatch {
  const hit = matches.get(message);
  if (hit?.key === key) return hit.match;
  const match = compute();
  matches.set(message, { key, match });
  return match;
}

export interface ChatEventsOptions {
  /** The filled notice phrase (noticePhraseOf). */
  phrase: string;
  replyWindowMinutes: number;
  /** A console system line that is a phone call (the adapter's call-event matcher, R-NR-3). */
  isPhoneCall?: (text: string) => boolean;
}

/**
 * The chat as no-reply events: the patient's messages, the clinician's messages, the R-NR-1
 * notice (noticeMatch: the phrase, or its essentials kept in an edited text), and the console's
 * own phone calls as phone attempts (R-NR-3: one fact with "Ringt patienten"). Other system lines
 * ("Besöket har avslutats") are not attempts. A message whose time cannot be read is left out: it
 * cannot be ordered, and guessing a time could close a case too early (the count is returned so
 * the chip can say so). `unsure`: times of clinician messages that may be the notice.
 * `unknownAuthors`: timed messages whose author was not recognised (counted as the patient's).
 */
export function chatEvents(
  messages: readonly ChatMessage[],
  options: ChatEventsOptions,
): { events: NoReplyEvent[]; untimed: number; unsure: string[]; unknownAuthors: number } {
  const events: NoReplyEvent[] = [];
  const unsure: string[] = [];
  let untimed = 0;
  let unknownAuthors = 0;
  const phrase = comparable(options.phrase);
  const cacheKey = `${options.replyWindowMinutes}\u0000${phrase}`;
  for (const message of messages) {
    const call = message.author === 'system' && options.isPhoneCall?.(message.text) === true;
    // A message whose author could not be recognised may be the patient's answer: it is counted as
    // one, so the case is kept open rather than closed on a reply we failed to see (and said so).
    const unknown = message.author === 'unknown';
    if (message.author !== 'patient' && message.author !== 'clinician' && !call && !unknown) continue;
    if (!message.at || Number.isNaN(parseIsoTime(message.at))) {
      untimed++;
      continue;
    }
    if (unknown) unknownAuthors++;
    if (call) events.push({ type: 'phone-attempt', at: message.at });
    else if (message.author === 'patient' || unknown) events.push({ type: 'patient-message', at: message.at });
    else {
      const match = cachedMatch(message, cacheKey, () =>
        matchComparable(comparable(message.text), phrase, options.replyWindowMinutes),
      );
      events.push({ type: match === 'notice' ? 'notice-sent' : 'clinician-message', at: message.at });
      if (match === 'unsure') unsure.push(message.at);
    }
  }
  return { events, untimed, unsure, unknownAuthors };
}
