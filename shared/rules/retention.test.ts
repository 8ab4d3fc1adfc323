import { describe, expect, it } from 'vitest';
import { defaultRuleSet, parseRuleSet, type RuleSet } from './index';

/**
 * Issue 11: per-visit data (the patient's anamnesis in drafts among it) is kept at most 72 hours,
 * whatever a rule set says; a larger value is refused with its path named, and the rules in force
 * stay.
 */
const withHours = (visitDataHours: number): RuleSet => ({
  ...structuredClone(defaultRuleSet),
  retention: { visitDataHours },
});

describe('retention.visitDataHours is capped at 72', () => {
  it.each([1, 24, 72])('%i hours is accepted', (hours) => {
    expect(parseRuleSet(withHours(hours))).toMatchObject({ ok: true, rules: { retention: { visitDataHours: hours } } });
  });

  it.each([73, 24 * 365, 1e9])('%i hours is refused, naming the path', (hours) => {
    const result = parseRuleSet(withHours(hours));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual(['retention.visitDataHours: får vara högst 72 timmar']);
  });
});
