import {
  type AdapterVocabulary,
  type AdapterVocabularyAdditions,
  vocabularyWith,
  wordPattern,
} from '../../shared/adapter-vocabulary';
import type { ClinicField, SelectorOverrides, SelectorStrategy } from '../../shared/selector-strategy';

/**
 * The selector registry: the only place that knows how the Clinic console's DOM looks. Every
 * entry is anchored on what a clinician sees (Swedish labels, headings, ARIA roles, `<dt>`
 * terms), never on class names; the words come from the adapter vocabulary (defaults plus the
 * rule set's additions), and a rule set's `selectorOverrides` replace a field's list. `within`
 * names the field whose element scopes the search.
 */
export interface SelectorEntry {
  strategies: readonly SelectorStrategy[];
  within?: ClinicField;
}

export interface SelectorRegistry {
  fields: Record<ClinicField, SelectorEntry>;
  vocabulary: AdapterVocabulary;
  /** The vocabulary compiled once per registry (a read runs on every page change). */
  match: VocabularyMatchers;
}

export interface VocabularyMatchers {
  identityLabel: RegExp | null;
  otherPerson: RegExp | null;
  phone: RegExp | null;
  marker: RegExp | null;
  callVideo: RegExp | null;
  callPhone: RegExp | null;
  /** Author word → kind, lower-cased. */
  authors: Map<string, 'patient' | 'clinician' | 'system'>;
  queueName: RegExp | null;
  column: { priority: RegExp | null; patient: RegExp | null; arrival: RegExp | null; waited: RegExp | null };
  role: RegExp | null;
}

const labels = (words: readonly string[]): SelectorStrategy[] =>
  words.map((label) => ({ kind: 'label', label, exact: true }));
const headings = (...texts: string[]): SelectorStrategy[] =>
  texts.map((text) => ({ kind: 'heading', text, exact: true }));
const terms = (...names: string[]): SelectorStrategy[] => names.map((term) => ({ kind: 'term', term }));
/** A section: introduced by a visible heading, or a region named by a label (aria-labelledby a <p>). */
const section = (...names: string[]): SelectorStrategy[] => [...headings(...names), ...labels(names)];

function defaultFields(v: AdapterVocabulary): Record<ClinicField, SelectorEntry> {
  return {
    visitView: {
      strategies: [
        { kind: 'role', role: 'main' },
        { kind: 'css', selector: 'main' },
      ],
    },
    patientHeader: { within: 'visitView', strategies: [...labels(v.patientHeader), ...headings(...v.patientHeader)] },
    patientName: {
      within: 'patientHeader',
      strategies: [
        { kind: 'css', selector: 'h1' },
        ...terms('Namn', 'Patientens namn'),
        { kind: 'role', role: 'heading' },
      ],
    },
    /** Read by meaning (labels, see patient-identity.ts); an override narrows where to look. */
    patientId: { within: 'patientHeader', strategies: [] },
    /** Read from the vocabulary's markers in text, aria-label and title (protection.ts). */
    protectionMarker: { within: 'patientHeader', strategies: [] },
    priority: {
      within: 'visitView',
      strategies: section('Triage resultat och prioritet', 'Triage', 'Brådskegrad', 'Prioritet'),
    },
    anamnesis: { within: 'visitView', strategies: section('Anamnes') },
    originalAnswers: { within: 'visitView', strategies: section('Originalsvar') },
    uploads: { within: 'visitView', strategies: section('Uppladdningar', 'Bilder', 'Bifogade filer') },
    guardians: { within: 'visitView', strategies: section('Vårdnadshavare') },
    chatLog: {
      within: 'visitView',
      strategies: [
        { kind: 'role', role: 'log', name: 'Meddelanden' },
        { kind: 'role', role: 'log', name: 'Chatt' },
        { kind: 'role', role: 'log' },
        { kind: 'role', role: 'list', name: 'Meddelanden' },
        { kind: 'role', role: 'feed', name: 'Meddelanden' },
      ],
    },
    chatComposer: { within: 'visitView', strategies: labels(['Skriv ett meddelande', 'Meddelande']) },
    visitState: {
      within: 'visitView',
      strategies: section('Besök', 'Besöksinformation', 'Besöksuppgifter', 'Besöksstatus'),
    },
    visitStartedAt: { within: 'visitState', strategies: terms('Besöket startade', 'Startad', 'Ankomst', 'Ankom') },
    // Not exact: a queue's name may carry its count ("Väntar i kö 6").
    queueTable: {
      strategies: [
        ...v.queueNames.map((label): SelectorStrategy => ({ kind: 'label', label })),
        ...headings(...v.queueNames),
        { kind: 'css', selector: '[role="tabpanel"] table' },
      ],
    },
    globalFilter: { strategies: labels(['Globalt filter']) },
    shiftState: { strategies: labels(['Skift', 'Arbetspass']) },
    clinicianIdentity: {
      strategies: v.mainMenu.map((name): SelectorStrategy => ({ kind: 'role', role: 'navigation', name })),
    },
    pageBanner: { strategies: [{ kind: 'role', role: 'banner' }] },
  };
}

