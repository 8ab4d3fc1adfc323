import { parseIsoTime } from '../../shared/iso-time';
import {
  type NoReplyEvent,
  type NoReplyReading,
  type NoReplySettings,
  type NoReplyState,
  type NoReplyStatus,
  readNoReply,
} from '../../shared/no-reply';
import type { RuleSet } from '../../shared/rules';
import { countText } from '../../shared/rules/phrases';
import { t } from './i18n';
import { defineRecordSet, isNumberOrNull, isObject, isString, isStringOrNull } from './storage';
import { VISIT_PREFIX, visitStorageKey } from './visit-store';

/**
 * The no-reply timer of one running visit (R-NR-1..5), shared by the content script (chip), the
 * background (alarms, notifications) and the popup (overview). Pure helpers plus the record's
 * shape; no browser API here but the storage key's hash.
 *
 * Storage: one record per visit in storage.local under `visit:<hash>:no-reply`, next to the visit
 * store's record (`visit:<hash>`), so the visit retention purges it like the rest of the visit's
 * data (it reads the same `updatedAt`). Its own key, not a field of the visit record: only the
 * background writes it, so no read-modify-write race with the pages writing the visit record.
 * Local, not session: a browser restart must lose no running timer.
 */
export const NO_REPLY_SUFFIX = ':no-reply';
export const NO_REPLY_ALARM_PREFIX = 'no-reply:';
export const NO_REPLY_NOTIFICATION_PREFIX = 'no-reply:';
const KEY_PATTERN = new RegExp(`^${VISIT_PREFIX}([0-9a-f]{32})${NO_REPLY_SUFFIX}$`);

/** Past events a record keeps at most (the oldest go first); 2,000 evaluate in well under 1 ms. */
export const MAX_EVENTS = 5_000;

export interface NoReplyTimer {
  /** The visit's hash (as in the visit store's key): names the alarm and the notification. */
  id: string;
  /** Last time a console tab reported on this visit; the visit retention purges by it. */
  updatedAt: string;
  /** The visit's address in the console, to bring it back (an opaque case id, no patient data). */
  visitUrl: string;
  /** The tab that last showed the visit; may be closed by now. */
  tabId: number | null;
  windowId: number | null;
  priority: number | null;
  /** From the chat (page) and from the clinician (phone attempts), deduplicated, in time order. */
  events: NoReplyEvent[];
  /** As of `evaluatedAt`, for the overview (the chip evaluates live). */
  status: NoReplyStatus;
  evaluatedAt: string;
  /** When the status changes next with no new event: the alarm's time. */
  wakeAt: string | null;
  /** Phone attempts logged with "Ringt patienten" (not the console's own calls): these can be undone. */
  loggedPhoneAttempts?: string[];
  /** Chat messages the clinician marked as the R-NR-1 notice (their times), when the match was unsure. */
  markedNotices?: string[];
  /** The last system notification shown for this visit: `key` says which stage it was for. */
  notified: { key: string; at: string; dueAt: string } | null;
}

/**
 * The record's frame, as the background writes it (fresh() and every edit keep every field). A
 * record that fails it is unreadable: the overview skips it and the restore removes it.
 */
function isNoReplyTimer(raw: unknown): raw is NoReplyTimer {
  return (
    isObject(raw) &&
    isString(raw.id) &&
    isString(raw.updatedAt) &&
    isString(raw.visitUrl) &&
    isNumberOrNull(raw.tabId) &&
    isNumberOrNull(raw.windowId) &&
    isNumberOrNull(raw.priority) &&
    Array.isArray(raw.events) &&
    isObject(raw.status) &&
    isString(raw.status.state) &&
    isString(raw.evaluatedAt) &&
    isStringOrNull(raw.wakeAt) &&
    (raw.notified === null || isObject(raw.notified))
  );
}

