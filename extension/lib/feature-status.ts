import type { FeatureRunState } from '../../shared/routine/support-info';
import type { Feature } from '../features/feature';

/**
 * What each feature of this page is doing, for the support info (R-SUP-1): running, stopped
 * (off: switched off by policy or the clinician, or not started), not applicable on this page,
 * or failed (its start or one of its listeners threw). Ids and states only, never page data.
 */
export type FeatureState = FeatureRunState;

const states = new Map<string, FeatureState>();

export function markFeature(id: string, state: FeatureState): void {
  states.set(id, state);
}

/** Every feature of the page in registry order, with its state. */
export function featureStates(): { id: string; state: FeatureState }[] {
  return [...states].map(([id, state]) => ({ id, state }));
}

/**
 * The features, each wrapped so its state is recorded as the loader starts and stops it: all
 * are off until started; a failure stays "failed" when the loader then stops the feature.
 */
export function trackFeatures(features: readonly Feature[]): Feature[] {
  for (const feature of features) states.set(feature.id, 'off');
  return features.map((feature) => ({
    ...feature,
    init(ctx, signal) {
      const id = feature.id;
      states.set(id, 'running');
      signal.addEventListener('abort', () => {
        if (states.get(id) !== 'failed') states.set(id, 'off');
      });
      // biome-ignore lint/suspicious/noConfusingVoidType: a feature's init returns void or false.
      const settle = (result: void | false) => {
        if (result === false && !signal.aborted) states.set(id, 'not-applicable');
        return result;
      };
      const failed = (error: unknown): never => {
        states.set(id, 'failed');
        throw error;
      };
      try {
        const result = feature.init(ctx, signal);
        return result instanceof Promise ? result.then(settle, failed) : settle(result);
      } catch (error) {
        return failed(error);
      }
    },
  }));
}
