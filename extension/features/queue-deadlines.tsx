import { render } from 'preact';
import { orderQueue, type QueueThresholds, type QueueUrgency, queueUrgency, waitingMinutes } from '../../shared/queue';
import { type ClinicSnapshot, type QueueRowPlace, waitingQueuePlaces } from '../clinic';
import { logError } from '../lib/log';
import type { QueueOverdueMessage, QueueShiftEndedMessage } from '../lib/messages';
import type { Feature } from './feature';

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

export function thresholdsFrom(timers: {
  queueAmberAfterMinutes: number;
  queueRedAfterMinutes: number;
}): QueueThresholds {
  return { amberAfterMinutes: timers.queueAmberAfterMinutes, redAfterMinutes: timers.queueRedAfterMinutes };
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

const URGENCY_TEXT: Record<QueueUrgency, string> = {
  ok: '',
  amber: 'snart 15 minuter',
  red: 'över tiden',
};

function minutesText(waited: number): string {
  return Number.isNaN(waited) ? '? min' : `${Math.floor(waited)} min`;
}

function Badge({ view, thresholds }: { view: QueueView; thresholds: QueueThresholds }) {
  const over =
    view.urgency === 'red'
      ? `, över ${thresholds.redAfterMinutes} minuter (R-Q-1)`
      : view.urgency === 'amber'
        ? `, över ${thresholds.amberAfterMinutes} minuter`
        : '';
  return (
    <span
      class={`qbadge ${view.urgency}`}
      role="img"
      data-urgency={view.urgency}
      data-order={view.order}
      title="Nummer i tur: prioritet först, sedan ankomsttid (R-Q-1, R-Q-4). Väntetid sedan ankomst."
      aria-label={`Nummer ${view.order} i tur, väntat ${minutesText(view.waited)}${over}`}
    >
      <b>{view.order}</b>
      <span>{minutesText(view.waited)}</span>
    </span>
  );
}

function Summary({ views, thresholds }: { views: QueueView[]; thresholds: QueueThresholds }) {
  const ordered = [...views].sort((a, b) => a.order - b.order);
  const red = views.filter((v) => v.urgency === 'red').length;
  const amber = views.filter((v) => v.urgency === 'amber').length;
  return (
    <section class="card queue" aria-label="Väntar i kö – i tur och väntetid">
      <h2>Väntar i kö</h2>
      <p>
        {views.length} ärende{views.length === 1 ? '' : 'n'}: {red} över {thresholds.redAfterMinutes} min, {amber} över{' '}
        {thresholds.amberAfterMinutes} min. Ta emot inom {thresholds.redAfterMinutes} minuter, prioritet först, sedan
        ankomst (R-Q-1, R-Q-4).
      </p>
      <ol class="queue-order">
        {ordered.map((v) => (
          <li key={v.item.key} class={v.urgency} data-urgency={v.urgency}>
            Prio {v.item.priority ?? '–'} · {v.item.patientName || 'okänd'} · {minutesText(v.waited)}
            {v.urgency !== 'ok' && <span class="sr"> ({URGENCY_TEXT[v.urgency]})</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

const BADGE_STYLE = `
.qbadge { display: inline-flex; align-items: center; gap: 4px; padding: 1px 7px 1px 2px; border-radius: 999px;
  font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; border: 1px solid #8aa3b8; background: #eef4f9; color: #0b3559; white-space: nowrap; }
.qbadge b { display: inline-grid; place-items: center; min-width: 18px; height: 18px; border-radius: 999px; background: #0b3559; color: #fff; font-size: 11px; }
.qbadge.amber { background: #fff4e5; border-color: #b35c00; color: #5c2f00; }
.qbadge.amber b { background: #8a4600; }
.qbadge.red { background: #fdecea; border-color: #b3261e; color: #5f1410; }
.qbadge.red b { background: #b3261e; }
`;
const PANEL_STYLE = `
.queue p { margin: 0 0 6px; }
.queue-order { margin: 0; padding-left: 22px; }
.queue-order li.amber { color: #5c2f00; font-weight: 600; }
.queue-order li.red { color: #b3261e; font-weight: 700; }
.queue .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

/**
 * R-Q-1, R-Q-4 on Drop in's *Väntar i kö*: beside each row its place in the order the queue
 * should be worked in (priority, then arrival) and its waiting time, amber and red by the rule
 * set's thresholds; a summary in the panel; and, while the clinician is on shift, one system
 * notification per case that passes the red threshold unaccepted (the background deduplicates).
 * The badges float over the page (ui.inline): the console's renderer owns its table.
 */
const queueDeadlines: Feature = {
  id: 'queue-deadlines',
  title: 'Väntetider och turordning i Drop in',
  rules: ['R-Q-1', 'R-Q-4'],
  init(ctx, signal) {
    const slot = ctx.ui.slot('queue-deadlines');
    const style = document.createElement('style');
    style.textContent = PANEL_STYLE;
    slot.append(style);
    const mount = document.createElement('div');
    slot.append(mount);

    let items: QueueItem[] = [];
    let places: QueueRowPlace[] = [];
    const containers: HTMLElement[] = [];
    let shift: ClinicSnapshot['shift'] = ctx.snapshot().shift;
    let sent: string | null = null;
    let lastRed = 0;

    const thresholds = () => thresholdsFrom(ctx.rules().timers);

    const send = (message: QueueOverdueMessage | QueueShiftEndedMessage, signature: string) => {
      if (signature === sent) return;
      sent = signature;
      browser.runtime.sendMessage(message).catch((error: unknown) => {
        sent = null;
        logError('queue deadlines', error);
      });
    };

    const draw = () => {
      if (signal.aborted) return;
      const t = thresholds();
      const views = queueView(items, ctx.now(), t);
      for (let i = 0; i < Math.max(containers.length, views.length); i++) {
        const view = views[i];
        const place = places[i];
        if (!view || !place) {
          // Fewer rows than before (or another tab): the spare badges go blank.
          if (containers[i]) render(null, containers[i]!);
          continue;
        }
        const container = ctx.ui.inline(`queue-deadlines-${i}`, place.anchor);
        if (!containers[i]) {
          const badgeStyle = document.createElement('style');
          badgeStyle.textContent = BADGE_STYLE;
          container.before(badgeStyle);
          containers[i] = container;
        }
        render(<Badge view={view} thresholds={t} />, container);
      }
      render(views.length > 0 ? <Summary views={views} thresholds={t} /> : null, mount);

      const red = views.filter((v) => v.urgency === 'red');
      if (red.length > lastRed) {
        ctx.ui.announce(
          `${red.length} ärende${red.length === 1 ? '' : 'n'} i kön har väntat över ${t.redAfterMinutes} minuter.`,
          'polite',
        );
      }
      lastRed = red.length;
      // R-Q-1: notify while on shift only (R-S-4: no notifications without an ongoing shift).
      if (shift.known && shift.value === 'ongoing' && items.length > 0) {
        const cases = red.map((v) => ({
          visitKey: v.item.key,
          priority: v.item.priority,
          waitedMinutes: Number.isNaN(v.waited) ? -1 : Math.floor(v.waited),
        }));
        if (cases.length > 0) {
          send({ type: 'queue-overdue', cases }, JSON.stringify(cases.map((c) => c.visitKey)));
        }
      } else if (shift.known && shift.value === 'none') {
        send({ type: 'queue-shift-ended' }, 'shift-ended');
      }
    };

    const onSnapshot = (snapshot: ClinicSnapshot) => {
      shift = snapshot.shift;
      const found = snapshot.route === 'drop-in' ? waitingQueuePlaces(document, ctx.registry()) : null;
      const rows = snapshot.queue.known ? snapshot.queue.value : null;
      if (!found || !rows || rows.length !== found.length) {
        // Not the waiting queue, or rows that cannot be matched to their places: show nothing.
        items = [];
        places = [];
      } else {
        const now = ctx.now().getTime();
        const list: QueueItem[] = [];
        const at: QueueRowPlace[] = [];
        rows.forEach((row, index) => {
          // The "Inga ärenden" row: no patient, no time.
          if (!row.patientName && !row.arrivedAt) return;
          const arrivedAt =
            row.arrivedAt ??
            (row.waitedMinutes === null ? '' : new Date(now - row.waitedMinutes * 60_000).toISOString());
          list.push({
            index: list.length,
            key: found[index]!.visitKey ?? `ankomst:${arrivedAt}|${row.priority ?? '-'}`,
            priority: row.priority,
            patientName: row.patientName,
            arrivedAt,
          });
          at.push(found[index]!);
        });
        items = list;
        places = at;
      }
      draw();
    };

    const tick = setInterval(draw, 1000);
    signal.addEventListener('abort', () => clearInterval(tick));
    ctx.onSnapshot(onSnapshot, signal);
    onSnapshot(ctx.snapshot());
  },
};

export default queueDeadlines;
