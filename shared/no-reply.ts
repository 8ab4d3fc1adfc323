/**
 * "No reply from the patient" routine (R-NR-1..5) as a pure function of a visit's event log.
 * No clock is read here: `now` is always passed in, so the extension, the tests and the bench
 * all get the same answer for the same input.
 *
 * Definitions (all comparisons in milliseconds since the epoch):
 * - Only events strictly AFTER the patient's last message count (a patient message starts over).
 * - attempts = the clinician's chat messages in that span; a notice is a chat message too, so it
 *   counts as one attempt (R-NR-2). A `clinician-message` and a `notice-sent` at the very same
 *   instant are the same chat message seen twice (page log + extension log) and count once.
 * - deadline = the LAST notice in that span + `replyWindowMinutes` (R-NR-1); null without one.
 * - A threshold is reached AT the instant (silence ≥ noticeAfterMinutes, now ≥ deadline), so
 *   `nextWakeUp` can return exactly the instant the status flips.
 *
 * States, checked in this order:
 * - closed: any `visit-closed` event, whatever comes after it (the visit is over in Clinic;
 *   a patient who writes again starts a new case). canClose is false: nothing left to close.
 * - idle: no clinician chat message awaits an answer (no events, or nothing since the
 *   patient's last message, or only a phone attempt).
 * - awaiting-patient: the clinician wrote, no notice yet, and the silence since the clinician's
 *   LAST chat message is shorter than noticeAfterMinutes (each new message restarts that clock:
 *   a fresh question deserves its own time to be answered).
 * - notice-suggested: that silence reached noticeAfterMinutes and no notice was sent (R-NR-1).
 *   Without a notice there is no deadline, so the visit can never become closable from here.
 * - notice-sent: a notice was sent and the deadline has not been reached.
 * - deadline-passed: the deadline was reached but attempts < minAttempts (R-NR-2) or a required
 *   phone attempt is missing (R-NR-3).
 * - ready-to-close: canClose (R-NR-4).
 *
 * Ties (events at the same instant): "after the patient's last message" is strict, so a
 * clinician message, notice or phone attempt stamped at the same instant as a patient message
 * does NOT count. This errs towards keeping the case open: we never close on an attempt that may
 * not have preceded the patient's answer.
 *
 * Robustness: events may arrive out of order or twice. Nothing here depends on array order, and
 * duplicates (same type and same instant, even if spelt differently, e.g. `...00Z` and
 * `...00.000Z`) are counted once. Events with an invalid time or unknown type are ignored and
 * reported in `reasons` rather than thrown, since the log is scraped from a page we don't control.
 * Events stamped after `now` (clock skew between Clinic and this machine) still count.
 */

import { parseIsoTime } from './iso-time';
import { durationText } from './rules/phrases';

export type NoReplyEventType =
  | 'patient-message'
  | 'clinician-message'
  | 'notice-sent'
  | 'phone-attempt'
  | 'visit-closed';

export interface NoReplyEvent {
  type: NoReplyEventType;
  /** ISO 8601 date-time. Without an offset it is Swedish time (the console's), on any host. */
  at: string;
}

export interface NoReplySettings {
  /** R-NR-1: how long the patient has to answer after the notice. */
  replyWindowMinutes: number;
  /** R-NR-2: chat attempts (notice included) required before closing. */
  minAttempts: number;
  /** R-NR-3: priorities for which a phone attempt is required before closing. */
  phonePriorities: readonly number[];
  /** R-NR-1 "slow to answer": silence after a clinician message before a notice is suggested. */
  noticeAfterMinutes: number;
}

export type NoReplyState =
  | 'idle'
  | 'awaiting-patient'
  | 'notice-suggested'
  | 'notice-sent'
  | 'deadline-passed'
  | 'ready-to-close'
  | 'closed';

export interface NoReplyStatus {
  state: NoReplyState;
  attempts: number;
  /** ISO (UTC, `toISOString`) instant the patient must answer by; null until a notice is sent. */
  deadline: string | null;
  phoneRequired: boolean;
  canClose: boolean;
  /** Swedish, for the clinician; each cites the rule it enforces (readNoReply's `notes` give them
   * by ID). Never depends on elapsed time beyond the state itself, so the status only changes at
   * the instants `nextWakeUp` returns. */
  reasons: string[];
}

