import { applyRuleSetUpdate, defaultRuleSet, type RuleSet, type RuleSetError } from '../../shared/rules';
import { EFFECTIVE_RULES_KEY, type EffectiveRules, LOCAL_RULES_KEY, MANAGED_RULES_KEY } from '../lib/rules';

/**
 * The rule set in force. Validated here, in the background, so content scripts get plain data
 * and no schema library. Order: IT's enterprise policy (managed storage), else the unit
 * superuser's imported rule set, else Region Uppsala's default. An invalid source is refused
 * with every error listed and the last good rule set stays in force: nothing is lost.
 */
export async function resolveRules(): Promise<EffectiveRules> {
  const [managed, local] = await Promise.all([
    // No policy configured (or no managed storage at all) reads as empty.
    browser.storage.managed.get(MANAGED_RULES_KEY).catch(() => ({}) as Record<string, unknown>),
    browser.storage.local.get([LOCAL_RULES_KEY, EFFECTIVE_RULES_KEY]),
  ]);
  const lastGood = (local[EFFECTIVE_RULES_KEY] as EffectiveRules | undefined)?.rules ?? defaultRuleSet;
  const refused: { source: 'policy' | 'superuser'; errors: RuleSetError[] }[] = [];

  let rules: RuleSet = defaultRuleSet;
  let source: EffectiveRules['source'] = 'default';
  const candidates: ['policy' | 'superuser', unknown][] = [
    ['policy', (managed as Record<string, unknown>)[MANAGED_RULES_KEY]],
    ['superuser', local[LOCAL_RULES_KEY]],
  ];
  for (const [from, input] of candidates) {
    if (input === undefined) continue;
    const update = applyRuleSetUpdate(lastGood, input);
    if (update.refused) {
      refused.push({ source: from, errors: update.refused });
      // Keep what was in force rather than dropping to the default.
      if (source === 'default') {
        rules = lastGood;
        source = 'last-good';
      }
      continue;
    }
    rules = update.rules;
    source = from;
    break;
  }
  const effective: EffectiveRules = { rules, source, refused, resolvedAt: new Date().toISOString() };
  await browser.storage.local.set({ [EFFECTIVE_RULES_KEY]: effective });
  return effective;
}

/** Re-resolves whenever IT's policy or the superuser's rule set changes. */
export function watchRuleSources(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'managed' && MANAGED_RULES_KEY in changes) || (area === 'local' && LOCAL_RULES_KEY in changes)) {
      void resolveRules();
    }
  });
}
