import { applyRuleSetUpdate, defaultRuleSet, type RuleSet, type RuleSetError, ruleSetDigest } from '../../shared/rules';
import { type EffectiveRules, effectiveRulesItem, policyRulesItem, superuserRulesItem } from '../lib/rules';

/**
 * The rule set in force. Validated here, in the background, so content scripts get plain data
 * and no schema library. Order: IT's enterprise policy (managed storage), else the unit
 * superuser's imported rule set, else Region Uppsala's default. An invalid source is refused
 * with every error listed and the last good rule set stays in force: nothing is lost.
 */
export async function resolveRules(): Promise<EffectiveRules> {
  const [policy, superuser, stored] = await Promise.all([
    // No policy configured (or no managed storage at all) reads as none.
    policyRulesItem.get().catch(() => undefined),
    superuserRulesItem.get(),
    effectiveRulesItem.get(),
  ]);
  const lastGood = stored.rules;
  const refused: { source: 'policy' | 'superuser'; errors: RuleSetError[] }[] = [];

  let rules: RuleSet = defaultRuleSet;
  let source: EffectiveRules['source'] = 'default';
  const candidates: ['policy' | 'superuser', unknown][] = [
    ['policy', policy],
    ['superuser', superuser],
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
  const effective: EffectiveRules = {
    rules,
    source,
    refused,
    resolvedAt: new Date().toISOString(),
    digest: ruleSetDigest(rules),
  };
  await effectiveRulesItem.set(effective);
  return effective;
}

/** Re-resolves whenever IT's policy or the superuser's rule set changes. */
export function watchRuleSources(): void {
  policyRulesItem.watch(() => void resolveRules());
  superuserRulesItem.watch(() => void resolveRules());
}
