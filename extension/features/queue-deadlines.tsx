import type { QueueThresholds } from '../../shared/queue';
import {
  type ClinicSnapshot,
  type HandedOverRow,
  type QueueRow,
  type QueueRowPlace,
  waitingQueuePlaces,
} from '../clinic';
import { warmUpQueueRead } from '../clinic/warm-up';
import {
  type HandedOverLine,
  type HandedOverView,
  handedOverLines,
  handedOverRows,
  handedOverView,
} from '../lib/handed-over-view';
import { plural, t } from '../lib/i18n';
import { logError } from '../lib/log';
import { type OverdueCase, send } from '../lib/messages';
import { drawBadge } from '../lib/queue-badge';
import {
  type NotifyState,
  notifyStateOf,
  type QueueItem,
  queueView,
  type SummaryRow,
  summaryRows,
  thresholdsFrom,
} from '../lib/queue-view';
import type { Feature, FeatureContext } from './feature';

/** The side panel's queue card (views/queue-deadlines.tsx). */
export interface QueueDeadlinesModel {
  thresholds: QueueThresholds;
  notify: NotifyState;
  /** *Väntar i kö* in turn order; empty: none readable (only an unreadable shift is said); null: not Drop in. */
  queue: SummaryRow[] | null;
  /** The handed-over cases (R-Q-4); null: the page does not show them (never "none"). */
  handedOver: HandedOverLine[] | null;
}

/**
 * R-Q-1 on Drop in's *Väntar i kö*: beside each row its place in the order the queue should be
 * worked in (highest priority first, then arrival) and its waiting time, amber and red by the
 * rule set (red = acceptWithinMinutes); a summary in the side panel; and, while the clinician is on
 * shift, one system notification per case that passes the red mark unaccepted (the background
 * deduplicates). An unreadable shift turns notifications off, and the side panel says so. R-Q-4: on
 * Startsida → *Mina aktuella*, the cases handed over to the clinician in the order to take them,
 * each with its wait for a receiver against the accept limit. The badges float over the page
 * (ui.inline): the console's renderer owns its table; the summary and the handed-over list are
 * in the side panel (issue 14).
 */
const badgeId = (row: number) => `queue-deadlines-${row}`;

/** The queue's cases in page order with their places; the "Inga ärenden" row is none. */
function queueItemsOf(
  rows: readonly QueueRow[],
  found: readonly QueueRowPlace[],
  now: Date,
): { items: QueueItem[]; places: QueueRowPlace[] } {
  const items: QueueItem[] = [];
  const places: QueueRowPlace[] = [];
  rows.forEach((row, index) => {
    // The "Inga ärenden" row: no patient, no time.
    if (!row.patientName && !row.arrivedAt) return;
    const arrivedAt =
      row.arrivedAt ??
      (row.waitedMinutes === null ? '' : new Date(now.getTime() - row.waitedMinutes * 60_000).toISOString());
    items.push({
      index: items.length,
      key: found[index]!.visitKey ?? `ankomst:${arrivedAt}|${row.priority ?? '-'}`,
      priority: row.priority,
      patientName: row.patientName,
      arrivedAt,
    });
    places.push(found[index]!);
  });
  return { items, places };
}

/**
 * Issue 16: Drop in's first read, ordering, badges and their placement ran the code for the first
 * time in the page's life on the clinician's first click (compiled as it ran). Run once while the
 * browser is idle, on a made-up queue (clinic/warm-up.ts) and made-up rows of our own, hidden
 * (ui.warmUp): nothing reported, shown, announced or stored.
 */
export function warmUpQueueDeadlines(ctx: FeatureContext): void {
  const now = ctx.now();
  const read = warmUpQueueRead(document, ctx.registry(), now);
  if (!read) return;
  const limits = thresholdsFrom(ctx.rules().timers);
  const views = queueView(queueItemsOf(read.rows, read.places, now).items, now, limits);
  summaryRows(views);
  if (views[0]) ctx.ui.warmUp((container) => drawBadge(container, views[0]!, limits));
}

