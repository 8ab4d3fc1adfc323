import { defineItem } from './storage';

/** Per-feature on/off switches (options page): the ids of the features switched off. */
const disabledFeaturesItem = defineItem<string[]>('local', 'disabledFeatures', {
  fallback: [],
  parse: (raw) => (Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : null),
});

export async function loadDisabledFeatures(): Promise<Set<string>> {
  return new Set(await disabledFeaturesItem.get());
}

export async function saveDisabledFeatures(ids: Iterable<string>): Promise<void> {
  await disabledFeaturesItem.set([...ids]);
}
