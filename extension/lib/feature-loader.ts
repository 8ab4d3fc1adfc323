import type { Feature, FeatureContext } from '../features/feature';
import { logError } from './log';

export interface RunningFeatures {
  /** Starts the features newly in `enabled` and stops the ones no longer in it (policy changed live). */
  set(enabled: ReadonlySet<string>): void;
  stop(): void;
}

/**
 * Starts each feature in isolation: its own AbortController, not awaited one after another, and
 * a throw (sync or async) is attributed to that feature and logged once, never stopping others.
 * `onStopped` clears what a stopped feature left on the page (its panel slot, inline badges).
 */
export function startFeatures(
  features: readonly Feature[],
  contextFor: (feature: Feature) => FeatureContext,
  enabled: ReadonlySet<string>,
  onStopped: (feature: Feature) => void = () => {},
): RunningFeatures {
  const running = new Map<string, AbortController>();
  const start = (feature: Feature) => {
    const controller = new AbortController();
    running.set(feature.id, controller);
    Promise.resolve()
      .then(() => feature.init(contextFor(feature), controller.signal))
      .catch((error: unknown) => {
        controller.abort();
        logError(`feature ${feature.id} failed`, error);
      });
  };
  const set = (next: ReadonlySet<string>) => {
    for (const feature of features) {
      const controller = running.get(feature.id);
      if (next.has(feature.id) && !controller) start(feature);
      else if (!next.has(feature.id) && controller) {
        controller.abort();
        running.delete(feature.id);
        onStopped(feature);
      }
    }
  };
  set(enabled);
  return {
    set,
    stop: () => {
      for (const c of running.values()) c.abort();
      running.clear();
    },
  };
}