/**
 * Which reason, with the values its sentence needs: one per entry of `reasons`, in the same order.
 * The extension words these in the browser's language; `reasons` stays shared's Swedish (the
 * bridge and the tests read it). Durations are in minutes, as the settings give them.
 */
export type NoReplyReason =
  | { id: 'ignored-events'; count: number }
  | { id: 'closed' | 'idle' | 'call-attempted' | 'no-sms' | 'close-now' }
  | { id: 'awaiting-patient'; noticeAfterMinutes: number }
  | { id: 'notice-suggested'; noticeAfterMinutes: number; replyWindowMinutes: number }
  | { id: 'notice-sent' | 'window-passed'; replyWindowMinutes: number }
  | { id: 'attempts-missing'; attempts: number; minAttempts: number }
  | { id: 'call-required'; priority: Priority | null };
export type NoReplyReasonId = NoReplyReason['id'];

/**
 * Routine defaults. R-NR-1: answer within 2 hours. R-NR-2: at least 2 chat attempts. R-NR-3:
 * priority 1 and 2 are always called. The routine gives no number for "slow to answer"; 10
 * minutes is our choice, a chat the patient started should normally be answered within that.
 * Frozen: every caller shares this object, so one caller's tweak must not leak into another's.
 */
export const DEFAULT_NO_REPLY_SETTINGS: Readonly<NoReplySettings> = Object.freeze({
  replyWindowMinutes: 120,
  minAttempts: 2,
  phonePriorities: Object.freeze([1, 2]),
  noticeAfterMinutes: 10,
});

const MINUTE_MS = 60_000;
const EVENT_TYPES: ReadonlySet<string> = new Set<NoReplyEventType>([
  'patient-message',
  'clinician-message',
  'notice-sent',
  'phone-attempt',
  'visit-closed',
]);

/** A triage priority as the console gives it: 1 (most urgent) to 5. */
export type Priority = 1 | 2 | 3 | 4 | 5;
const PRIORITIES: readonly Priority[] = [1, 2, 3, 4, 5];

/**
 * The one reading of a priority from anywhere (page, message, stored record): 1–5, anything else
 * (NaN, 0, 2.5, 7, '2') is as unknown as null.
 */
export function normalisePriority(priority: unknown): Priority | null {
  return PRIORITIES.find((p) => p === priority) ?? null;
}

/** Everything the status and its times need, reduced from the log in one pass. */
interface Digest {
  closed: boolean;
  attempts: number;
  /** The patient's last message (-Infinity when none): only what follows it counts. */
  lastPatientMs: number;
  /** Last clinician chat message (notice included) after the patient's last message. */
  lastChatMs: number | null;
  lastNoticeMs: number | null;
  /** A phone attempt after the patient's last message (R-NR-3). */
  phoneLogged: boolean;
  ignored: number;
}

function digest(events: readonly NoReplyEvent[]): Digest {
  const valid: { type: NoReplyEventType; ms: number }[] = [];
  const invalid = new Set<string>();
  let closed = false;
  let lastPatientMs = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    const ms = parseIsoTime(event?.at);
    const type = event?.type;
    if (Number.isNaN(ms) || typeof type !== 'string' || !EVENT_TYPES.has(type)) {
      // Dedupe what we ignore too, so the reported count doesn't depend on duplicates.
      invalid.add(`${String(type)}\u0000${String(event?.at)}`);
      continue;
    }
    if (type === 'visit-closed') closed = true;
    else if (type === 'patient-message') lastPatientMs = Math.max(lastPatientMs, ms);
    else valid.push({ type, ms });
  }

  // Chat messages are keyed by instant only: a notice and a clinician message at the same
  // instant are one message, and exact duplicates collapse too.
  const chatInstants = new Set<number>();
  let lastChatMs: number | null = null;
  let lastNoticeMs: number | null = null;
  let phoneLogged = false;
  for (const { type, ms } of valid) {
    if (ms <= lastPatientMs) continue; // strict: ties go to the patient (see header)
    if (type === 'phone-attempt') {
      phoneLogged = true;
      continue;
    }
    chatInstants.add(ms);
    if (lastChatMs === null || ms > lastChatMs) lastChatMs = ms;
    if (type === 'notice-sent' && (lastNoticeMs === null || ms > lastNoticeMs)) lastNoticeMs = ms;
  }
  return {
    closed,
    attempts: chatInstants.size,
    lastPatientMs,
    lastChatMs,
    lastNoticeMs,
    phoneLogged,
    ignored: invalid.size,
  };
}

