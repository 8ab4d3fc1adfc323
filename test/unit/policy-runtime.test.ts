import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resolvePolicy } from '../../extension/background/policy';
import { resolveRules } from '../../extension/background/rules';
import { withPolicyDefaults } from '../../extension/background/visit-facts';
import type { Feature } from '../../extension/features/feature';
import { startFeatures } from '../../extension/lib/feature-loader';
import type { JournalVisitFacts } from '../../extension/lib/journal-facts';
import { enabledFeatureIds } from '../../extension/lib/policy';
import { LOCAL_RULES_KEY } from '../../extension/lib/rules';
import { choicesFromLegacy, featureChoicesItem, migrateLegacyFeatureSwitches } from '../../extension/lib/settings';
import { LOCKED_BY_POLICY, POLICY_FEATURE_IDS } from '../../shared/policy';
import { defaultRuleSet } from '../../shared/rules';

/** Issue 12: IT's policy in the running extension (background resolution, switches, live start/stop). */
beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('browser', fakeBrowser);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const named = (name: string) => ({ ...defaultRuleSet, meta: { ...defaultRuleSet.meta, name } });

describe('feature switches: the old list becomes explicit choices, once, losing nothing', () => {
  it('every feature switched off stays off; a choice already made is kept', () => {
    expect(choicesFromLegacy(['journal-panel', 'same-patient-guard'], { 'journal-panel': true })).toEqual({
      'journal-panel': true,
      'same-patient-guard': false,
    });
  });

  it('migrates disabledFeatures into featureChoices and removes the old key', async () => {
    await fakeBrowser.storage.local.set({ disabledFeatures: ['queue-deadlines', 'same-patient-guard'] });
    await migrateLegacyFeatureSwitches();
    expect(await featureChoicesItem.get()).toEqual({ 'queue-deadlines': false, 'same-patient-guard': false });
    expect((await fakeBrowser.storage.local.get('disabledFeatures')).disabledFeatures).toBeUndefined();
    // The choice of switching a patient-safety feature off is kept, yet it stays on and locked.
    const policy = await resolvePolicy();
    expect(policy.features['queue-deadlines']).toMatchObject({ enabled: false, locked: false });
    expect(policy.features['same-patient-guard']).toMatchObject({ enabled: true, locked: true });
    expect(policy.features['same-patient-guard'].reason).toContain('R-ID-2');
  });
});

