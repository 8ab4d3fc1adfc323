// The cases handed over to the clinician (R-Q-4, R-HO-1), as the queue-deadlines feature shows
// them: the order to take them in and how long each has waited for a receiver. Pure helpers (the
// content script imports them); the side panel draws the list (entrypoints/sidepanel/handed-over-list.tsx).
import {
  orderHandedOver,
  type QueueThresholds,
  type QueueUrgency,
  urgencyOfWait,
  waitingMinutes,
} from '../../shared/queue';
import type { ClinicSnapshot, HandedOverRow } from '../clinic';
import { wholeMinutes } from './queue-view';

/**
 * The handed-over cases, when the page shows them (Startsida → *Mina aktuella*, status *Synk
 * Överlämning*); null when it does not or cannot be read: then nothing is shown, never an empty
 * list that would read as "none handed over".
 */
export function handedOverRows(snapshot: ClinicSnapshot): HandedOverRow[] | null {
  return snapshot.handedOver.known ? snapshot.handedOver.value : null;
}

export interface HandedOverView {
  row: HandedOverRow;
  /** 1-based: priority first, then when the case came in (R-Q-4). */
  order: number;
  /** Minutes since it was handed over (NaN: the page does not say when). */
  waited: number;
  /**
   * A handover waits for a receiver to accept it, and every case should be accepted within the
   * rule set's acceptWithinMinutes (R-Q-1): amber and red as in the queue, counted from the
   * handover. An unreadable handover time is red: we cannot show it is in time.
   */
  urgency: QueueUrgency;
}

/** In the order to take them (R-Q-4), with their wait for a receiver (pure). */
export function handedOverView(rows: readonly HandedOverRow[], now: Date, t: QueueThresholds): HandedOverView[] {
  const keyed = rows.map((row) => ({ row, priority: row.priority, arrivedAt: row.arrivedAt ?? '' }));
  return orderHandedOver(keyed).map(({ row }, i) => {
    const waited = waitingMinutes(row.handedOverAt ?? '', now);
    return { row, order: i + 1, waited, urgency: urgencyOfWait(waited, t) };
  });
}

/**
 * One handed-over case as the side panel shows it (plain JSON: it travels to the side panel);
 * whole minutes, null when the handover time is unreadable.
 */
export interface HandedOverLine {
  order: number;
  priority: number | null;
  patientName: string;
  arrivedAt: string | null;
  waited: number | null;
  urgency: QueueUrgency;
}

/** The lines in turn order (pure). */
export function handedOverLines(views: readonly HandedOverView[]): HandedOverLine[] {
  return views.map((v) => ({
    order: v.order,
    priority: v.row.priority,
    patientName: v.row.patientName,
    arrivedAt: v.row.arrivedAt,
    waited: wholeMinutes(v.waited),
    urgency: v.urgency,
  }));
}
