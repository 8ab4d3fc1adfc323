import { effectivePolicy } from '../../shared/policy/effective';
import { effectivePolicyItem, type StoredPolicy } from '../lib/policy';
import { featureChoicesItem, migrateLegacyFeatureSwitches } from '../lib/settings';
import { onAreaChanged, readWholeArea } from '../lib/storage';
import { createSerialQueue } from './serial';

const serial = createSerialQueue('policy');

/**
 * What IT's policy means here (issue 12): managed storage validated by shared/policy, with the
 * clinician's feature choices under it, stored for the content script (which features run) and
 * the options page (what is locked, and what was ignored and why). Never throws on a bad policy.
 */
export function resolvePolicy(): Promise<StoredPolicy> {
  return serial(async () => {
    const [managed, choices] = await Promise.all([readWholeArea('managed'), featureChoicesItem.get()]);
    const policy: StoredPolicy = { ...effectivePolicy(managed, choices), resolvedAt: new Date().toISOString() };
    await effectivePolicyItem.set(policy);
    return policy;
  });
}

/** At every worker start, and again on every policy change or clinician's switch (live). */
export function registerPolicy(): void {
  onAreaChanged('managed', () => void resolvePolicy());
  featureChoicesItem.watch(() => void resolvePolicy());
  void migrateLegacyFeatureSwitches()
    .catch(() => {})
    .then(resolvePolicy);
}
