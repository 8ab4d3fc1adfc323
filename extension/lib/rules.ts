import type { RuleSet, RuleSetError } from '../../shared/rules';
import { defaultRuleSet } from '../../shared/rules/default';

/** Storage keys of the rule set's sources and of the validated result the background writes. */
export const MANAGED_RULES_KEY = 'ruleSet';
export const LOCAL_RULES_KEY = 'superuserRuleSet';
export const EFFECTIVE_RULES_KEY = 'effectiveRuleSet';

export interface EffectiveRules {
  rules: RuleSet;
  source: 'policy' | 'superuser' | 'default' | 'last-good';
  /** Sources that were refused, with every error (shown to the user, never silently dropped). */
  refused: { source: 'policy' | 'superuser'; errors: RuleSetError[] }[];
  resolvedAt: string;
}

/** The rule set in force, as validated by the background (the default until it has run). */
export async function loadEffectiveRules(): Promise<EffectiveRules> {
  const stored = await browser.storage.local.get(EFFECTIVE_RULES_KEY);
  return (
    (stored[EFFECTIVE_RULES_KEY] as EffectiveRules | undefined) ?? {
      rules: defaultRuleSet,
      source: 'default',
      refused: [],
      resolvedAt: new Date(0).toISOString(),
    }
  );
}

export function onEffectiveRulesChanged(listener: (rules: EffectiveRules) => void, signal: AbortSignal): void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = changes[EFFECTIVE_RULES_KEY]?.newValue as EffectiveRules | undefined;
    if (area === 'local' && next) listener(next);
  };
  browser.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler));
}
