import { describe, expect, it, vi } from 'vitest';
import type { Feature, FeatureContext } from '../../extension/features/feature';
import { startFeatures } from '../../extension/lib/feature-loader';
import { featureStates, markFeature, trackFeatures } from '../../extension/lib/feature-status';

vi.mock('../../extension/lib/log', () => ({ logError: () => {} }));

/** R-SUP-1: the support info names what each feature is doing, as the loader starts and stops it. */
const feature = (id: string, init: Feature['init']): Feature => ({ id, title: id, rules: ['R-SUP-1'], init });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('feature states for the support info', () => {
  it('running, not applicable, failed (sync, async, a listener), off (never started or stopped)', async () => {
    const features = trackFeatures([
      feature('ok', () => {}),
      feature('elsewhere', () => false),
      feature('throws', () => {
        throw new Error('boom');
      }),
      feature('rejects', async () => {
        throw new Error('boom');
      }),
      feature('listener', () => {}),
      feature('switched-off', () => {}),
    ]);
    const running = startFeatures(
      features,
      () => ({}) as FeatureContext,
      new Set(['ok', 'elsewhere', 'throws', 'rejects', 'listener']),
    );
    await flush();
    // The companion's guard marks a listener that throws.
    markFeature('listener', 'failed');
    expect(featureStates()).toEqual([
      { id: 'ok', state: 'running' },
      { id: 'elsewhere', state: 'not-applicable' },
      { id: 'throws', state: 'failed' },
      { id: 'rejects', state: 'failed' },
      { id: 'listener', state: 'failed' },
      { id: 'switched-off', state: 'off' },
    ]);
    running.set(new Set(['elsewhere']));
    expect(featureStates().find((f) => f.id === 'ok')?.state).toBe('off');
    expect(featureStates().find((f) => f.id === 'throws')?.state).toBe('failed');
  });
});
