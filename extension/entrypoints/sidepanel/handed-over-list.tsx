// The side panel's list of the cases handed over to the clinician (R-Q-4), drawn from the queue
// card's model. Here, not in lib/: the content script never imports the side panel (issue 14).
import { parseIsoTime } from '../../../shared/iso-time';
import type { QueueThresholds } from '../../../shared/queue';
import { stockholmTimeText } from '../../../shared/stockholm-time';
import type { HandedOverLine } from '../../lib/handed-over-view';
import { t } from '../../lib/i18n';
import { RuleText } from '../../lib/rule-ref';

function clock(iso: string | null): string {
  const ms = iso ? parseIsoTime(iso) : Number.NaN;
  return Number.isNaN(ms) ? t('queue_clockUnknown') : stockholmTimeText(new Date(ms));
}

function waitText(v: HandedOverLine, limits: QueueThresholds): string {
  if (v.waited === null) return t('queue_handedWaitUnknown');
  return v.urgency === 'red'
    ? t('queue_handedWaitOver', v.waited, limits.redAfterMinutes)
    : t('queue_handedWait', v.waited);
}

/** R-Q-4: handed-over cases in the order to take them, each with its wait since the handover. */
export function HandedOver({ lines, thresholds }: { lines: HandedOverLine[]; thresholds: QueueThresholds }) {
  const red = lines.filter((v) => v.urgency === 'red').length;
  return (
    <section class="card queue" aria-label={t('queue_handedLabel')}>
      <h2>{t('queue_handedTitle')}</h2>
      <p>
        <RuleText
          text={
            lines.length === 0
              ? t('queue_handedNone')
              : red > 0
                ? t('queue_handedHowRed', thresholds.redAfterMinutes, red)
                : t('queue_handedHow', thresholds.redAfterMinutes)
          }
        />
      </p>
      <ol class="queue-order handed-over">
        {lines.map((v) => (
          <li key={`${v.order}:${v.arrivedAt}`} class={v.urgency} data-urgency={v.urgency}>
            {t(
              'queue_handedLine',
              v.priority ?? '–',
              v.patientName || t('queue_nameUnknown'),
              clock(v.arrivedAt),
              waitText(v, thresholds),
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
