import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bumpForApply, checkDraft, diffRuleSets, nextVersion, partSources, pushHistory } from './editor';
import { defaultRuleSet, ruleSetDigest } from './index';

const withTimer = (minutes: unknown) => {
  const draft = structuredClone(defaultRuleSet) as unknown as { timers: Record<string, unknown> };
  draft.timers.replyWindowMinutes = minutes;
  return JSON.stringify(draft);
};

describe('rule editor logic (issue 13)', () => {
  it('Kontrollera names a wrong value by its path, in Swedish; a fixed value passes', () => {
    const bad = checkDraft(withTimer(-5));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toContain('timers.replyWindowMinutes');
    const good = checkDraft(withTimer(90));
    expect(good.ok && good.rules.timers.replyWindowMinutes).toBe(90);
  });

  it('an invalid file is refused whole with every error listed', () => {
    const draft = structuredClone(defaultRuleSet) as unknown as Record<string, Record<string, unknown>>;
    draft.timers!.replyWindowMinutes = 0;
    draft.meta!.name = '';
    const result = checkDraft(JSON.stringify(draft));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.path)).toEqual(
        expect.arrayContaining(['timers.replyWindowMinutes', 'meta.name']),
      );
  });

  it('an older file is migrated and says so', () => {
    const dir = new URL('./examples/', import.meta.url);
    const v2 = readFileSync(new URL('v2.json', dir), 'utf8');
    const result = checkDraft(v2);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.migratedFrom).toBe(2);
      expect(result.note).toContain('schemaversion 2');
    }
  });

  it('Tillämpa bumps an unchanged version and dates the rule set; a version the superuser wrote is kept', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    const draft = structuredClone(defaultRuleSet);
    draft.timers.replyWindowMinutes = 90;
    const bumped = bumpForApply(draft, defaultRuleSet, now);
    expect(bumped.meta.version).toBe(nextVersion(defaultRuleSet.meta.version));
    expect(bumped.meta.updatedAt).toBe('2026-11-30');
    expect(nextVersion('1.0.9')).toBe('1.0.10');
    expect(nextVersion('vår')).toBe('vår.1');
    draft.meta.version = '2.0.0';
    expect(bumpForApply(draft, defaultRuleSet, now).meta.version).toBe('2.0.0');
  });

  it('the diff lists each changed value by path', () => {
    const after = structuredClone(defaultRuleSet);
    after.timers.replyWindowMinutes = 90;
    after.units = [...after.units, 'Ny enhet'];
    expect(diffRuleSets(defaultRuleSet, after)).toEqual([
      { path: 'timers.replyWindowMinutes', before: defaultRuleSet.timers.replyWindowMinutes, after: 90 },
      { path: 'units', before: defaultRuleSet.units, after: after.units },
    ]);
    expect(diffRuleSets(defaultRuleSet, structuredClone(defaultRuleSet))).toEqual([]);
  });

  it('each part says where it comes from: policy (all of it), superuser (changed) or default', () => {
    const rules = structuredClone(defaultRuleSet);
    rules.timers.replyWindowMinutes = 90;
    const mine = partSources(rules, 'superuser');
    expect(mine.find((p) => p.part === 'timers')?.source).toBe('superuser');
    expect(mine.find((p) => p.part === 'phrases')?.source).toBe('default');
    expect(partSources(rules, 'policy').every((p) => p.source === 'policy')).toBe(true);
  });

  it('keeps the last 10 applied versions, newest first', () => {
    let history: ReturnType<typeof pushHistory> = [];
    for (let i = 0; i < 12; i++) {
      const rules = structuredClone(defaultRuleSet);
      rules.meta.version = `v${i}`;
      history = pushHistory(history, { rules, appliedAt: `2026-11-30T10:${10 + i}:00Z`, digest: ruleSetDigest(rules) });
    }
    expect(history.map((h) => h.rules.meta.version)).toEqual([
      'v11',
      'v10',
      'v9',
      'v8',
      'v7',
      'v6',
      'v5',
      'v4',
      'v3',
      'v2',
    ]);
  });
});

it('key order is no difference (browser storage returns objects re-ordered)', () => {
  const shuffledTimers = Object.fromEntries(
    Object.entries(defaultRuleSet.timers).reverse(),
  ) as typeof defaultRuleSet.timers;
  const rules = { ...defaultRuleSet, timers: shuffledTimers };
  expect(diffRuleSets(defaultRuleSet, rules)).toEqual([]);
  expect(partSources(rules, 'default').every((p) => p.source === 'default')).toBe(true);
});
