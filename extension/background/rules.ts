import { effectivePolicy } from '../../shared/policy/effective';
import { resolvePolicyRules } from '../../shared/policy/rules';
import { ruleSetDigest } from '../../shared/rules';
import { fromConsoleTab, handle } from '../lib/messages';
import { type EffectiveRules, effectiveRulesItem, superuserRulesItem } from '../lib/rules';
import { onAreaChanged, readWholeArea } from '../lib/storage';
import { createSerialQueue } from './serial';
import { purgeExpiredVisits } from './visit-retention';

/** One resolution at a time: two policy changes in a row must not store the older one last. */
const serial = createSerialQueue('rules');

/**
 * The rule set in force. Validated here, in the background, so content scripts get plain data
 * and no schema library. Precedence (shared/policy resolvePolicyRules): IT's enterprise policy
 * (managed storage) > the unit superuser's import (unless policy forbids imports) > Region
 * Uppsala's default, then policy's override, selectors and retention on top. A refused source is
 * listed with every error and the last good rule set stays in force: nothing is lost.
 */
export function resolveRules(): Promise<EffectiveRules> {
  return serial(async () => {
    const [managed, superuser, stored] = await Promise.all([
      readWholeArea('managed'),
      superuserRulesItem.get(),
      effectiveRulesItem.get(),
    ]);
    const resolved = resolvePolicyRules({
      policy: effectivePolicy(managed),
      superuserRuleSet: superuser,
      lastGood: stored.rules,
    });
    const { rules, source, refused, adjustedBy, ignored, defaultUnit, defaultRole } = resolved;
    const effective: EffectiveRules = {
      rules,
      source,
      refused,
      adjustedBy,
      ignored,
      resolvedAt: new Date().toISOString(),
      digest: ruleSetDigest(rules),
    };
    if (defaultUnit !== undefined) effective.defaultUnit = defaultUnit;
    if (defaultRole !== undefined) effective.defaultRole = defaultRole;
    await effectiveRulesItem.set(effective);
    return effective;
  });
}

/** Re-resolves whenever IT's policy (any key) or the superuser's rule set changes. */
export function watchRuleSources(): void {
  // A console tab opened before the first resolution asks for it (lib/page-rules.ts).
  handle('rules-resolve', (_message, sender) => (fromConsoleTab(sender) ? resolveRules() : undefined));
  // A shorter retention from policy purges at once, not at the next alarm.
  onAreaChanged('managed', () => void resolveRules().then(purgeExpiredVisits));
  superuserRulesItem.watch(() => void resolveRules());
}
