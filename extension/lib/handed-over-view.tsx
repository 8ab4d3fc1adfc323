// The cases handed over to the clinician (R-Q-4, R-HO-1), as the queue-deadlines feature shows
// them: the order to take them in and how long each has waited for a receiver. Pure helpers and
// the Preact part, apart from the Drop-in queue's view (queue-view.tsx).
import { parseIsoTime } from '../../shared/iso-time';
import {
  orderHandedOver,
  type QueueThresholds,
  type QueueUrgency,
  queueUrgency,
  waitingMinutes,
} from '../../shared/queue';
import { stockholmTimeText } from '../../shared/stockholm-time';
import type { ClinicSnapshot, HandedOverRow } from '../clinic';
import { wholeMinutes } from './queue-view';
import { RuleText } from './rule-ref';

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
    const since = row.handedOverAt ?? '';
    return { row, order: i + 1, waited: waitingMinutes(since, now), urgency: queueUrgency(since, now, t) };
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

function clock(iso: string | null): string {
  const ms = iso ? parseIsoTime(iso) : Number.NaN;
  return Number.isNaN(ms) ? 'okänt' : stockholmTimeText(new Date(ms));
}

function waitText(v: HandedOverLine, t: QueueThresholds): string {
  if (v.waited === null) return 'väntat okänd tid på mottagare';
  const over = v.urgency === 'red' ? ` – över ${t.redAfterMinutes} min` : '';
  return `väntat ${v.waited} min på mottagare${over}`;
}

/** R-Q-4: handed-over cases in the order to take them, each with its wait since the handover. */
export function HandedOver({ lines, thresholds }: { lines: HandedOverLine[]; thresholds: QueueThresholds }) {
  const red = lines.filter((v) => v.urgency === 'red').length;
  return (
    <section class="card queue" aria-label="Överlämnade ärenden – i tur">
      <h2>Överlämnade till dig</h2>
      <p>
        <RuleText
          text={
            lines.length === 0
              ? 'Inga ärenden väntar på att du tar emot överlämningen (R-Q-4).'
              : `Ta emot överlämningen efter prioritet, i andra hand efter när ärendet inkom, inom ${thresholds.redAfterMinutes} minuter${red > 0 ? `: ${red} över tiden` : ''} (R-Q-4, R-Q-1).`
          }
        />
      </p>
      <ol class="queue-order handed-over">
        {lines.map((v) => (
          <li key={`${v.order}:${v.arrivedAt}`} class={v.urgency} data-urgency={v.urgency}>
            Prio {v.priority ?? '–'} · {v.patientName || 'okänd'} · inkom {clock(v.arrivedAt)} ·{' '}
            {waitText(v, thresholds)}
          </li>
        ))}
      </ol>
    </section>
  );
}
