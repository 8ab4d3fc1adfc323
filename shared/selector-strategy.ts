/**
 * How the page adapter finds one field of the Clinic console, as data. The adapter's registry
 * holds the default strategies; a rule set may override any field's list without a release.
 * Strategies are tried in order; the first that yields exactly one value wins. None is anchored
 * on class names: Clinic's are generated and change with every deploy.
 */
export type SelectorStrategy =
  /** A region or control whose accessible name (aria-label, aria-labelledby, <label>) matches. */
  | { kind: 'label'; label: string; exact?: boolean }
  /** A section introduced by a visible heading whose text matches. */
  | { kind: 'heading'; text: string; exact?: boolean }
  /** An ARIA role, optionally with its accessible name. */
  | { kind: 'role'; role: string; name?: string }
  /** The value beside a visible term in a definition list (<dt>term</dt><dd>value</dd>). */
  | { kind: 'term'; term: string }
  /** Visible text matching a regular expression (source, flags `u` added), inside the field's scope. */
  | { kind: 'text-pattern'; pattern: string }
  /** Last resort for superusers when the console changed: a CSS selector. */
  | { kind: 'css'; selector: string };

/** The fields the adapter reads; every one can be overridden by a rule set. */
export const CLINIC_FIELDS = [
  'visitView',
  'patientHeader',
  'patientName',
  'patientId',
  'protectionMarker',
  'priority',
  'anamnesis',
  'originalAnswers',
  'uploads',
  'guardians',
  'chatLog',
  'chatComposer',
  'visitState',
  'visitStartedAt',
  'queueTable',
  'globalFilter',
  'shiftState',
  'clinicianIdentity',
  /** The page's banner (top bar): where the danger bar finds free space (issue 14). */
  'pageBanner',
] as const;
export type ClinicField = (typeof CLINIC_FIELDS)[number];

export type SelectorOverrides = Partial<Record<ClinicField, SelectorStrategy[]>>;
