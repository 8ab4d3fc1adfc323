import { send } from './messages';
import { type EffectiveRules, onEffectiveRulesChanged, storedEffectiveRulesItem } from './rules-record';

/**
 * The rule set in force, for a content script: as the background stored it, or (nothing stored
 * yet: a first start) resolved by the background on request. The default rule set itself is not
 * in the content script; the page waits for the background rather than guessing.
 */
export async function rulesForPage(): Promise<EffectiveRules> {
  const stored = await storedEffectiveRulesItem.get();
  if (stored) return stored;
  const life = new AbortController();
  const written = new Promise<EffectiveRules>((resolve) => onEffectiveRulesChanged(resolve, life.signal));
  const asked = send('rules-resolve').then(
    (reply) => reply ?? written,
    () => written,
  );
  try {
    return await Promise.race([written, asked]);
  } finally {
    life.abort();
  }
}
