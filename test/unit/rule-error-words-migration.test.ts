import { describe, expect, it, vi } from 'vitest';
import { ruleErrorWords } from '../../extension/lib/rule-error-words';
import { defaultRuleSet, parseRuleSet } from '../../shared/rules';

// A chain with a missing step: the one error that cannot happen while every migration exists.
vi.mock('../../shared/rules/migrations', () => ({ MIGRATIONS: [] }));

describe('the rule-error words, when no migration exists', () => {
  it('say in Swedish exactly what shared/ says', () => {
    const result = parseRuleSet({ ...defaultRuleSet, schemaVersion: 1 });
    if (result.ok) throw new Error('expected the old file to be refused');
    expect(result.errors.map((e) => e.id)).toEqual(['no-migration']);
    for (const error of result.errors) expect(ruleErrorWords(error)).toBe(error.message);
  });
});
