// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { readSnapshot, registryFor } from '../../extension/clinic';
import type { FeatureContext } from '../../extension/features/feature';
import queueDeadlines from '../../extension/features/queue-deadlines';
import { defaultRuleSet } from '../../shared/rules/default';
import { stubUi } from './stub-feature-ui';

const logged: string[] = [];
vi.mock('../../extension/lib/log', () => ({ logError: (what: string) => logged.push(what) }));
vi.mock('../../extension/clinic/warm-up', () => ({
  warmUpQueueRead: () => {
    throw new Error('a console the warm-up did not foresee');
  },
}));

describe('the queue warm-up failing (issue 16)', () => {
  it('R-Q-1: is logged as ours; nothing is thrown into the console page, and the feature keeps running', async () => {
    document.body.innerHTML = '<main><h1>Startsida</h1></main>';
    const registry = registryFor(defaultRuleSet);
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => {});
    const shown: unknown[] = [];
    const ctx = {
      ui: stubUi(),
      panel: { show: (model: unknown) => shown.push(model) },
      now: () => new Date('2024-06-03T07:00:00Z'),
      rules: () => defaultRuleSet,
      registry: () => registry,
      snapshot: () => readSnapshot(document, registry),
      onSnapshot: () => {},
    } as unknown as FeatureContext;
    const stop = new AbortController();
    await queueDeadlines.init(ctx, stop.signal);
    expect(idle).toHaveLength(1);
    expect(() => idle[0]!()).not.toThrow();
    expect(logged).toEqual(['queue deadlines warm-up']);
    // Its 1 s tick still draws (the feature was not stopped by the warm-up).
    const before = shown.length;
    await new Promise((r) => setTimeout(r, 1100));
    expect(shown.length).toBeGreaterThan(before);
    stop.abort();
    vi.unstubAllGlobals();
  });
});
