import { type QueueThresholds, queueThresholdsFrom } from './queue';
import { defaultRuleSet } from './rules/default';

/**
 * Region Uppsala's queue thresholds, from its rule set (no second constant). Apart from
 * shared/queue.ts: the content script applies the rule set in force and carries no default.
 */
export const DEFAULT_QUEUE_THRESHOLDS: Readonly<QueueThresholds> = Object.freeze(
  queueThresholdsFrom(defaultRuleSet.timers),
);
