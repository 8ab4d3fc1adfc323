/**
 * Queue deadlines and order, pure: `now` is always passed in. Drop in's *Väntar i kö* is worked in
 * priority order, every case accepted within `acceptWithinMinutes` (R-Q-1); the cases handed over
 * to a clinician (Startsida → *Mina aktuella*, status *Synk Överlämning*) by priority first, then
 * the time the case came in (R-Q-4).
 *
 * Decisions:
 * - Thresholds are reached AT the instant (waited ≥ amberAfterMinutes is amber), so 9:59 is ok,
 *   10:00 amber, 15:00 red with the defaults.
 * - An arrival time that cannot be read (not strict ISO 8601) makes the case red and overdue:
 *   we cannot prove it was accepted in time, and hiding it would be the unsafe failure. In the
 *   order it goes after the readable arrivals of its priority.
 * - A priority that is not an integer 1–5 is unknown, like null: worked as the most urgent (ranked
 *   with priority 1, by arrival), never last and never dropped — an untriaged or unreadable case
 *   may be the sickest one (fail safe, issue 8).
 */
import { parseIsoTime } from './iso-time';

export interface QueueThresholds {
  amberAfterMinutes: number;
  redAfterMinutes: number;
}

/**
 * The rule set's thresholds: red is R-Q-1's `acceptWithinMinutes` (every case accepted within 15
 * minutes by default), the one source of that mark; amber (`queueAmberAfterMinutes`, 10) is our
 * choice, an early warning that leaves time to accept before the limit.
 */
export function queueThresholdsFrom(timers: {
  acceptWithinMinutes: number;
  queueAmberAfterMinutes: number;
}): QueueThresholds {
  return { amberAfterMinutes: timers.queueAmberAfterMinutes, redAfterMinutes: timers.acceptWithinMinutes };
}

export type QueueUrgency = 'ok' | 'amber' | 'red';

export interface QueueCase {
  id: string;
  priority: number | null;
  arrivedAt: string;
  /** True once someone pressed *Ta emot* (R-Q-3); absent or false while in *Väntar i kö*. */
  accepted?: boolean;
}

const MINUTE_MS = 60_000;

/**
 * Minutes (fractional) the case has waited at `now`; NaN when `arrivedAt` is unreadable.
 * Never negative: an arrival stamped after `now` is clock skew and counts as just arrived.
 */
export function waitingMinutes(arrivedAt: string, now: Date): number {
  const arrived = parseIsoTime(arrivedAt);
  const t = now.getTime();
  if (Number.isNaN(arrived) || Number.isNaN(t)) return Number.NaN;
  return Math.max(0, (t - arrived) / MINUTE_MS);
}

export function queueUrgency(arrivedAt: string, now: Date, thresholds: QueueThresholds): QueueUrgency {
  return urgencyOfWait(waitingMinutes(arrivedAt, now), thresholds);
}

/** The urgency of `waited` minutes (waitingMinutes): an unreadable wait (NaN) is red, never "ok". */
export function urgencyOfWait(waited: number, thresholds: QueueThresholds): QueueUrgency {
  if (Number.isNaN(waited) || waited >= thresholds.redAfterMinutes) return 'red';
  return waited >= thresholds.amberAfterMinutes ? 'amber' : 'ok';
}

function priorityRank(priority: number | null): number {
  return typeof priority === 'number' && Number.isInteger(priority) && priority >= 1 && priority <= 5 ? priority : 1;
}

/**
 * Priority 1 first, then earlier arrival (compared as instants, not strings, so different
 * offsets order correctly); unknown priority as urgent as 1. Stable, returns a new array. Drop in's queue
 * (R-Q-1: highest priority first; within a priority, who waited longest) and the handed-over
 * cases (R-Q-4, see orderHandedOver) are both worked in this order.
 */