function compile(v: AdapterVocabulary): VocabularyMatchers {
  const authors = new Map<string, 'patient' | 'clinician' | 'system'>();
  for (const kind of ['system', 'clinician', 'patient'] as const) {
    for (const word of v.chatAuthors[kind]) authors.set(word.toLocaleLowerCase('sv'), kind);
  }
  return {
    identityLabel: wordPattern(v.identityLabels),
    otherPerson: wordPattern(v.otherPersonWords, true),
    phone: wordPattern(v.phoneWords, true),
    marker: wordPattern(v.protectionMarkers),
    callVideo: callEvent(v.callEvents.video),
    callPhone: callEvent(v.callEvents.phone),
    authors,
    queueName: wordPattern(v.queueNames),
    column: {
      priority: wordPattern(v.queueColumns.priority),
      patient: wordPattern(v.queueColumns.patient),
      arrival: wordPattern(v.queueColumns.arrival),
      waited: wordPattern(v.queueColumns.waited),
    },
    role: wordPattern(v.roles),
  };
}

/** A call event is a system line that starts with the call's word ("Videomöte avslutades (12 min)"). */
function callEvent(words: readonly string[]): RegExp | null {
  const anywhere = wordPattern(words);
  return anywhere ? new RegExp(`^\\s*${anywhere.source}`, 'iu') : null;
}

/** The registry for a vocabulary and overrides: an override replaces a field's whole list. */
function buildRegistry(vocabulary: AdapterVocabulary, overrides?: SelectorOverrides): SelectorRegistry {
  const fields = defaultFields(vocabulary);
  for (const [field, strategies] of Object.entries(overrides ?? {}) as [ClinicField, SelectorStrategy[]][]) {
    if (strategies && strategies.length > 0 && field in fields) fields[field] = { ...fields[field], strategies };
  }
  return { fields, vocabulary, match: compile(vocabulary) };
}

/**
 * The registry for a rule set: its protection markers (R-PI-2), roles and vocabulary are added
 * to the defaults, and its selector overrides replace a field's list — no release needed.
 */
export function registryFor(rules: {
  selectorOverrides?: SelectorOverrides;
  protectedIdentity?: { markers: readonly string[] };
  roles?: readonly string[];
  adapterVocabulary?: AdapterVocabularyAdditions;
}): SelectorRegistry {
  const vocabulary = vocabularyWith(rules.adapterVocabulary, rules.protectedIdentity?.markers, rules.roles);
  return buildRegistry(vocabulary, rules.selectorOverrides);
}

/** The built-in registry (no rule set). */
export const SELECTORS: SelectorRegistry = registryFor({});
