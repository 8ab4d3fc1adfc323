import { defineItem, isObject } from './storage';

/**
 * The clinician's own feature switches (options page): an explicit choice per feature id, absent
 * where they never chose. What runs is decided by the background with IT's policy on top
 * (shared/policy effectivePolicy → `effectivePolicyItem`): a choice may be overruled, never lost.
 */
export type FeatureChoices = Record<string, boolean>;

export const featureChoicesItem = defineItem<FeatureChoices>('local', 'featureChoices', {
  fallback: {},
  parse: (raw) =>
    isObject(raw)
      ? Object.fromEntries(Object.entries(raw).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'))
      : null,
});

/** Before issue 12: the ids of the features switched off. Read once, by the migration below. */
export const legacyDisabledFeaturesItem = defineItem<string[] | null>('local', 'disabledFeatures', {
  fallback: null,
  parse: (raw) => (Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : null),
});

/** The old list as choices: every feature switched off stays a choice of "off". */
export function choicesFromLegacy(disabled: readonly string[], current: FeatureChoices): FeatureChoices {
  const next: FeatureChoices = { ...current };
  for (const id of disabled) if (!(id in next)) next[id] = false;
  return next;
}

/**
 * Once: the old `disabledFeatures` list becomes choices, written before the old key is removed,
 * so a worker killed in between repeats the (idempotent) step rather than losing a switch.
 */
export async function migrateLegacyFeatureSwitches(): Promise<void> {
  const legacy = await legacyDisabledFeaturesItem.get();
  if (legacy === null) return;
  await featureChoicesItem.set(choicesFromLegacy(legacy, await featureChoicesItem.get()));
  await legacyDisabledFeaturesItem.remove();
}
