import { parseIsoTime } from '../../shared/iso-time';
import type { Message } from './messages';
import { mergeEvents, type NoReplyTimer } from './no-reply-timers';

/**
 * What the clinician does to a visit's no-reply timer besides the chat itself ('no-reply-action'
 * messages), as pure edits of the stored record (the background applies them in order):
 * log a phone attempt (R-NR-3), undo the last one logged by mistake, and mark a sent chat message
 * as the R-NR-1 notice when its wording was changed beyond what is recognised. Closing the visit
 * in Clinic keeps the record, closed: the journal note (written after closing, R-J-1) still needs
 * its phone attempts for the R-NR-3 check.
 */

/** The action's fields as sent (a content script runs in a page we do not control). */
export function isNoReplyAction(message: unknown): message is Message<'no-reply-action'> {
  if (typeof message !== 'object' || message === null) return false;
  const m: Partial<Record<string, unknown>> = { ...message };
  return (
    m.type === 'no-reply-action' &&
    (m.action === 'phone-attempt' || m.action === 'undo-phone-attempt' || m.action === 'mark-notice') &&
    typeof m.visitKey === 'string' &&
    typeof m.visitUrl === 'string' &&
    (m.at === undefined || typeof m.at === 'string')
  );
}

type Edit = Pick<NoReplyTimer, 'events' | 'loggedPhoneAttempts' | 'markedNotices'>;

/** "Ringt patienten" at `now`: one phone attempt, remembered as the clinician's (undoable). */
export function withLoggedPhoneAttempt<T extends Edit>(timer: T, now: Date): T {
  const at = now.toISOString();
  return {
    ...timer,
    events: mergeEvents(timer.events, [{ type: 'phone-attempt', at }]),
    loggedPhoneAttempts: [...(timer.loggedPhoneAttempts ?? []), at],
  };
}

/**
 * Undoes the latest phone attempt the clinician logged (not a call the console shows: that is a
 * page fact). Null when there is none to undo.
 */
export function withoutLastPhoneAttempt<T extends Edit>(timer: T): T | null {
  const logged = timer.loggedPhoneAttempts ?? [];
  const last = logged[logged.length - 1];
  if (last === undefined) return null;
  const ms = parseIsoTime(last);
  return {
    ...timer,
    events: timer.events.filter((e) => !(e.type === 'phone-attempt' && parseIsoTime(e.at) === ms)),
    loggedPhoneAttempts: logged.slice(0, -1),
  };
}

/**
 * The clinician says the chat message sent at `at` was the R-NR-1 notice. Only a clinician chat
 * message the timer knows can be marked (never an invented time). Null when there is none.
 */
export function withMarkedNotice<T extends Edit>(timer: T, at: string): T | null {
  const ms = parseIsoTime(at);
  if (Number.isNaN(ms)) return null;
  const sent = timer.events.some(
    (e) => (e.type === 'clinician-message' || e.type === 'notice-sent') && parseIsoTime(e.at) === ms,
  );
  if (!sent) return null;
  const iso = new Date(ms).toISOString();
  return {
    ...timer,
    events: mergeEvents(timer.events, [{ type: 'notice-sent', at: iso }]),
    markedNotices: [...new Set([...(timer.markedNotices ?? []), iso])],
  };
}

/** The visit closed in Clinic at `now`: nothing left to time (R-NR-4 done or moot), facts kept. */
export function closedTimer<T extends Edit>(timer: T, now: Date): T {
  if (timer.events.some((e) => e.type === 'visit-closed')) return timer;
  return { ...timer, events: mergeEvents(timer.events, [{ type: 'visit-closed', at: now.toISOString() }]) };
}

/**
 * The phone attempts the clinician logged after the patient's last message (the chip's "Ångra").
 * `lastPatientMs`: that message's time when already read (the chip's reading of page and record).
 */
export function undoablePhoneAttempts(timer: Edit | null, lastPatientMs = lastPatientOf(timer)): string[] {
  return (timer?.loggedPhoneAttempts ?? []).filter((at) => parseIsoTime(at) > lastPatientMs);
}

function lastPatientOf(timer: Edit | null): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const e of timer?.events ?? []) if (e.type === 'patient-message') last = Math.max(last, parseIsoTime(e.at));
  return last;
}