export function orderQueue<T extends { priority: number | null; arrivedAt: string }>(cases: T[]): T[] {
  const keyed = cases.map((item, index) => {
    const arrived = parseIsoTime(item.arrivedAt);
    return { item, index, rank: priorityRank(item.priority), arrived: Number.isNaN(arrived) ? null : arrived };
  });
  keyed.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
    if (a.arrived !== b.arrived) {
      if (a.arrived === null) return 1;
      if (b.arrived === null) return -1;
      return a.arrived - b.arrived;
    }
    return a.index - b.index;
  });
  return keyed.map((k) => k.item);
}

/**
 * R-Q-4: the cases handed over to this clinician (Startsida → *Mina aktuella*, status *Synk
 * Överlämning*): "brådskegrad/prioritet i första hand, i andra hand tidsordning, när ärendet
 * inkom". `arrivedAt` is when the case came in (not when it was handed over); unreadable → after
 * the readable ones of its priority, unknown priority as urgent as 1, never dropped.
 */
export function orderHandedOver<T extends { priority: number | null; arrivedAt: string }>(cases: T[]): T[] {
  return orderQueue(cases);
}

/** R-Q-1: unaccepted cases that reached `redAfterMinutes`, in queue order (most urgent first). */
export function overdueCases<T extends { priority: number | null; arrivedAt: string; accepted?: boolean }>(
  cases: T[],
  now: Date,
  thresholds: QueueThresholds,
): T[] {
  return orderQueue(cases.filter((c) => !c.accepted && queueUrgency(c.arrivedAt, now, thresholds) === 'red'));
}

export interface QueueNotifierStep<T> {
  /** Overdue cases not notified before, each once, in the order given. */
  notify: T[];
  /** The IDs notified so far, to store and pass to the next step. */
  notified: string[];
}

/**
 * One step of the "notify once per case" state machine (R-Q-1): the extension keeps `notified`
 * in storage and feeds it back with the current overdue cases. IDs are never pruned, so a case
 * that drops out of a scrape for a moment (or is handed back to the queue) is not announced
 * again; the store belongs to one shift and is reset with it.
 */
export function queueNotifierStep<T extends { id: string }>(
  alreadyNotified: Iterable<string>,
  overdue: readonly T[],
): QueueNotifierStep<T> {
  const seen = new Set(alreadyNotified);
  const notify: T[] = [];
  for (const c of overdue) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    notify.push(c);
  }
  return { notify, notified: [...seen] };
}

/** Overdue cases each get their own notification up to this many in one report; more are grouped. */
export const MAX_CASE_NOTIFICATIONS = 3;

/** One system notification to make for a report's newly overdue cases (R-Q-1). */
export type QueueNotification<T> =
  | { kind: 'case'; case: T }
  /** Many at once (a queue opened after a busy spell): one notification, not a flood of them. */
  | { kind: 'group'; firstId: string; count: number; highestPriority: number | null; longestWaited: number | null };

/**
 * R-Q-1: what to notify for the cases `queueNotifierStep` says are new. Up to
 * MAX_CASE_NOTIFICATIONS cases each their own; more in one report become one notification saying
 * how many, the highest priority among them and the longest wait (a clinician opening Drop in after
 * a busy spell got one system notification per overdue case: 125 on a 200-row queue, which buried
 * the first ones and the rest of the desktop).
 */
export function queueNotifications<T extends { id: string; priority: number | null; waited: number | null }>(
  newlyOverdue: readonly T[],
): QueueNotification<T>[] {
  if (newlyOverdue.length <= MAX_CASE_NOTIFICATIONS) return newlyOverdue.map((c) => ({ kind: 'case', case: c }));
  // One unreadable value makes the group's unknown: an unread priority may be 1 (it is ordered as
  // urgent as 1, R-Q-1), an unread wait may be the longest.
  const priorities = newlyOverdue.map((c) => c.priority);
  const waits = newlyOverdue.map((c) => c.waited);
  return [
    {
      kind: 'group',
      firstId: newlyOverdue[0]!.id,
      count: newlyOverdue.length,
      highestPriority: priorities.includes(null) ? null : Math.min(...(priorities as number[])),
      longestWaited: waits.includes(null) ? null : Math.max(...(waits as number[])),
    },
  ];
}
