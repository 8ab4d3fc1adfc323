import { describe, expect, it } from 'vitest';
import { defaultRuleSet, type RuleSet } from '../rules';
import { effectivePolicy } from './effective';
import { resolvePolicyRules } from './rules';

const named = (name: string): RuleSet => ({ ...defaultRuleSet, meta: { ...defaultRuleSet.meta, name } });
const resolve = (managed: Record<string, unknown>, superuserRuleSet?: unknown, lastGood?: RuleSet) =>
  resolvePolicyRules({ policy: effectivePolicy(managed), superuserRuleSet, lastGood });

describe('resolvePolicyRules: policy > superuser > defaults', () => {
  it('policy’s rule set wins over the superuser’s import, which wins over the default', () => {
    expect(resolve({ ruleSet: JSON.stringify(named('IT')) }, named('Superuser'))).toMatchObject({
      source: 'policy',
      rules: { meta: { name: 'IT' } },
    });
    expect(resolve({}, named('Superuser'))).toMatchObject({
      source: 'superuser',
      rules: { meta: { name: 'Superuser' } },
    });
    expect(resolve({})).toMatchObject({ source: 'default', rules: defaultRuleSet, refused: [], ignored: [] });
  });

  it('a valid-but-wrong policy rule set is refused with every error, and the last good rule set stays', () => {
    const wrong = { ...defaultRuleSet, timers: { ...defaultRuleSet.timers, replyWindowMinutes: -5 }, units: [] };
    const result = resolve({ ruleSet: JSON.stringify(wrong) }, undefined, named('Last good'));
    expect(result.source).toBe('last-good');
    expect(result.rules.meta.name).toBe('Last good');
    expect(result.refused[0]?.source).toBe('policy');
    expect(result.refused[0]?.errors.map((e) => e.path).sort()).toEqual([
      'restrictions[0].unit',
      'timers.replyWindowMinutes',
      'units',
    ]);
  });

  it('allowRuleImport false: the superuser’s import is not used, and that is said', () => {
    const result = resolve({ allowRuleImport: false }, named('Superuser'));
    expect(result.source).toBe('default');
    expect(result.ignored).toEqual([
      {
        key: 'allowRuleImport',
        reason: 'den importerade regeluppsättningen används inte: din organisation tillåter inte import',
        id: 'import-not-allowed',
      },
    ]);
  });
});

describe('resolvePolicyRules: parts set by policy on top of the rule set in force', () => {
  it('a versioned override replaces whole parts and is validated as a whole rule set', () => {
    const timers = { ...defaultRuleSet.timers, acceptWithinMinutes: 20 };
    const result = resolve({ ruleSetOverride: JSON.stringify({ schemaVersion: 3, timers }) }, named('Superuser'));
    expect(result).toMatchObject({ source: 'superuser', adjustedBy: ['ruleSetOverride'], refused: [] });
    expect(result.rules.timers.acceptWithinMinutes).toBe(20);
    expect(result.rules.meta.name).toBe('Superuser');
  });

  it('an override for another schema version, of unknown parts or breaking the rule set is refused with reasons', () => {
    const old = resolve({ ruleSetOverride: JSON.stringify({ schemaVersion: 2, timers: defaultRuleSet.timers }) });
    expect(old.refused[0]?.source).toBe('ruleSetOverride');
    expect(old.refused[0]?.errors[0]?.message).toMatch(/^schemaVersion: måste vara 3/);
    expect(old.rules).toEqual(defaultRuleSet);
    const unknown = resolve({ ruleSetOverride: '{"schemaVersion":3,"colours":{}}' });
    expect(unknown.refused[0]?.errors.map((e) => e.path)).toEqual(['colours']);
    const breaking = resolve({ ruleSetOverride: JSON.stringify({ schemaVersion: 3, units: ['Annan enhet'] }) });
    expect(breaking.refused[0]?.errors.some((e) => e.path === 'restrictions[0].unit')).toBe(true);
    expect(resolve({ ruleSetOverride: '{not json' }).refused[0]?.errors[0]?.message).toMatch(/är inte giltig JSON/);
  });

  it('selector overrides replace the rule set’s list field by field; a bad one is refused with its path', () => {
    const patientId = [{ kind: 'label', label: 'Personnr' }];
    const result = resolve({ selectorOverrides: JSON.stringify({ patientId }) });
    expect(result.rules.selectorOverrides.patientId).toEqual(patientId);
    expect(result.adjustedBy).toEqual(['selectorOverrides']);
    const bad = resolve({ selectorOverrides: JSON.stringify({ patientId: [] }) });
    expect(bad.refused[0]?.source).toBe('selectorOverrides');
    expect(bad.refused[0]?.errors[0]?.path).toBe('selectorOverrides.patientId');
    expect(bad.rules.selectorOverrides).toEqual(defaultRuleSet.selectorOverrides);
  });

  it('retention from policy replaces the rule set’s (capped at 72 by the schema)', () => {
    expect(resolve({ retentionHours: 8 }).rules.retention.visitDataHours).toBe(8);
    const tooLong = resolve({ retentionHours: 200 });
    expect(tooLong.rules.retention.visitDataHours).toBe(defaultRuleSet.retention.visitDataHours);
  });

  it('default unit and role are used only when the rule set in force knows them', () => {
    const ok = resolve({ defaultUnit: '1177 direkt Uppsala län', defaultRole: 'Läkare' });
    expect(ok).toMatchObject({ defaultUnit: '1177 direkt Uppsala län', defaultRole: 'Läkare', ignored: [] });
    const unknown = resolve({ defaultUnit: 'Vårdcentralen Nord', defaultRole: 'Kurator' });
    expect(unknown.defaultUnit).toBeUndefined();
    expect(unknown.ignored.map((i) => i.reason)).toEqual([
      "'Vårdcentralen Nord' finns inte i regeluppsättningens units",
      "'Kurator' finns inte i regeluppsättningens roles",
    ]);
  });
});
