import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { effectiveRulesItem, loadEffectiveRules } from '../../extension/lib/rules';
import { defineItem, defineRecordSet } from '../../extension/lib/storage';
import { defaultRuleSet } from '../../shared/rules/default';

/**
 * Typed storage: one definition per record, a stored value that is not the record reads as
 * absent (never half-right), changes are followed, and an older shape is migrated once.
 */
beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('browser', fakeBrowser);
});
afterEach(() => vi.unstubAllGlobals());

const count = () =>
  defineItem('local', 'count', { fallback: 0, parse: (raw) => (typeof raw === 'number' ? raw : null) });

describe('defineItem', () => {
  it('reads the fallback when nothing or something else is stored', async () => {
    const item = count();
    expect(await item.get()).toBe(0);
    await fakeBrowser.storage.local.set({ count: 'three' });
    expect(await item.get()).toBe(0);
    await item.set(3);
    expect(await item.get()).toBe(3);
    expect(await fakeBrowser.storage.local.get('count')).toEqual({ count: 3 });
  });

  it('follows changes until the signal aborts; a removal reads as the fallback', async () => {
    const item = count();
    const seen: number[] = [];
    const life = new AbortController();
    item.watch((v) => seen.push(v), life.signal);
    await item.set(1);
    await item.remove();
    life.abort();
    await item.set(2);
    expect(seen).toEqual([1, 0]);
  });
});

describe('defineRecordSet', () => {
  const visits = () =>
    defineRecordSet(
      'local',
      (key) => key.startsWith('v:'),
      (raw) => (typeof raw === 'string' ? raw : null),
    );

  it('lists its own keys only; an unreadable record is listed as null (for the purge)', async () => {
    await fakeBrowser.storage.local.set({ 'v:1': 'a', 'v:2': 5, other: 'x' });
    expect(await visits().all()).toEqual([
      ['v:1', 'a'],
      ['v:2', null],
    ]);
  });

  it('reports each changed record, null when removed', async () => {
    const set = visits();
    const seen: [string, string | null][] = [];
    set.watch((key, value) => seen.push([key, value]));
    await set.setMany({ 'v:1': 'a', 'v:2': 'b' });
    await fakeBrowser.storage.local.set({ other: 'x' });
    await set.remove(['v:1']);
    expect(seen).toEqual([
      ['v:1', 'a'],
      ['v:2', 'b'],
      ['v:1', null],
    ]);
  });
});

describe('the rule set in force', () => {
  // The rule set's schemaVersion is the record's version (a rule set is migrated where it is imported).
  it('an effective rule set of an older schema version reads as the default until re-resolved', async () => {
    const stale = { rules: { ...defaultRuleSet, schemaVersion: 2 }, source: 'superuser', refused: [], resolvedAt: 'x' };
    await fakeBrowser.storage.local.set({ [effectiveRulesItem.key]: stale });
    expect((await loadEffectiveRules()).source).toBe('default');
    await fakeBrowser.storage.local.set({ [effectiveRulesItem.key]: { ...stale, rules: defaultRuleSet } });
    expect((await loadEffectiveRules()).source).toBe('superuser');
  });
});
