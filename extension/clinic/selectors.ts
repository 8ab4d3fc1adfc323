import type { ClinicField, SelectorOverrides, SelectorStrategy } from '../../shared/selector-strategy';

/**
 * The selector registry: the only place that knows how the Clinic console's DOM looks. Every
 * entry is anchored on what a clinician sees (Swedish labels, headings, ARIA roles, text
 * patterns), never on class names, and can be replaced by a rule set's `selectorOverrides`.
 * `within` names the field whose element scopes the search; `route` where the field must exist
 * (a selector test asserts exactly that on saved simulator pages).
 */
export type SelectorRegistry = Record<ClinicField, SelectorEntry>;

export interface SelectorEntry {
  strategies: readonly SelectorStrategy[];
  within?: ClinicField;
  route: 'visit' | 'drop-in' | 'any';
}

export const SELECTORS: SelectorRegistry = {
  visitView: {
    route: 'visit',
    strategies: [
      { kind: 'role', role: 'main' },
      { kind: 'css', selector: 'main' },
    ],
  },
  patientHeader: {
    route: 'visit',
    within: 'visitView',
    strategies: [
      { kind: 'label', label: 'Patient', exact: true },
      { kind: 'label', label: 'Patientuppgifter', exact: true },
    ],
  },
  patientName: { route: 'visit', within: 'patientHeader', strategies: [{ kind: 'css', selector: 'h1' }] },
  /** A text that looks like a personnummer inside the header; validated by the reader. */
  patientId: {
    route: 'visit',
    within: 'patientHeader',
    strategies: [{ kind: 'text-pattern', pattern: String.raw`(?<!\d)(\d{6}|\d{8})[-+]?\d{4}(?!\d)` }],
  },
  protectionMarker: {
    route: 'visit',
    within: 'patientHeader',
    strategies: [
      { kind: 'text-pattern', pattern: '^(Skyddade personuppgifter|Sekretessmarkering|Skyddad folkbokföring)$' },
    ],
  },
  priority: {
    route: 'visit',
    within: 'visitView',
    strategies: [{ kind: 'heading', text: 'Triage resultat och prioritet', exact: true }],
  },
  anamnesis: { route: 'visit', within: 'visitView', strategies: [{ kind: 'heading', text: 'Anamnes', exact: true }] },
  originalAnswers: {
    route: 'visit',
    within: 'visitView',
    strategies: [{ kind: 'heading', text: 'Originalsvar', exact: true }],
  },
  uploads: {
    route: 'visit',
    within: 'visitView',
    strategies: [{ kind: 'heading', text: 'Uppladdningar', exact: true }],
  },
  guardians: {
    route: 'any',
    within: 'visitView',
    strategies: [{ kind: 'heading', text: 'Vårdnadshavare', exact: true }],
  },
  chatLog: {
    route: 'visit',
    within: 'visitView',
    strategies: [
      { kind: 'role', role: 'log', name: 'Meddelanden' },
      { kind: 'role', role: 'log' },
    ],
  },
  chatComposer: {
    route: 'visit',
    within: 'visitView',
    strategies: [{ kind: 'label', label: 'Skriv ett meddelande', exact: true }],
  },
  /** The visit's facts: a region whose definition list holds "Besöksstatus", "Besöket startade". */
  visitState: {
    route: 'visit',
    within: 'visitView',
    strategies: [
      { kind: 'label', label: 'Besök', exact: true },
      { kind: 'heading', text: 'Besöksstatus', exact: true },
    ],
  },
  visitStartedAt: {
    route: 'visit',
    within: 'visitState',
    strategies: [
      { kind: 'term', term: 'Besöket startade' },
      { kind: 'term', term: 'Ankomst' },
    ],
  },
  queueTable: {
    route: 'drop-in',
    strategies: [
      { kind: 'label', label: 'Väntar i kö', exact: true },
      { kind: 'css', selector: '[role="tabpanel"] table' },
    ],
  },
  globalFilter: { route: 'any', strategies: [{ kind: 'label', label: 'Globalt filter', exact: true }] },
  shiftState: { route: 'any', strategies: [{ kind: 'label', label: 'Skift', exact: true }] },
};

/**
 * The registry for a rule set: its protection markers (R-PI-2) become the marker strategy, and
 * its selector overrides replace a field's list.
 */
export function registryFor(rules: {
  selectorOverrides?: SelectorOverrides;
  protectedIdentity?: { markers: readonly string[] };
}): SelectorRegistry {
  const markers = rules.protectedIdentity?.markers ?? [];
  const base =
    markers.length === 0
      ? SELECTORS
      : {
          ...SELECTORS,
          protectionMarker: {
            ...SELECTORS.protectionMarker,
            strategies: [{ kind: 'text-pattern', pattern: `^(${markers.map(escapeRegExp).join('|')})$` } as const],
          },
        };
  return withOverrides(base, rules.selectorOverrides);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The registry with overrides applied: an override replaces a field's list. */
export function withOverrides(base: SelectorRegistry, overrides: SelectorOverrides | undefined): SelectorRegistry {
  if (!overrides) return base;
  const merged = { ...base };
  for (const [field, strategies] of Object.entries(overrides) as [ClinicField, SelectorStrategy[]][]) {
    if (strategies && strategies.length > 0 && field in merged) merged[field] = { ...merged[field], strategies };
  }
  return merged;
}

/** System lines in the chat that tell which contact channels a visit used (R-J-3, R-J-4). */
export const CALL_EVENT_PATTERNS = {
  video: /^Videosamtal (startat|avslutat|pågår)/u,
  phone: /^Ljudsamtal (startat|avslutat|pågår)/u,
} as const;
