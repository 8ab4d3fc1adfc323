import { useEffect, useState } from 'preact/hooks';
import { FEATURES } from '../../features';
import { loadDisabledFeatures, saveDisabledFeatures } from '../../lib/settings';

/** Per-feature on/off switches (title and rules only; the features themselves run in the console). */
export function FeatureSwitches() {
  const [disabled, setDisabled] = useState<Set<string> | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void loadDisabledFeatures().then(setDisabled);
  }, []);

  const toggle = async (id: string, on: boolean) => {
    const next = new Set(disabled ?? []);
    if (on) next.delete(id);
    else next.add(id);
    setDisabled(next);
    await saveDisabledFeatures(next);
    const title = FEATURES.find((f) => f.id === id)?.title ?? id;
    setSaved(`${on ? 'På' : 'Av'}: ${title}. Gäller när konsolen laddas om.`);
  };

  return (
    <section class="box" aria-labelledby="features-heading">
      <h2 id="features-heading">Funktioner</h2>
      <p class="hint">Stäng av en funktion som inte behövs på din enhet.</p>
      {disabled && (
        <ul class="switches">
          {FEATURES.map((f) => (
            <li key={f.id}>
              <label>
                <input
                  type="checkbox"
                  data-feature={f.id}
                  checked={!disabled.has(f.id)}
                  onChange={(e) => void toggle(f.id, (e.currentTarget as HTMLInputElement).checked)}
                />
                <span>
                  {f.title}
                  {f.rules.length > 0 && <span class="rules"> ({f.rules.join(', ')})</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <p class="hint" role="status">
        {saved}
      </p>
    </section>
  );
}
