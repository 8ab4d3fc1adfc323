import { parseIsoTime } from '../../shared/iso-time';
import type { NoReplyEvent, NoReplySettings } from '../../shared/no-reply';
import { condenseNoReplyEvents } from '../../shared/no-reply-condense';
import { undoablePhoneAttempts } from './no-reply-actions';
import type { ChipModel } from './no-reply-chip';
import type { PageFacts } from './no-reply-page';
import { mergeEvents, type NoReplyTimer, readTimer } from './no-reply-timers';

export type { PageFacts } from './no-reply-page';

/**
 * The no-reply chip's model (R-NR-1..R-NR-5), computed in the side panel (issue 14): what the page
 * shows of a visit (lib/no-reply-page.ts, published by the content script) merged with the
 * background's record of it (phone attempts logged, notices marked), read at `now` with the rule
 * set's timers. Pure: the side panel's view (views/no-reply-timer.tsx) ticks and draws it.
 */
export type ChipFacts = Omit<PageFacts, 'closed'> & { closed?: boolean };

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
  page: ChipFacts,
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
    notes: reading.notes,
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
