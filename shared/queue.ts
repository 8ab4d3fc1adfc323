/**
 * Drop in queue deadlines and order (R-Q-1, R-Q-4), pure: `now` is always passed in.
 *
 * Decisions:
 * - Thresholds are reached AT the instant (waited ≥ amberAfterMinutes is amber), so 9:59 is ok,
 *   10:00 amber, 15:00 red with the defaults.
 * - An arrival time that cannot be read (not strict ISO 8601) makes the case red and overdue:
 *   we cannot prove it was accepted in time, and hiding it would be the unsafe failure. In the
 *   order it goes after the readable arrivals of its priority.
 * - A priority that is not an integer 1–5 is unknown, like null: sorted last, never dropped.
 */
import { parseIsoTime } from './no-reply';

export interface QueueThresholds {
  amberAfterMinutes: number;
  redAfterMinutes: number;
}

/**
 * R-Q-1: every case should be accepted within 15 minutes → red. Amber at 10 is our choice: an
 * early warning that leaves time to accept before the limit.
 */
export const DEFAULT_QUEUE_THRESHOLDS: Readonly<QueueThresholds> = Object.freeze({
  amberAfterMinutes: 10,
  redAfterMinutes: 15,
});

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

export function queueUrgency(
  arrivedAt: string,
  now: Date,
  thresholds: QueueThresholds = DEFAULT_QUEUE_THRESHOLDS,
): QueueUrgency {
  const waited = waitingMinutes(arrivedAt, now);
  if (Number.isNaN(waited) || waited >= thresholds.redAfterMinutes) return 'red';
  return waited >= thresholds.amberAfterMinutes ? 'amber' : 'ok';
}

function priorityRank(priority: number | null): number {
  return typeof priority === 'number' && Number.isInteger(priority) && priority >= 1 && priority <= 5
    ? priority
    : Number.POSITIVE_INFINITY;
}

/**
 * R-Q-1/R-Q-4: priority 1 first, then earlier arrival (compared as instants, not strings, so
 * different offsets order correctly); unknown priority last. Stable, returns a new array.
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

/** R-Q-1: unaccepted cases that reached `redAfterMinutes`, in queue order (most urgent first). */
export function overdueCases<T extends { priority: number | null; arrivedAt: string; accepted?: boolean }>(
  cases: T[],
  now: Date,
  thresholds: QueueThresholds = DEFAULT_QUEUE_THRESHOLDS,
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
