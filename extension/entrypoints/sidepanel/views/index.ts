import acceptReminder from './accept-reminder';
import type { FeatureView } from './view';

/**
 * The side panel's card for each feature that has one, in the order of the features' registry
 * (extension/features/index.ts; a unit test keeps the two in step).
 */
export const FEATURE_VIEWS: readonly FeatureView[] = [acceptReminder];
