import { parseIsoTime } from './iso-time';
import type { NoReplyEvent } from './no-reply';

/**
 * A visit's no-reply log reduced to what its reading depends on (issue 16: a 2,000-message chat
 * was merged, sorted and sent whole on every page change and every 1 s tick). Only the patient's
 * last message and what follows it count (R-NR-2); kept as well: every phone attempt (the journal
 * says whether the patient was called, R-NR-3), every closing, and every entry of unknown type or
 * unreadable time (the reading reports how many it ignored). The order is kept.
 *
 * `readNoReply(condenseNoReplyEvents(log))` equals `readNoReply(log)`, and condensing each of two
 * logs before merging them reads the same as condensing their union (test/unit/no-reply-condense).
 */
/** Types whose entries before the patient's last message no longer count. */
const COUNTED_BY_TIME: ReadonlySet<unknown> = new Set(['patient-message', 'clinician-message', 'notice-sent']);

export function condenseNoReplyEvents(events: readonly NoReplyEvent[]): NoReplyEvent[] {
  const times = events.map((e) => parseIsoTime(e?.at));
  let lastPatientMs = Number.NEGATIVE_INFINITY;
  events.forEach((e, i) => {
    if (e?.type === 'patient-message' && !Number.isNaN(times[i]!)) lastPatientMs = Math.max(lastPatientMs, times[i]!);
  });
  let patientKept = false;
  return events.filter((e, i) => {
    const ms = times[i]!;
    if (Number.isNaN(ms) || !COUNTED_BY_TIME.has(e?.type)) return true;
    if (e?.type === 'patient-message' && ms === lastPatientMs && !patientKept) {
      patientKept = true;
      return true;
    }
    return ms > lastPatientMs;
  });
}
