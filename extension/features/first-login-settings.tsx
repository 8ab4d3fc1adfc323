import { render } from 'preact';
import { type SettingsRemark, settingsRemarks } from '../../shared/routine/settings';
import { readSettingsFacts } from '../clinic';
import { RuleRef, RuleText } from '../lib/rule-ref';
import type { Feature } from './feature';

/**
 * R-S-1 on the first-login dialog and *Inställningar*: shift type Primärjour, load balancer off,
 * name and title filled in (shown to patients), a mobile number if SMS is wanted, camera and
 * sound tested. Each value that is wrong is named by its label, with why; nothing is changed.
 */
function Remarks({ remarks }: { remarks: SettingsRemark[] }) {
  if (remarks.length === 0) return null;
  return (
    <section class="card" aria-label="Inställningar att kontrollera">
      <h2>Inställningar</h2>
      <ul data-first-login-settings="remarks">
        {remarks.map((r) => (
          <li key={r.field} class={r.kind === 'wrong' ? 'alert warning' : 'alert info'} data-field={r.field}>
            <strong>{r.label}</strong> <RuleText text={r.text} />
          </li>
        ))}
      </ul>
      <p class="rule-line">
        <RuleRef ids={['R-S-1']} />
      </p>
    </section>
  );
}

const firstLoginSettings: Feature = {
  id: 'first-login-settings',
  title: 'Kontrollera inställningarna vid första inloggningen',
  rules: ['R-S-1'],
  init(ctx, signal) {
    let last = '';
    const draw = () => {
      if (signal.aborted) return;
      const remarks = settingsRemarks(readSettingsFacts(document));
      const key = JSON.stringify(remarks);
      if (key === last) return;
      last = key;
      render(<Remarks remarks={remarks} />, ctx.ui.slot('first-login-settings'));
    };
    ctx.onSnapshot(draw, signal);
    // A choice in a <select> or a typed name changes no markup: follow the edits themselves.
    document.addEventListener('change', draw, { signal, capture: true });
    document.addEventListener('input', draw, { signal, capture: true });
    draw();
  },
};

export default firstLoginSettings;
