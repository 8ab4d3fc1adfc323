import { describe, expect, it } from 'vitest';
import { effectivePolicy, LOCKED_BY_POLICY } from './effective';
import { PATIENT_SAFETY_FEATURE_IDS, POLICY_FEATURE_IDS } from './features';

describe('effectivePolicy: features (issue 12)', () => {
  it('R-ID-2, R-PI-*, R-GU-*: the patient-safety features are on and locked with no policy, whatever the user chose', () => {
    expect([...PATIENT_SAFETY_FEATURE_IDS].sort()).toEqual(['patient-safety-banner', 'same-patient-guard']);
    const policy = effectivePolicy({}, { 'same-patient-guard': false, 'patient-safety-banner': false });
    for (const id of PATIENT_SAFETY_FEATURE_IDS) {
      expect(policy.features[id]).toMatchObject({ enabled: true, locked: true, source: 'patient-safety' });
      expect(policy.features[id].reason).toMatch(/^Patientsäkerhet \(R-/);
    }
    expect(policy.features['same-patient-guard'].reason).toContain('R-ID-2');
  });

  it('other features follow the user, on by default, unlocked', () => {
    const policy = effectivePolicy(undefined, { 'page-health': false });
    expect(policy.features['page-health']).toMatchObject({ enabled: false, locked: false, source: 'user' });
    expect(policy.features['copy-patient-id']).toMatchObject({ enabled: true, locked: false, source: 'default' });
    expect(Object.keys(policy.features).sort()).toEqual([...POLICY_FEATURE_IDS].sort());
    expect(policy.managedKeys).toEqual([]);
  });

  it('a value set by policy is locked, over the user: one feature locked off, one locked on', () => {
    const policy = effectivePolicy(
      { features: { 'queue-deadlines': { enabled: false }, 'page-health': { enabled: true, locked: true } } },
      { 'queue-deadlines': true, 'page-health': false },
    );
    expect(policy.features['queue-deadlines']).toEqual({
      id: 'queue-deadlines',
      enabled: false,
      locked: true,
      source: 'policy',
      reason: LOCKED_BY_POLICY,
    });
    expect(policy.features['page-health']).toMatchObject({
      enabled: true,
      locked: true,
      reason: 'Styrs av din organisation',
    });
    expect(policy.managedKeys).toEqual(['features']);
  });

  it('only policy can let a clinician switch a patient-safety feature off, or switch one off itself', () => {
    const unlocked = effectivePolicy(
      { features: { 'same-patient-guard': { locked: false } } },
      { 'same-patient-guard': false },
    );
    expect(unlocked.features['same-patient-guard']).toMatchObject({ enabled: false, locked: false, source: 'user' });
    expect(unlocked.features['same-patient-guard'].reason).toBe('Din organisation tillåter att den stängs av');
    const off = effectivePolicy({ features: { 'patient-safety-banner': { enabled: false, locked: true } } });
    expect(off.features['patient-safety-banner']).toMatchObject({ enabled: false, locked: true, source: 'policy' });
    // The other safety feature is untouched by a policy about the first.
    expect(off.features['same-patient-guard']).toMatchObject({ enabled: true, locked: true, source: 'patient-safety' });
  });

  it("an unlocked policy value is the default until the user chooses; `locked` alone locks the default 'on'", () => {
    const policy = effectivePolicy({
      features: { 'journal-panel': { enabled: false, locked: false }, 'no-reply-timer': { locked: true } },
    });
    expect(policy.features['journal-panel']).toMatchObject({ enabled: false, locked: false, source: 'policy' });
    expect(policy.features['no-reply-timer']).toMatchObject({ enabled: true, locked: true, source: 'policy' });
    const chosen = effectivePolicy(
      { features: { 'journal-panel': { enabled: false, locked: false } } },
      { 'journal-panel': true },
    );
    expect(chosen.features['journal-panel']).toMatchObject({ enabled: true, locked: false, source: 'user' });
  });
});

describe('effectivePolicy: invalid values are ignored with a visible reason, never a crash', () => {
  it('each wrong value costs only itself', () => {
    const policy = effectivePolicy({
      retentionHours: 100,
      bridgePort: 80,
      bridgeToken: 'short',
      defaultUnit: '   ',
      allowRuleImport: 'no',
      ruleSet: { schemaVersion: 3 },
      surprise: 1,
      features: {
        'same-patient-guard': { enabled: 'off', locked: true },
        'no-such-feature': { enabled: false },
        'page-health': 'off',
        'copy-patient-id': { enabled: false, color: 'red' },
      },
      defaultRole: 'Sjuksköterska',
    });
    const reasons = Object.fromEntries(policy.ignored.map((i) => [i.key, i.reason]));
    expect(reasons).toEqual({
      retentionHours: 'får vara högst 72 timmar',
      bridgePort: 'måste vara minst 1024',
      bridgeToken: 'minst 22 tecken base64url (A–Z, a–z, 0–9, - och _)',
      defaultUnit: 'får inte vara tom',
      allowRuleImport: 'måste vara true eller false',
      ruleSet: 'måste vara text (JSON)',
      surprise: 'okänd policynyckel',
      'features.same-patient-guard.enabled': 'enabled måste vara true eller false',
      'features.no-such-feature': 'okänd funktion',
      'features.page-health': 'måste vara ett objekt med enabled och locked',
      'features.copy-patient-id.color': 'okänt fält (bara enabled och locked)',
    });
    // What was valid is used: the lock without its broken value locks the default (on).
    expect(policy.features['same-patient-guard']).toMatchObject({ enabled: true, locked: true, source: 'policy' });
    expect(policy.features['copy-patient-id']).toMatchObject({ enabled: false, locked: true });
    expect(policy.defaultRole).toBe('Sjuksköterska');
    expect(policy.retentionHours).toBeUndefined();
    expect(policy.allowRuleImport).toBe(true);
    expect(policy.managedKeys.sort()).toEqual(['defaultRole', 'features']);
  });

  it('a hostile input (throwing getter) keeps what was read and says why the rest was not', () => {
    const hostile = new Proxy(
      { retentionHours: 12 },
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const policy = effectivePolicy(hostile);
    expect(policy.ignored).toEqual([
      { key: '', reason: 'policyn kunde inte läsas (boom)', id: 'unreadable-detail', values: ['boom'] },
    ]);
    expect(policy.features['same-patient-guard']).toMatchObject({ enabled: true, locked: true });
    expect(effectivePolicy('not an object').ignored).toEqual([
      { key: '', reason: 'policyn kunde inte läsas', id: 'unreadable' },
    ]);
  });

  it('allowRuleImport and the settings policy fixes are reported as managed', () => {
    const policy = effectivePolicy({ allowRuleImport: false, retentionHours: 24, bridgePort: 47125 });
    expect(policy).toMatchObject({ allowRuleImport: false, retentionHours: 24, bridgePort: 47125 });
    expect(policy.managedKeys.sort()).toEqual(['allowRuleImport', 'bridgePort', 'retentionHours']);
    expect(policy.ignored).toEqual([]);
  });
});
