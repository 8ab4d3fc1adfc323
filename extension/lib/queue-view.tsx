// The queue views of the queue-deadlines feature (R-Q-1; the handed-over cases: handed-over-view.tsx):
// pure helpers and the Preact parts: the badges it renders in the page, the summary the side panel
// renders from its model (issue 14); apart so the feature file stays the wiring.
import {
  orderQueue,
  type QueueThresholds,
  type QueueUrgency,
  queueThresholdsFrom,
  queueUrgency,
  waitingMinutes,
} from '../../shared/queue';
import type { ClinicSnapshot } from '../clinic';
import { RuleRef, RuleText } from './rule-ref';

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

export const NOTIFY_TEXT: Record<NotifyState, string> = {
  on: 'Aviseringar är på: du får en avisering när ett ärende inte tagits emot i tid (R-Q-1).',
  'off-no-shift': 'Inga aviseringar om kön: inget pågående skift (R-S-4).',
  'off-unknown':
    'Aviseringar om kön är avstängda: skiftets status kunde inte läsas i Clinic. Håll själv koll på väntetiderna (R-Q-1, R-S-4).',
};

export function NotifyLine({ state }: { state: NotifyState }) {
  return (
    <p class={state === 'off-unknown' ? 'alert warning notify' : 'notify'} data-notify={state} role="status">
      <RuleText text={NOTIFY_TEXT[state]} />
    </p>
  );
}

/** Order, waiting time and colour of every row (pure; exported for the unit test). */
export function queueView(items: readonly QueueItem[], now: Date, thresholds: QueueThresholds): QueueView[] {
  const order = new Map(orderQueue([...items]).map((item, i) => [item.index, i + 1]));
  return items.map((item) => ({
    item,
    order: order.get(item.index)!,
    waited: waitingMinutes(item.arrivedAt, now),
    urgency: queueUrgency(item.arrivedAt, now, thresholds),
  }));
}

export const urgencyText = (urgency: QueueUrgency, t: QueueThresholds) =>
  urgency === 'amber' ? `snart ${t.redAfterMinutes} minuter` : urgency === 'red' ? 'över tiden' : '';

/** Whole minutes waited; null when the page does not say (NaN does not survive JSON). */
export function wholeMinutes(waited: number): number | null {
  return Number.isNaN(waited) ? null : Math.floor(waited);
}

function minutesText(waited: number | null): string {
  return waited === null || Number.isNaN(waited) ? '? min' : `${Math.floor(waited)} min`;
}

/** A Swedish ordinal as text: 1:a, 2:a, 3:e … 11:e, 12:e … 21:a (the turn, never a digit in a circle). */
export function ordinalText(n: number): string {
  const last = n % 10;
  const lastTwo = n % 100;
  return `${n}:${(last === 1 || last === 2) && lastTwo !== 11 && lastTwo !== 12 ? 'a' : 'e'}`;
}

/** The priority as its coloured digit, named for screen readers ("Prioritet 2"). */
export function PriorityDigit({ priority }: { priority: number | null }) {
  const name = priority === null ? 'Prioritet saknas' : `Prioritet ${priority}`;
  return (
    <span class={`prio prio-${priority ?? 'none'}`} role="img" aria-label={name} title={name}>
      {priority ?? '–'}
    </span>
  );
}

export function Badge({ view, thresholds }: { view: QueueView; thresholds: QueueThresholds }) {
  const over =
    view.urgency === 'red'
      ? `, över ${thresholds.redAfterMinutes} minuter`
      : view.urgency === 'amber'
        ? `, över ${thresholds.amberAfterMinutes} minuter`
        : '';
  const turn = ordinalText(view.order);
  return (
    <span
      class={`qbadge ${view.urgency}`}
      role="img"
      data-urgency={view.urgency}
      data-order={view.order}
      title="I tur: högst prioritet först, sedan ankomsttid. Väntetid sedan ankomst."
      aria-label={`${turn} i tur, väntat ${minutesText(view.waited)}${over}`}
    >
      <span class="turn">{turn}</span> <span>{minutesText(view.waited)}</span>
    </span>
  );
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

export function Summary({
  rows,
  thresholds,
  notify,
}: {
  rows: SummaryRow[];
  thresholds: QueueThresholds;
  notify: NotifyState;
}) {
  const red = rows.filter((v) => v.urgency === 'red').length;
  const amber = rows.filter((v) => v.urgency === 'amber').length;
  return (
    <section class="card queue" aria-label="Väntar i kö – i tur och väntetid">
      <h2>Väntar i kö</h2>
      <p>
        {rows.length} ärende{rows.length === 1 ? '' : 'n'}: {red} över {thresholds.redAfterMinutes} min, {amber} över{' '}
        {thresholds.amberAfterMinutes} min. Ta emot inom {thresholds.redAfterMinutes} minuter, högst prioritet först.{' '}
        <RuleRef ids={['R-Q-1']} />
      </p>
      <NotifyLine state={notify} />
      <ol class="queue-order">
        {rows.map((v) => (
          <li key={v.key} class={v.urgency} data-urgency={v.urgency} data-order={v.order}>
            <span class="turn">{ordinalText(v.order)}</span> <PriorityDigit priority={v.priority} />{' '}
            {v.patientName || 'okänd'} · {minutesText(v.waited)}
            {v.urgency !== 'ok' && <span class="sr"> ({urgencyText(v.urgency, thresholds)})</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export const BADGE_STYLE = `
.qbadge { display: inline-flex; align-items: center; gap: 6px; padding: 1px 7px; border-radius: 999px;
  font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; border: 1px solid #8aa3b8; background: #eef4f9; color: #0b3559; white-space: nowrap; }
.qbadge .turn { font-weight: 700; }
.qbadge.amber { background: #fff4e5; border-color: #b35c00; color: #5c2f00; border-style: dashed; }
.qbadge.red { background: #fdecea; border-color: #b3261e; color: #5f1410; border-width: 2px; }
/* Forced colours: urgency by sign and border, not colour (issue 14). */
@media (forced-colors: active) { .qbadge { border-color: CanvasText; } .qbadge.red { border-width: 3px; border-style: double; }
  .qbadge.amber::before { content: "!"; font-weight: 700; } .qbadge.red::before { content: "‼"; font-weight: 700; } }
`;
/** The priority colours of 1177's triage (1 red … 5 grey-blue); the digit carries the meaning, colour repeats it. */
export const PRIORITY_STYLE = `
.prio { display: inline-grid; place-items: center; min-width: 18px; height: 18px; border-radius: 999px; font-weight: 700;
  font-size: 11px; color: #fff; background: #5f6b78; border: 1px solid transparent; }
.prio-1 { background: #b3261e; } .prio-2 { background: #a84300; } .prio-3 { background: #f2b705; color: #3b2a00; }
.prio-4 { background: #2e6b31; } .prio-5 { background: #4a5f6a; }
@media (forced-colors: active) { .prio { border-color: CanvasText; } }
`;
export const PANEL_STYLE = `
.queue p { margin: 0 0 6px; }
.queue-order { margin: 0; padding-left: 22px; }
.queue-order:not(.handed-over) { padding-left: 0; list-style: none; }
.queue-order .turn { display: inline-block; min-width: 2.6em; font-weight: 600; }
.queue-order li.amber { color: #5c2f00; font-weight: 600; }
.queue-order li.red { color: #b3261e; font-weight: 700; }
.queue .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
${PRIORITY_STYLE}`;