const queueDeadlines: Feature = {
  id: 'queue-deadlines',
  title: t('queue_title'),
  rules: ['R-Q-1', 'R-Q-4'],
  init(ctx, signal) {
    let items: QueueItem[] = [];
    let places: QueueRowPlace[] = [];
    /** What each badge shows and where it is anchored: an unchanged badge is not drawn again. */
    const drawn: ({ anchor: Element; shows: string } | undefined)[] = [];
    let shift: ClinicSnapshot['shift'] = ctx.snapshot().shift;
    let onDropIn = false;
    let handedOver: HandedOverRow[] | null = null;
    let sent: string | null = null;
    let lastRed = 0;

    const thresholds = () => thresholdsFrom(ctx.rules().timers);

    let lastHandedRed = 0;
    /** A handover that passes the accept limit is said once (R-Q-1, R-Q-4). */
    const announceHanded = (views: HandedOverView[] | null) => {
      const red = views?.filter((v) => v.urgency === 'red').length ?? 0;
      if (red > lastHandedRed) {
        ctx.ui.announce(plural(red, 'queue_handedAnnounceOne', 'queue_handedAnnounceOther'), 'polite');
      }
      lastHandedRed = red;
    };

    /**
     * Once per change, the latest only, sent when the browser is idle (within a second): the
     * background's work for it (hashing, Chrome showing the notification, the storage write seen
     * by every tab) then does not compete with the console drawing Drop in for the same two cores
     * (issue 16: +8 ms of the browser's own work inside the click). The same report twice in a row
     * is not sent again.
     */
    let pending: { signature: string; sending: () => Promise<unknown> } | null = null;
    let reporting: number | undefined;
    const sendPending = () => {
      reporting = undefined;
      const next = pending;
      pending = null;
      if (!next || signal.aborted) return;
      sent = next.signature;
      next.sending().catch((error: unknown) => {
        sent = null;
        logError('queue deadlines', error);
      });
    };
    const report = (signature: string, sending: () => Promise<unknown>) => {
      if (signature === (pending?.signature ?? sent)) return;
      // Back to what was sent before the idle time came: nothing to send.
      pending = signature === sent ? null : { signature, sending };
      if (pending) reporting ??= requestIdleCallback(sendPending, { timeout: 1000 });
    };

    const draw = () => {
      if (signal.aborted) return;
      const limits = thresholds();
      const views = queueView(items, ctx.now(), limits);
      for (let i = 0; i < Math.max(drawn.length, views.length); i++) {
        const view = views[i];
        const place = places[i];
        if (!view || !place) {
          // Fewer rows than before (or another tab): the spare badges go.
          if (drawn[i]) ctx.ui.release(badgeId(i));
          drawn[i] = undefined;
          continue;
        }
        // The 1 s tick and most page changes change no badge (order, priority, minutes, colour).
        const { amberAfterMinutes: amber, redAfterMinutes: red } = limits;
        const shows = `${view.order}|${view.item.priority}|${view.urgency}|${Math.floor(view.waited)}|${amber}|${red}`;
        if (drawn[i]?.anchor === place.anchor && drawn[i]?.shows === shows) continue;
        drawn[i] = { anchor: place.anchor, shows };
        // Drawn when near the view (a 200-row queue draws the rows in view).
        ctx.ui.inlineWhenShown(badgeId(i), place.anchor, place.row, (container) => drawBadge(container, view, limits));
      }
      const notify = notifyStateOf(shift);
      const handed = handedOver && handedOverView(handedOver, ctx.now(), limits);
      const notifyOnly = views.length === 0 && onDropIn && notify === 'off-unknown';
      ctx.panel.show(
        views.length > 0 || notifyOnly || handed
          ? ({
              thresholds: { amberAfterMinutes: limits.amberAfterMinutes, redAfterMinutes: limits.redAfterMinutes },
              notify,
              queue: onDropIn ? summaryRows(views) : null,
              handedOver: handed && handedOverLines(handed),
            } satisfies QueueDeadlinesModel)
          : null,
      );

      const red = views.filter((v) => v.urgency === 'red');
      if (red.length > lastRed) {
        const key = red.length === 1 ? 'queue_announceOne' : 'queue_announceOther';
        ctx.ui.announce(t(key, red.length, limits.redAfterMinutes), 'polite');
      }
      lastRed = red.length;
      announceHanded(handed);
      // R-Q-1: notify while on shift only (R-S-4: no notifications without an ongoing shift); an
      // unreadable shift sends nothing, and the side panel says the check is off (NotifyLine).
      if (notify === 'on' && items.length > 0) {
        const cases = red.map(
          (v): OverdueCase => ({
            visitKey: v.item.key,
            priority: v.item.priority,
            waitedMinutes: Number.isNaN(v.waited) ? -1 : Math.floor(v.waited),
          }),
        );
        if (cases.length > 0) {
          report(JSON.stringify(cases.map((c) => c.visitKey)), () => send('queue-overdue', { cases }));
        }
      } else if (notify === 'off-no-shift') {
        report('shift-ended', () => send('queue-shift-ended'));
      }
    };

    const onSnapshot = (snapshot: ClinicSnapshot) => {
      shift = snapshot.shift;
      onDropIn = snapshot.route === 'drop-in';
      handedOver = handedOverRows(snapshot);
      const found = snapshot.route === 'drop-in' ? waitingQueuePlaces(document, ctx.registry()) : null;
      const rows = snapshot.queue.known ? snapshot.queue.value : null;
      if (!found || !rows || rows.length !== found.length) {
        // Not the waiting queue, or rows that cannot be matched to their places: show nothing.
        items = [];
        places = [];
      } else {
        ({ items, places } = queueItemsOf(rows, found, ctx.now()));
      }
      draw();
    };

    const tick = setInterval(draw, 1000);
    // Off the page's own work: when the browser is idle (at the latest after 3 s). A throw there
    // is ours to log, never the console page's uncaught error.
    const idle = requestIdleCallback(
      () => {
        try {
          warmUpQueueDeadlines(ctx);
        } catch (error) {
          logError('queue deadlines warm-up', error);
        }
      },
      { timeout: 3000 },
    );
    signal.addEventListener('abort', () => {
      clearInterval(tick);
      cancelIdleCallback(idle);
      if (reporting !== undefined) cancelIdleCallback(reporting);
    });
    ctx.onSnapshot(onSnapshot, signal);
    onSnapshot(ctx.snapshot());
  },
};

export default queueDeadlines;
