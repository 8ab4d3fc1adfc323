// The side panel's list of the cases handed over to the clinician (R-Q-4), drawn from the queue
// card's model. Here, not in lib/: the content script never imports the side panel (issue 14).
import { parseIsoTime } from '../../../shared/iso-time';
import type { QueueThresholds } from '../../../shared/queue';
import { stockholmTimeText } from '../../../shared/stockholm-time';
import type { HandedOverLine } from '../../lib/handed-over-view';
import { RuleText } from '../../lib/rule-ref';

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