/** Every visit's no-reply record (written by the background only; read by the chip, popup and panel). */
export const noReplyRecords = /* @__PURE__ */ defineRecordSet(
  'local',
  (key) => KEY_PATTERN.test(key),
  (raw) => (isNoReplyTimer(raw) ? raw : null),
);

export function noReplyKeyFor(id: string): string {
  return `${VISIT_PREFIX}${id}${NO_REPLY_SUFFIX}`;
}

export async function noReplyKey(visitKey: string): Promise<string> {
  return `${await visitStorageKey(visitKey)}${NO_REPLY_SUFFIX}`;
}

/** The timer id in a storage key, or null when the key is not a no-reply record. */
export function timerIdOfKey(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function settingsFrom(timers: RuleSet['timers']): NoReplySettings {
  return {
    replyWindowMinutes: timers.replyWindowMinutes,
    minAttempts: timers.minAttempts,
    phonePriorities: timers.phonePriorities,
    noticeAfterMinutes: timers.noticeAfterMinutes,
  };
}

/**
 * The union of two event logs: one entry per type and instant (`...00Z` and `...00.000Z` are the
 * same), invalid times dropped, in time order, at most MAX_EVENTS (the newest kept). A union, not
 * a replacement: a chat that shows only its latest messages must not erase earlier attempts.
 */
export function mergeEvents(...logs: readonly (readonly NoReplyEvent[])[]): NoReplyEvent[] {
  const byKey = new Map<string, { event: NoReplyEvent; ms: number }>();
  for (const log of logs) {
    for (const event of log) {
      const ms = parseIsoTime(event?.at);
      if (Number.isNaN(ms)) continue;
      const key = `${event.type}@${ms}`;
      if (!byKey.has(key)) byKey.set(key, { event: { type: event.type, at: new Date(ms).toISOString() }, ms });
    }
  }
  const sorted = [...byKey.values()].sort((a, b) => a.ms - b.ms || (a.event.type < b.event.type ? -1 : 1));
  return sorted.slice(Math.max(0, sorted.length - MAX_EVENTS)).map((x) => x.event);
}

/** States in which a timer runs: shown in the overview and the chip. */
export const RUNNING_STATES: ReadonlySet<NoReplyState> = new Set<NoReplyState>([
  'awaiting-patient',
  'notice-suggested',
  'notice-sent',
  'deadline-passed',
  'ready-to-close',
]);

/** Each state's words (_locales), read once at load (getMessage is synchronous everywhere). */
function stateTexts(): Record<NoReplyState, string> {
  return {
    idle: t('noReply_stateIdle'),
    'awaiting-patient': t('noReply_stateAwaiting'),
    'notice-suggested': t('noReply_stateNoticeDue'),
    'notice-sent': t('noReply_stateNoticeSent'),
    'deadline-passed': t('noReply_stateDeadline'),
    'ready-to-close': t('noReply_stateReady'),
    closed: t('noReply_stateClosed'),
  };
}

// Pure: the content script imports this module for the record's key, not for these words.
export const STATE_TEXT: Record<NoReplyState, string> = /* @__PURE__ */ stateTexts();

export function priorityText(priority: number | null): string {
  return priority === null ? t('noReply_prioUnknown') : t('noReply_prio', priority);
}

/**
 * A rule-set duration as the card and the notification word it ("två (2) timmar", "2 hours"):
 * in Swedish exactly as shared/rules/phrases.ts's durationText writes it into the chat message.
 */
export function durationWords(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) {
    const hours = minutes / 60;
    if (hours === 1) return t('noReply_hour');
    // Swedish spells small counts out (its $1), English uses digits (its $2).
    return t('noReply_hours', hours <= 12 ? countText(hours) : hours, hours);
  }
  return minutes === 1 ? t('noReply_minute') : t('noReply_minutes', minutes);
}

export interface DueNotification {
  /** Which stage: one notification per key, ever (a restart or a second tab never repeats it). */
  key: string;
  dueAt: string;
  title: string;
  message: string;
}

