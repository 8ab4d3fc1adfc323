// The queue views of the queue-deadlines feature (R-Q-1; the handed-over cases: handed-over-view.ts):
// pure helpers shared by the badges drawn in the page (queue-badge.ts) and the summary the side
// panel draws from its model (entrypoints/sidepanel/queue-summary.tsx, issue 14). No UI library
// here: the content script imports this file.
import {
  orderQueue,
  type QueueThresholds,
  type QueueUrgency,
  queueThresholdsFrom,
  urgencyOfWait,
  waitingMinutes,
} from '../../shared/queue';
import type { ClinicSnapshot } from '../clinic';
import { type MessageKey, t, uiLanguage } from './i18n';

/** One row of *Väntar i kö* as this feature sees it. */
export interface QueueItem {
  index: number;
  /** The case's visit address, else a stand-in from its arrival and priority (to notify once). */
  key: string;
  priority: number | null;
  patientName: string;
  /** The page's arrival time; when unreadable, derived from the page's "Väntat" (else ''). */
  arrivedAt: string;
}

export interface QueueView {
  item: QueueItem;
  /** 1-based place in the order the queue should be worked in (R-Q-1, R-Q-4). */
  order: number;
  waited: number;
  urgency: QueueUrgency;
}

/** Red = R-Q-1's acceptWithinMinutes (the one source of the 15-minute mark), amber before it. */
export const thresholdsFrom = queueThresholdsFrom;

/**
 * Whether this tab reports overdue cases for notifications (R-Q-1), and why not: only on an
 * ongoing shift (R-S-4); an unreadable shift turns the check off, and says so.
 */
export type NotifyState = 'on' | 'off-no-shift' | 'off-unknown';
export function notifyStateOf(shift: ClinicSnapshot['shift']): NotifyState {
  if (!shift.known) return 'off-unknown';
  return shift.value === 'ongoing' ? 'on' : 'off-no-shift';
}

const NOTIFY_KEY: Record<NotifyState, MessageKey> = {
  on: 'queue_notifyOn',
  'off-no-shift': 'queue_notifyNoShift',
  'off-unknown': 'queue_notifyUnknown',
};
/** What the side panel says of the notifications in this state. */
export const notifyText = (state: NotifyState): string => t(NOTIFY_KEY[state]);

const orders = new WeakMap<readonly QueueItem[], Map<number, number>>();

/** Order, waiting time and colour of every row (pure; exported for the unit test). */
export function queueView(items: readonly QueueItem[], now: Date, thresholds: QueueThresholds): QueueView[] {
  // The order changes only with the rows: the 1 s tick reuses it (issue 16).
  let order = orders.get(items);
  if (!order) {
    order = new Map(orderQueue([...items]).map((item, i) => [item.index, i + 1]));
    orders.set(items, order);
  }
  return items.map((item) => {
    // Parsed once per row (200 rows on each change and each 1 s tick: issue 16).
    const waited = waitingMinutes(item.arrivedAt, now);
    return { item, order: order.get(item.index)!, waited, urgency: urgencyOfWait(waited, thresholds) };
  });
}

export const urgencyText = (urgency: QueueUrgency, limits: QueueThresholds) =>
  urgency === 'amber' ? t('queue_soon', limits.redAfterMinutes) : urgency === 'red' ? t('queue_overdue') : '';

/** Whole minutes waited; null when the page does not say (NaN does not survive JSON). */
export function wholeMinutes(waited: number): number | null {
  return Number.isNaN(waited) ? null : Math.floor(waited);
}

/** Whole minutes as the badge and the summary say them; '? min' when unknown. */
export function minutesText(waited: number | null): string {
  return waited === null || Number.isNaN(waited) ? t('queue_minutesUnknown') : t('queue_minutes', Math.floor(waited));
}

const ORDINAL_KEY: Record<Intl.LDMLPluralRule, MessageKey> = {
  zero: 'queue_ordOther',
  one: 'queue_ordOne',
  two: 'queue_ordTwo',
  few: 'queue_ordFew',
  many: 'queue_ordOther',
  other: 'queue_ordOther',
};
let ordinalRules: Intl.PluralRules | undefined;

/**
 * The turn as an ordinal in the UI language (the turn, never a digit in a circle): Swedish 1:a,
 * 2:a, 3:e … 11:e, 12:e … 21:a; English 1st, 2nd, 3rd, 4th … 11th … 21st. The language's ordinal
 * rules pick the form, _locales words it.
 */
export function ordinalText(n: number): string {
  ordinalRules ??= new Intl.PluralRules(uiLanguage(), { type: 'ordinal' });
  return t(ORDINAL_KEY[ordinalRules.select(n)], n);
}

/**
 * One row of the side panel's summary (plain JSON: it travels to the side panel). Whole minutes,
 * so the 1 s tick sends nothing until a minute or a colour changes.
 */
export interface SummaryRow {
  key: string;
  order: number;
  priority: number | null;
  patientName: string;
  waited: number | null;
  urgency: QueueUrgency;
}

/** The rows in turn order, as the summary shows them (pure). */
export function summaryRows(views: readonly QueueView[]): SummaryRow[] {
  return [...views]
    .sort((a, b) => a.order - b.order)
    .map((v) => ({
      key: v.item.key,
      order: v.order,
      priority: v.item.priority,
      patientName: v.item.patientName,
      waited: wholeMinutes(v.waited),
      urgency: v.urgency,
    }));
}
