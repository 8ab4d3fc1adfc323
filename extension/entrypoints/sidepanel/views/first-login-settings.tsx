import { settingsRemarks } from '../../../../shared/routine/settings';
import type { FirstLoginSettingsModel } from '../../../features/first-login-settings';
import { t } from '../../../lib/i18n';
import { settingsWords } from '../../../lib/routine-words';
import { RuleRef, RuleText } from '../../../lib/rule-ref';
import { defineView } from './view';

/** R-S-1: each setting to check, by the console's own label, with why (nothing wrong: no card). */
export default defineView<FirstLoginSettingsModel>('first-login-settings', ({ model }) => {
  const remarks = settingsRemarks(model.facts);
  if (remarks.length === 0) return null;
  return (
    <section class="card" aria-label={t('firstLoginSettings_label')}>
      <h2>{t('firstLoginSettings_heading')}</h2>
      <ul data-first-login-settings="remarks">
        {remarks.map((r) => (
          <li key={r.field} class={r.kind === 'wrong' ? 'alert warning' : 'alert info'} data-field={r.field}>
            <strong>{r.label}</strong> <RuleText text={settingsWords(r)} />
          </li>
        ))}
      </ul>
      <p class="rule-line">
        <RuleRef ids={['R-S-1']} />
      </p>
    </section>
  );
});
