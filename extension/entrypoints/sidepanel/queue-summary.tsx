// The side panel's Preact parts of the queue card (R-Q-1): the summary of *Väntar i kö* and the
// notification line, drawn from the feature's model. Here, not in lib/: the content script never
// imports the side panel, so no UI library reaches the console page (issue 14).
import type { QueueThresholds } from '../../../shared/queue';
import { t } from '../../lib/i18n';
import {
  minutesText,
  type NotifyState,
  notifyText,
  ordinalText,
  type SummaryRow,
  urgencyText,
} from '../../lib/queue-view';
import { RuleRef, RuleText } from '../../lib/rule-ref';

export function NotifyLine({ state }: { state: NotifyState }) {
  return (
    <p class={state === 'off-unknown' ? 'alert warning notify' : 'notify'} data-notify={state} role="status">
      <RuleText text={notifyText(state)} />
    </p>
  );
}

/** The priority as its coloured digit, named for screen readers ("Prioritet 2"). */
export function PriorityDigit({ priority }: { priority: number | null }) {
  const name = priority === null ? t('queue_prioNone') : t('queue_prio', priority);
  return (
    <span class={`prio prio-${priority ?? 'none'}`} role="img" aria-label={name} title={name}>
      {priority ?? '–'}
    </span>
  );
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
    <section class="card queue" aria-label={t('queue_cardLabel')}>
      <h2>{t('queue_cardTitle')}</h2>
      <p>
        {t(
          rows.length === 1 ? 'queue_summaryOne' : 'queue_summaryOther',
          rows.length,
          red,
          thresholds.redAfterMinutes,
          amber,
          thresholds.amberAfterMinutes,
        )}{' '}
        <RuleRef ids={['R-Q-1']} />
      </p>
      <NotifyLine state={notify} />
      <ol class="queue-order">
        {rows.map((v) => (
          <li key={v.key} class={v.urgency} data-urgency={v.urgency} data-order={v.order}>
            <span class="turn">{ordinalText(v.order)}</span> <PriorityDigit priority={v.priority} />{' '}
            {v.patientName || t('queue_nameUnknown')} · {minutesText(v.waited)}
            {v.urgency !== 'ok' && <span class="sr"> ({urgencyText(v.urgency, thresholds)})</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The priority colours of 1177's triage (1 red … 5 grey-blue); the digit carries the meaning, colour repeats it. */
const PRIORITY_STYLE = `
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
