import { render } from 'preact';
import { type HandoverAdvice, handoverAdvice } from '../../shared/routine/handover';
import { readHandoverDialog } from '../clinic';
import { copyText } from '../lib/clipboard';
import { RuleText } from '../lib/rule-ref';
import type { Feature } from './feature';

/**
 * "Lämna över besök" (R-HO-1..3): while the console's dialog is open, warn when the receiver is
 * a person rather than a role, offer the phrases that tell the patient, say who owns the case
 * until it is accepted, and point to R-HO-3 when nobody in the role is on duty.
 */
function Advice({ advice }: { advice: HandoverAdvice }) {
  return (
    <section class="card" aria-label="Lämna över besök" data-handover-guard="advice">
      <h2>Lämna över besök</h2>
      {advice.personWarning && (
        <p class="alert warning">
          <RuleText text={advice.personWarning} />
        </p>
      )}
      {advice.unknownReceiver && (
        <p class="alert warning">
          <RuleText text={advice.unknownReceiver} />
        </p>
      )}
      <p>
        <RuleText text={advice.tellPatient.text} />
      </p>
      <ul class="items">
        {advice.tellPatient.phrases.map((phrase) => (
          <li key={phrase}>
            {phrase}{' '}
            <button type="button" class="secondary copy" onClick={() => void copyText(phrase)}>
              Kopiera
            </button>
          </li>
        ))}
      </ul>
      <p>
        <RuleText text={advice.ownership} />
      </p>
      <p class="alert info">
        <RuleText text={advice.nobodyOnDuty} />
      </p>
    </section>
  );
}

const handoverGuard: Feature = {
  id: 'handover-guard',
  title: 'Lämna över till en roll och berätta för patienten',
  rules: ['R-HO-1', 'R-HO-2', 'R-HO-3'],
  init(ctx, signal) {
    let last = '';
    const draw = () => {
      if (signal.aborted) return;
      const dialog = readHandoverDialog(document, ctx.registry());
      const advice = dialog ? handoverAdvice(dialog.receiver, ctx.rules().phrases) : null;
      const key = JSON.stringify(advice);
      if (key === last) return;
      last = key;
      render(advice ? <Advice advice={advice} /> : null, ctx.ui.slot('handover-guard'));
    };
    ctx.onSnapshot(draw, signal);
    // Choosing another receiver changes no markup: follow the choice itself.
    document.addEventListener('change', draw, { signal, capture: true });
    draw();
  },
};

export default handoverGuard;
