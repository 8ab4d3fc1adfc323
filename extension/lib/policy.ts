import type { EffectivePolicy } from '../../shared/policy/effective';
import { defineItem, isObject } from './storage';

/**
 * IT's policy as the background resolved it (shared/policy effectivePolicy over managed storage
 * and the clinician's choices): which features run and whether the clinician may change them,
 * the settings policy fixes, and every ignored value with its Swedish reason. Written only by the
 * background (zod stays out of content scripts), so the check here is the record's frame.
 */
export interface StoredPolicy extends EffectivePolicy {
  resolvedAt: string;
}

export const EFFECTIVE_POLICY_KEY = 'effectivePolicy';

function isStoredPolicy(v: unknown): v is StoredPolicy {
  return (
    isObject(v) &&
    isObject(v.features) &&
    Object.values(v.features).every((f) => isObject(f) && typeof f.enabled === 'boolean') &&
    Array.isArray(v.managedKeys) &&
    Array.isArray(v.ignored) &&
    typeof v.allowRuleImport === 'boolean' &&
    typeof v.resolvedAt === 'string'
  );
}

/** null until the background has resolved the policy once (then every feature runs, as by default). */
export const effectivePolicyItem = defineItem<StoredPolicy | null>('local', EFFECTIVE_POLICY_KEY, {
  fallback: null,
  parse: (raw) => (isStoredPolicy(raw) ? raw : null),
});

/** The features to run: every one the policy does not switch off (all of them before it is known). */
export function enabledFeatureIds(policy: StoredPolicy | null, ids: readonly string[]): Set<string> {
  return new Set(ids.filter((id) => policy?.features[id as keyof StoredPolicy['features']]?.enabled !== false));
}
