import type { PatientSafetyModel } from '../../../features/patient-safety-banner';
import { t } from '../../../lib/i18n';
import { RuleRef } from '../../../lib/rule-ref';
import { alertWords, checkLabel } from '../../../lib/safety-words';
import { defineView } from './view';

/** R-GU-3..6, R-PI-1..2: the visit's safety alerts and the checks the clinician ticks. */
export default defineView<PatientSafetyModel>(
  'patient-safety-banner',
  ({ model: { result, checked, loaded }, act }) => {
    return (
      <section class="card" aria-label={t('patientSafetyBanner_heading')} data-checks={loaded ? 'loaded' : 'loading'}>
        <h2>{t('patientSafetyBanner_heading')}</h2>
        <ul class="items">
          {result.alerts.map((alert) => (
            <li key={alert.id} class={`alert ${alert.level === 'danger' ? '' : alert.level}`}>
              <strong>{alertWords(alert).title}</strong>
              {alertWords(alert).detail} <RuleRef ids={[alert.ruleId]} />
            </li>
          ))}
          {result.checks.map((check) => (
            <li key={check.id} class="check-line">
              <label class="check">
                <input
                  type="checkbox"
                  checked={checked[check.id] === true}
                  onChange={(e) =>
                    act('toggle', { id: check.id, value: (e.currentTarget as HTMLInputElement).checked })
                  }
                />
                <span>{checkLabel(check)}</span>
              </label>
              {/* Outside the label: opening the rule must not tick the check. */}
              <RuleRef ids={[check.ruleId]} />
            </li>
          ))}
        </ul>
      </section>
    );
  },
);
