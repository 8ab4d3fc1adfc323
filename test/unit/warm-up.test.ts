import { afterEach, describe, expect, it, vi } from 'vitest';
import { registryFor } from '../../extension/clinic';
import { warmUpPatterns } from '../../extension/clinic/warm-up';
import { defaultRuleSet } from '../../shared/rules/default';

describe('warmUpPatterns (issue 16: the vocabulary compiled while idle)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs every vocabulary pattern twice (compiled, then tiered up), and reads nothing', () => {
    const registry = registryFor(defaultRuleSet);
    const { column, authors: _authors, ...single } = registry.match;
    const patterns = [...Object.values(single), ...Object.values(column)].filter((p): p is RegExp => p !== null);
    expect(patterns.length).toBeGreaterThan(8);
    const ran = new Map<RegExp, number>();
    const test = RegExp.prototype.test;
    vi.spyOn(RegExp.prototype, 'test').mockImplementation(function (this: RegExp, text: string) {
      ran.set(this, (ran.get(this) ?? 0) + 1);
      return test.call(this, text);
    });
    warmUpPatterns(registry);
    for (const pattern of patterns) expect(ran.get(pattern), pattern.source).toBe(2);
  });

  it("a registry with a superuser's added words warms those too", () => {
    const registry = registryFor({ ...defaultRuleSet, protectedIdentity: { markers: ['Sekretessmarkering X'] } });
    const seen: string[] = [];
    const test = RegExp.prototype.test;
    vi.spyOn(RegExp.prototype, 'test').mockImplementation(function (this: RegExp, text: string) {
      seen.push(this.source);
      return test.call(this, text);
    });
    warmUpPatterns(registry);
    expect(seen.some((s) => s.includes('Sekretessmarkering\\s+X'))).toBe(true);
  });
});
