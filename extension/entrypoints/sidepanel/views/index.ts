import type { FeatureView } from './view';

/**
 * The side panel's card of each feature that has one: every `<feature id>.tsx` beside this file
 * (its default export), in this order: what can harm the patient first, then the visit's routine,
 * the queue, the shift, and the companion's own state. A unit test keeps the list and the files
 * in step with the features' registry.
 */
export const VIEW_ORDER = [
  'shift-guard',
  'same-patient-guard',
  'patient-safety-banner',
  'copy-patient-id',
  'bridge-status',
  'no-reply-timer',
  'accept-reminder',
  'visit-routine',
  'close-visit-guard',
  'handover-guard',
  'ticket-guard',
  'ticket-receiving',
  'journal-panel',
  'queue-deadlines',
  'date-filter-refresh',
  'shift-end',
  'first-login-settings',
  'page-health',
  'support-info',
] as const;

const files = import.meta.glob<{ default: FeatureView }>('./*.tsx', { eager: true });
const byId = new Map(Object.values(files).map((m) => [m.default.id, m.default]));

export const FEATURE_VIEWS: readonly FeatureView[] = VIEW_ORDER.flatMap((id) => byId.get(id) ?? []);