/**
 * The system notification a status calls for, or null. Never names the patient (R-PI-2): the
 * visit is told by its priority only, and a click brings its tab. Two stages: the notice becoming
 * due (R-NR-1) and the reply window running out (R-NR-1..4).
 */
export function dueNotification(
  timer: Pick<NoReplyTimer, 'priority'>,
  reading: NoReplyReading,
  settings: NoReplySettings,
): DueNotification | null {
  const { status } = reading;
  const who = priorityText(timer.priority);
  if (status.state === 'notice-suggested' && reading.noticeDueAt) {
    return {
      // Keyed by the message the notice answers: a later message is a new stage.
      key: `notice@${reading.lastClinicianMs}`,
      dueAt: reading.noticeDueAt,
      title: t('noReply_notifyNoticeTitle', who),
      message: t('noReply_notifyNotice', durationWords(settings.replyWindowMinutes)),
    };
  }
  if ((status.state === 'deadline-passed' || status.state === 'ready-to-close') && status.deadline) {
    const missing: string[] = [];
    if (status.attempts < settings.minAttempts) {
      missing.push(t('noReply_notifyAttempts', status.attempts, settings.minAttempts));
    }
    if (reading.notes.some((n) => n.id === 'call-required')) missing.push(t('noReply_notifyCall'));
    return {
      key: `deadline@${status.deadline}`,
      dueAt: status.deadline,
      title: t('noReply_notifyDeadlineTitle', who),
      message: status.canClose ? t('noReply_notifyCanClose') : missing.join(' ') || t('noReply_notifyDeadline'),
    };
  }
  return null;
}

/** A timer at `now`: its status and instants, from one reading of its log (shared/no-reply). */
export function readTimer(
  timer: Pick<NoReplyTimer, 'events' | 'priority'>,
  now: Date,
  settings: NoReplySettings,
): NoReplyReading {
  return readNoReply(timer.events, now, settings, timer.priority);
}

/** The instant the overview sorts by: the deadline, else the next change (notice due). */
export function timerSortKey(timer: Pick<NoReplyTimer, 'status' | 'wakeAt'>): number {
  const at = timer.status.deadline ?? timer.wakeAt;
  const ms = at ? parseIsoTime(at) : Number.NaN;
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** Every running timer, most urgent first: earliest deadline (passed ones first), then priority. */
export function overviewOrder<T extends Pick<NoReplyTimer, 'status' | 'wakeAt' | 'priority' | 'id'>>(
  timers: readonly T[],
): T[] {
  return timers
    .filter((t) => RUNNING_STATES.has(t.status.state))
    .map((t) => ({ t, key: timerSortKey(t) }))
    .sort(
      (a, b) =>
        a.key - b.key || (a.t.priority ?? 9) - (b.t.priority ?? 9) || (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0),
    )
    .map((x) => x.t);
}

/**
 * The chip's and the overview's time: left until the deadline (or since it passed), else until
 * the notice is due; '' when neither is known.
 */
export function timeLeftText(deadline: string | null, noticeDueAt: string | null, now: number): string {
  if (deadline) {
    const left = parseIsoTime(deadline) - now;
    return left > 0 ? t('noReply_left', formatRemaining(left)) : t('noReply_ranOut', formatRemaining(left));
  }
  if (noticeDueAt) {
    const left = parseIsoTime(noticeDueAt) - now;
    return left > 0 ? t('noReply_reminderIn', formatRemaining(left)) : t('noReply_reminderNow');
  }
  return '';
}

/** "1 tim 05 min", "4 min 09 s", "12 s"; the time left until `target` (negative: passed). */
export function formatRemaining(ms: number): string {
  const past = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = h > 0 ? t('noReply_hm', h, pad(m)) : m > 0 ? t('noReply_ms', m, pad(s)) : t('noReply_s', s);
  return past ? t('noReply_ago', text) : text;
}
