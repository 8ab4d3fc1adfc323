import { useState } from 'preact/hooks';
import { type FeatureDecision, safetyRules } from '../../../shared/policy/effective';
import { FEATURES } from '../../features';
import { t } from '../../lib/i18n';
import { featureChoicesItem } from '../../lib/settings';
import { usePolicy } from './use-policy';

/**
 * Per-feature on/off switches (title and rules only; the features themselves run in the console).
 * Checked: the feature runs. Disabled: locked, by IT's policy ("Styrs av din organisation") or
 * because it protects patient safety, with the reason beside it. A switch is the clinician's
 * explicit choice; the background applies policy on top and the console follows live.
 */
/** Why a switch is as it is, in the extension's words (the policy's decision says which case). */
function reasonWords(decision: FeatureDecision | undefined, rules: readonly string[]): string {
  if (!decision?.reason) return '';
  if (decision.source === 'patient-safety') return t('options_reasonSafety', safetyRules(rules).join(', '));
  if (decision.locked) return t('options_reasonLockedByPolicy');
  return t('options_reasonSafetyUnlocked');
}

export function FeatureSwitches() {
  const policy = usePolicy();
  const [saved, setSaved] = useState('');

  const toggle = async (id: string, on: boolean) => {
    await featureChoicesItem.set({ ...(await featureChoicesItem.get()), [id]: on });
    const title = FEATURES.find((f) => f.id === id)?.title ?? id;
    setSaved(t(on ? 'options_switchedOn' : 'options_switchedOff', title));
  };

  return (
    <section class="box" aria-labelledby="features-heading" id="feature-switches">
      <h2 id="features-heading">{t('options_featuresHeading')}</h2>
      <p class="hint">{t('options_featuresHint')}</p>
      {policy ? (
        <ul class="switches">
          {FEATURES.map((f) => {
            const decision = policy.features[f.id as keyof typeof policy.features];
            const enabled = decision?.enabled ?? true;
            const locked = decision?.locked ?? false;
            const reason = reasonWords(decision, f.rules);
            return (
              <li key={f.id} data-feature-switch={f.id} data-locked={String(locked)} data-source={decision?.source}>
                <label>
                  <input
                    type="checkbox"
                    data-feature={f.id}
                    checked={enabled}
                    disabled={locked}
                    aria-describedby={reason ? `feature-reason-${f.id}` : undefined}
                    onChange={(e) => void toggle(f.id, (e.currentTarget as HTMLInputElement).checked)}
                  />
                  <span>
                    {f.title}
                    {f.rules.length > 0 && <span class="rules"> ({f.rules.join(', ')})</span>}
                    {reason && (
                      <span class={locked ? 'reason locked' : 'reason'} id={`feature-reason-${f.id}`}>
                        {' '}
                        – {reason}
                      </span>
                    )}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="hint" aria-busy="true">
          {t('options_loading')}
        </p>
      )}
      <p class="hint" role="status">
        {saved}
      </p>
    </section>
  );
}
