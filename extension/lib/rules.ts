import { defaultRuleSet } from '../../shared/rules/default';
import { type EffectiveRules, LOCAL_RULES_KEY, storedEffectiveRulesItem } from './rules-record';
import { defineItem } from './storage';

export {
  EFFECTIVE_RULES_KEY,
  type EffectiveRules,
  LOCAL_RULES_KEY,
  onEffectiveRulesChanged,
} from './rules-record';

const DEFAULT_EFFECTIVE: EffectiveRules = {
  rules: defaultRuleSet,
  source: 'default',
  refused: [],
  resolvedAt: new Date(0).toISOString(),
};

/** The rule set in force, as validated by the background (the default until it has run). */
export const effectiveRulesItem = {
  ...storedEffectiveRulesItem,
  get: async (): Promise<EffectiveRules> => (await storedEffectiveRulesItem.get()) ?? DEFAULT_EFFECTIVE,
  set: (value: EffectiveRules) => storedEffectiveRulesItem.set(value),
};

/** The sources as written (a superuser's import, IT's policy): unchecked JSON, validated by the background. */
const asWritten = (raw: unknown): unknown => raw;
export const superuserRulesItem = defineItem<unknown>('local', LOCAL_RULES_KEY, {
  fallback: undefined,
  parse: asWritten,
});

export function loadEffectiveRules(): Promise<EffectiveRules> {
  return effectiveRulesItem.get();
}
