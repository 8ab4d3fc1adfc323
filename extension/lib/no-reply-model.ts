import { parseIsoTime } from '../../shared/iso-time';
import type { NoReplyEvent, NoReplySettings } from '../../shared/no-reply';
import { condenseNoReplyEvents } from '../../shared/no-reply-condense';
import type { RuleSet } from '../../shared/rules';
import type { ClinicSnapshot, SelectorRegistry } from '../clinic';
import { undoablePhoneAttempts } from './no-reply-actions';
import { chatEvents, noticePhraseOf } from './no-reply-chat';
import type { ChipModel } from './no-reply-chip';
import { mergeEvents, type NoReplyTimer, readTimer } from './no-reply-timers';

/**
 * The no-reply chip's model (R-NR-1..R-NR-5): what the page shows of a visit (its chat read as
 * events, its priority, whether it is closed) merged with the background's record of it (phone
 * attempts logged, notices marked), read once per change at `now`. Pure: the feature wires it to
 * the page and the view (no-reply-chip.tsx) renders it.
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
    // Only what the reading needs is kept, merged, synced and compared (a long chat's tail).
    events: condenseNoReplyEvents(read.events),
    priority: snapshot.priority.known ? snapshot.priority.value : null,
    closed: snapshot.visitState.known && snapshot.visitState.value === 'closed',
  };
}

/** A record's log condensed once per stored version (the chip redraws every second). */
const condensed = new WeakMap<NoReplyTimer, NoReplyEvent[]>();
function condensedRecord(record: NoReplyTimer | null): NoReplyEvent[] {
  if (!record) return [];
  let events = condensed.get(record);
  if (!events) {
    events = condenseNoReplyEvents(record.events);
    condensed.set(record, events);
  }
  return events;
}

export function chipModel(
  page: PageFacts,
  record: NoReplyTimer | null,
  now: Date,
  settings: NoReplySettings,
): ChipModel {
  const closed: NoReplyEvent[] = page.closed ? [{ type: 'visit-closed', at: now.toISOString() }] : [];
  const events = mergeEvents(page.events, condensedRecord(record), closed);
  const reading = readTimer({ events, priority: page.priority }, now, settings);
  const { status, lastPatientMs } = reading;
  // A message already counted as the notice (matched or marked) is not offered again.
  const unsure = page.unsure.filter((at) => {
    const ms = parseIsoTime(at);
    return ms > lastPatientMs && !events.some((e) => e.type === 'notice-sent' && parseIsoTime(e.at) === ms);
  });
  return {
    status,
    settings,
    priority: page.priority,
    now: now.getTime(),
    noticeDueAt: status.state === 'awaiting-patient' ? reading.noticeDueAt : null,
    untimed: page.untimed,
    unknownAuthors: page.unknownAuthors,
    phoneLogged: reading.phoneLogged,
    undoable: undoablePhoneAttempts(record, lastPatientMs),
    unsureNotice: unsure[unsure.length - 1] ?? null,
  };
}
