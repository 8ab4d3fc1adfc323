import { useState } from 'preact/hooks';
import { FEATURES } from '../../features';
import { featureChoicesItem } from '../../lib/settings';
import { usePolicy } from './use-policy';

/**
 * Per-feature on/off switches (title and rules only; the features themselves run in the console).
 * Checked: the feature runs. Disabled: locked, by IT's policy ("Styrs av din organisation") or
 * because it protects patient safety, with the reason beside it. A switch is the clinician's
 * explicit choice; the background applies policy on top and the console follows live.
 */
export function FeatureSwitches() {
  const policy = usePolicy();
  const [saved, setSaved] = useState('');

  const toggle = async (id: string, on: boolean) => {
    await featureChoicesItem.set({ ...(await featureChoicesItem.get()), [id]: on });
    const title = FEATURES.find((f) => f.id === id)?.title ?? id;
    setSaved(`${on ? 'På' : 'Av'}: ${title}. Gäller direkt i konsolen.`);
  };

  return (
    <section class="box" aria-labelledby="features-heading" id="feature-switches">
      <h2 id="features-heading">Funktioner</h2>
      <p class="hint">Stäng av en funktion som inte behövs på din enhet.</p>
      {policy ? (
        <ul class="switches">
          {FEATURES.map((f) => {
            const decision = policy.features[f.id as keyof typeof policy.features];
            const enabled = decision?.enabled ?? true;
            const locked = decision?.locked ?? false;
            const reason = decision?.reason ?? '';
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
          Läser in…
        </p>
      )}
      <p class="hint" role="status">
        {saved}
      </p>
    </section>
  );
}
