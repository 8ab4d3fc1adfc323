import type { Feature, FeatureContext } from '../features/feature';
import { logError } from './log';

/**
 * Starts each feature in isolation: its own AbortController, not awaited one after another, and
 * a throw (sync or async) is attributed to that feature and logged once, never stopping others.
 */
export function startFeatures(
  features: readonly Feature[],
  contextFor: (feature: Feature) => FeatureContext,
  disabled: ReadonlySet<string>,
): { stop(): void } {
  const controllers: AbortController[] = [];
  for (const feature of features) {
    if (disabled.has(feature.id)) continue;
    const controller = new AbortController();
    controllers.push(controller);
    Promise.resolve()
      .then(() => feature.init(contextFor(feature), controller.signal))
      .catch((error: unknown) => {
        controller.abort();
        logError(`feature ${feature.id} failed`, error);
      });
  }
  return {
    stop: () => {
      for (const c of controllers) c.abort();
    },
  };
}