function nowMs(now: Date): number {
  const ms = now instanceof Date ? now.getTime() : Number.NaN;
  // A bad clock is the caller's bug, not bad page data: fail loudly instead of guessing a state.
  if (Number.isNaN(ms)) throw new RangeError('evaluateNoReply: `now` is not a valid Date');
  return ms;
}

/**
 * A visit's no-reply timer at `now`, from one digest of its log: the status, and the instants the
 * extension shows and schedules. Computed once per change and passed on (the chip, the
 * background's alarm and its notification all read this), never re-derived from the log.
 */
export interface NoReplyReading {
  status: NoReplyStatus;
  /** `nextWakeUp`: when the status changes with no new event; null when only an event can. */
  wakeAt: string | null;
  /** When the R-NR-1 notice becomes due (a clinician message awaits an answer, no notice yet). */
  noticeDueAt: string | null;
  /** The clinician's last chat message after the patient's last (names a notice suggestion). */
  lastClinicianMs: number | null;
  /** The patient's last message; -Infinity when none. */
  lastPatientMs: number;
  /** A phone attempt since the patient last wrote (R-NR-3). */
  phoneLogged: boolean;
  /** `status.reasons` by ID and values, same order: for wording them in the browser's language. */
  notes: NoReplyReason[];
}

export function readNoReply(
  events: readonly NoReplyEvent[],
  now: Date,
  settings: NoReplySettings,
  priority: number | null,
): NoReplyReading {
  const t = nowMs(now);
  const d = digest(events);
  const noticeDueMs =
    d.lastChatMs !== null && d.lastNoticeMs === null ? d.lastChatMs + settings.noticeAfterMinutes * MINUTE_MS : null;
  const { status, notes } = judge(d, t, settings, priority);
  return {
    status,
    notes,
    wakeAt: wakeOf(d, t, settings),
    noticeDueAt: noticeDueMs === null ? null : new Date(noticeDueMs).toISOString(),
    lastClinicianMs: d.lastChatMs,
    lastPatientMs: d.lastPatientMs,
    phoneLogged: d.phoneLogged,
  };
}

export function evaluateNoReply(
  events: readonly NoReplyEvent[],
  now: Date,
  settings: NoReplySettings,
  priority: number | null,
): NoReplyStatus {
  return judge(digest(events), nowMs(now), settings, priority).status;
}