describe('background: managed storage → effective policy and rules', () => {
  it('locks a feature off, keeps a locked-on one on whatever the clinician chose, lists a schema-invalid value', async () => {
    await fakeBrowser.storage.managed.set({
      features: { 'queue-deadlines': { enabled: false }, 'copy-patient-id': { enabled: true, locked: true } },
      retentionHours: 500,
    });
    await featureChoicesItem.set({ 'copy-patient-id': false });
    const policy = await resolvePolicy();
    expect(policy.features['queue-deadlines']).toMatchObject({
      enabled: false,
      locked: true,
      reason: LOCKED_BY_POLICY,
    });
    expect(policy.features['copy-patient-id']).toMatchObject({ enabled: true, locked: true });
    expect(policy.retentionHours).toBeUndefined();
    expect(policy.ignored).toEqual([
      { key: 'retentionHours', reason: 'får vara högst 72 timmar', id: 'max-hours', values: ['72'] },
    ]);
    const enabled = enabledFeatureIds(policy, POLICY_FEATURE_IDS);
    expect(enabled.has('queue-deadlines')).toBe(false);
    expect(enabled.has('copy-patient-id')).toBe(true);
  });

  it('before the background has resolved, every feature runs', () => {
    expect(enabledFeatureIds(null, POLICY_FEATURE_IDS).size).toBe(POLICY_FEATURE_IDS.length);
  });

  it('policy > superuser; a valid-but-wrong policy rule set is refused and the last good kept', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_RULES_KEY]: named('Superanvändarens') });
    await fakeBrowser.storage.managed.set({ ruleSet: JSON.stringify(named('Policyns')), retentionHours: 12 });
    let effective = await resolveRules();
    expect(effective).toMatchObject({ source: 'policy', rules: { meta: { name: 'Policyns' } } });
    expect(effective.rules.retention.visitDataHours).toBe(12);

    const bad = { ...named('Fel'), timers: { ...defaultRuleSet.timers, replyWindowMinutes: -5 } };
    await fakeBrowser.storage.managed.set({ ruleSet: JSON.stringify(bad) });
    effective = await resolveRules();
    // The superuser's import is the next source in order; the policy's refusal is listed.
    expect(effective.source).toBe('superuser');
    expect(effective.refused[0]).toMatchObject({ source: 'policy' });
    expect(effective.refused[0]!.errors.map((e) => e.path)).toContain('timers.replyWindowMinutes');

    await fakeBrowser.storage.local.remove(LOCAL_RULES_KEY);
    await fakeBrowser.storage.managed.set({ ruleSet: JSON.stringify(named('Policyns')) });
    await resolveRules();
    await fakeBrowser.storage.managed.set({ ruleSet: JSON.stringify(bad) });
    effective = await resolveRules();
    expect(effective).toMatchObject({ source: 'last-good', rules: { meta: { name: 'Policyns' } } });
  });

  it('allowRuleImport false: the superuser import is not applied, and says why', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_RULES_KEY]: named('Superanvändarens') });
    await fakeBrowser.storage.managed.set({ allowRuleImport: false, defaultUnit: defaultRuleSet.units[0] });
    const effective = await resolveRules();
    expect(effective.source).toBe('default');
    expect(effective.ignored?.map((i) => i.key)).toEqual(['allowRuleImport']);
    expect(effective.defaultUnit).toBe(defaultRuleSet.units[0]);
    expect((await resolvePolicy()).allowRuleImport).toBe(false);
  });
});

describe('defaultUnit/defaultRole apply only where the page shows none', () => {
  const facts = (unit: string | null, role: string | null) =>
    ({ visitKey: '/besok/1', clinician: { unit, role } }) as unknown as JournalVisitFacts;
  it('fills what is missing, never replaces what the console shows', () => {
    const defaults = { defaultUnit: 'Enhet P', defaultRole: 'Sjuksköterska' };
    expect(withPolicyDefaults(facts(null, null), defaults).clinician).toEqual({
      unit: 'Enhet P',
      role: 'Sjuksköterska',
    });
    expect(withPolicyDefaults(facts('Sidans', null), defaults).clinician).toEqual({
      unit: 'Sidans',
      role: 'Sjuksköterska',
    });
    expect(withPolicyDefaults(facts('Sidans', 'Läkare'), defaults).clinician).toEqual({
      unit: 'Sidans',
      role: 'Läkare',
    });
    expect(withPolicyDefaults(facts(null, null), {}).clinician).toEqual({ unit: null, role: null });
  });
});

describe('feature loader: live start and stop', () => {
  it('starts newly enabled features, stops (and releases) switched-off ones, leaves the rest running', async () => {
    const started: string[] = [];
    const signals = new Map<string, AbortSignal>();
    const feature = (id: string): Feature => ({
      id,
      title: id,
      rules: [],
      init(_ctx, signal) {
        started.push(id);
        signals.set(id, signal);
      },
    });
    const released: string[] = [];
    const running = startFeatures(
      [feature('a'), feature('b'), feature('c')],
      () => ({}) as never,
      new Set(['a', 'b']),
      (f) => released.push(f.id),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    const firstB = signals.get('b')!;
    running.set(new Set(['a', 'c']));
    await Promise.resolve();
    await Promise.resolve();
    expect(firstB.aborted).toBe(true);
    expect(released).toEqual(['b']);
    expect(started).toEqual(['a', 'b', 'c']);
    expect(signals.get('a')!.aborted).toBe(false);
    running.stop();
    expect(signals.get('c')!.aborted).toBe(true);
  });
});