// The status, and its reasons by ID beside it (not in it: the status's shape is what callers and
// stored records already know).
function judge(
  d: Digest,
  t: number,
  settings: NoReplySettings,
  priority: number | null,
): { status: NoReplyStatus; notes: NoReplyReason[] } {
  const knownPriority = normalisePriority(priority);
  const phoneRequired = knownPriority === null || settings.phonePriorities.includes(knownPriority);
  const deadlineMs = d.lastNoticeMs === null ? null : d.lastNoticeMs + settings.replyWindowMinutes * MINUTE_MS;
  const deadline = deadlineMs === null ? null : new Date(deadlineMs).toISOString();
  const attemptsMet = d.attempts >= settings.minAttempts;
  const phoneMet = !phoneRequired || d.phoneLogged;

  const reasons: string[] = [];
  const notes: NoReplyReason[] = [];
  // Each reason in Swedish and by ID, together, so the two lists never drift apart.
  const say = (note: NoReplyReason, swedish: string) => {
    notes.push(note);
    reasons.push(swedish);
  };
  const noticeAfterMinutes = settings.noticeAfterMinutes;
  const replyWindowMinutes = settings.replyWindowMinutes;
  if (d.ignored > 0) {
    say(
      { id: 'ignored-events', count: d.ignored },
      d.ignored === 1
        ? '1 händelse med ogiltig tid eller typ ignorerades'
        : `${d.ignored} händelser med ogiltig tid eller typ ignorerades`,
    );
  }

  let state: NoReplyState;
  if (d.closed) {
    state = 'closed';
    say({ id: 'closed' }, 'Ärendet är stängt');
  } else if (d.lastChatMs === null) {
    state = 'idle';
    say({ id: 'idle' }, 'Inget meddelande till patienten väntar på svar');
  } else if (deadlineMs === null) {
    const silenceMs = t - d.lastChatMs;
    state = silenceMs >= settings.noticeAfterMinutes * MINUTE_MS ? 'notice-suggested' : 'awaiting-patient';
    if (state === 'notice-suggested')
      say(
        { id: 'notice-suggested', noticeAfterMinutes, replyWindowMinutes },
        `R-NR-1: Patienten har inte svarat på ${durationText(noticeAfterMinutes)} – skicka meddelande om att svar krävs inom ${durationText(replyWindowMinutes)}, annars stängs ärendet`,
      );
    else
      say(
        { id: 'awaiting-patient', noticeAfterMinutes },
        `R-NR-1: Väntar på svar från patienten; påminnelse föreslås efter ${durationText(noticeAfterMinutes)} utan svar`,
      );
  } else if (t < deadlineMs) {
    state = 'notice-sent';
    say(
      { id: 'notice-sent', replyWindowMinutes },
      `R-NR-1: Patienten har fått besked att svara inom ${durationText(replyWindowMinutes)}; ärendet kan stängas tidigast när svarstiden gått ut`,
    );
  } else {
    state = attemptsMet && phoneMet ? 'ready-to-close' : 'deadline-passed';
    say(
      { id: 'window-passed', replyWindowMinutes },
      `R-NR-1: Svarstiden på ${durationText(replyWindowMinutes)} har gått ut utan svar`,
    );
  }

  const waiting = state !== 'closed' && state !== 'idle';
  if (waiting) {
    if (!attemptsMet) {
      say(
        { id: 'attempts-missing', attempts: d.attempts, minAttempts: settings.minAttempts },
        `R-NR-2: ${d.attempts} av minst ${settings.minAttempts} kontaktförsök via chatt gjorda`,
      );
    }
    if (phoneRequired && !d.phoneLogged) {
      const who = knownPriority === null ? 'Okänd prioritet' : `Prioritet ${knownPriority}`;
      say({ id: 'call-required', priority: knownPriority }, `R-NR-3: ${who} – ring patienten innan ärendet stängs`);
    } else if (phoneRequired) {
      say({ id: 'call-attempted' }, 'R-NR-3: Telefonkontakt har försökts');
    }
    if (state !== 'awaiting-patient') {
      say(
        { id: 'no-sms' },
        'R-NR-5: Patienten får inget SMS om nya chattmeddelanden om mobilnummer saknas i profilen eller hen inte har lämnat tjänsten',
      );
    }
    if (state === 'ready-to-close') {
      say(
        { id: 'close-now' },
        'R-NR-4: Inget svar trots kontaktförsök – stäng ärendet och journalför en kort anteckning',
      );
    }
  }

  return {
    status: { state, attempts: d.attempts, deadline, phoneRequired, canClose: state === 'ready-to-close', reasons },
    notes,
  };
}

/**
 * The next instant strictly after `now` at which `evaluateNoReply` would return a different
 * status with no new event: the notice becoming due, or the deadline. Null when only a new
 * event (a reply, a notice, a phone attempt, closing) can change it. For chrome.alarms. The
 * priority plays no part: it changes what is required, never when.
 */
export function nextWakeUp(events: readonly NoReplyEvent[], now: Date, settings: NoReplySettings): string | null {
  return wakeOf(digest(events), nowMs(now), settings);
}

function wakeOf(d: Digest, t: number, settings: NoReplySettings): string | null {
  if (d.closed || d.lastChatMs === null) return null;
  const at =
    d.lastNoticeMs === null
      ? d.lastChatMs + settings.noticeAfterMinutes * MINUTE_MS
      : d.lastNoticeMs + settings.replyWindowMinutes * MINUTE_MS;
  return at > t ? new Date(at).toISOString() : null;
}
