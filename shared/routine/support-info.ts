/**
 * R-SUP-1: "Kopiera supportinfo" — what a fault report needs (the manual: copy the page's URL
 * and send it), and nothing about a patient: the URL without its query, fragment or any path
 * part that is not a plain route word, versions (the extension's and the bridge's own), the rule
 * set's name, version and digest, how each field of the page was read, what each feature is doing
 * (running, failed, off), and whom to contact, in the manual's order.
 */

/** The manual's support chain (1177 direkt, Region Uppsala), superanvändare first. */
export const SUPPORT_CHAIN: readonly string[] = [
  '1. Superanvändare i den egna verksamheten (i första hand).',
  '2. Vårdsystem Resurscentrum, Region Uppsala: 018-611 77 10 (7:30–16:30 helgfria vardagar), Easit Självservice eller vss-rc@regionuppsala.se.',
  '3. Inera support (1177 på telefon kvällar och helger): inera.se, Felanmälan och användarstöd.',
];

/** A path part kept as it is: a lower-case route word ("besok", "drop-in"); anything else may identify someone. */
const ROUTE_WORD = /^[a-zåäö]+(?:-[a-zåäö]+)*$/u;

/** The page's address with the query, the fragment and every non-route path part removed. */
export function supportUrl(url: string): string {
  return supportUrlOrNull(url) ?? 'okänd';
}

/** supportUrl, null when the address cannot be parsed (the report words "unknown" itself). */
export function supportUrlOrNull(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const parts = parsed.pathname
    .split('/')
    .filter(Boolean)
    .map((part) => {
      let decoded = part;
      try {
        decoded = decodeURIComponent(part);
      } catch {}
      return ROUTE_WORD.test(decoded) && decoded.length <= 30 ? decoded : '…';
    });
  return `${parsed.origin}/${parts.join('/')}`;
}

/** A feature's state on the page (the content script's loader records it). */
export type FeatureRunState = 'running' | 'not-applicable' | 'failed' | 'off';

export const FEATURE_STATE_WORDS: Record<FeatureRunState, string> = {
  running: 'körs',
  'not-applicable': 'gäller inte den här sidan',
  failed: 'FEL – stoppad',
  off: 'av',
};

export interface SupportInput {
  url: string;
  extensionVersion: string;
  /** The bridge's state in words ("Ansluten", "Ej parkopplad"); its version when known. */
  bridge: string;
  bridgeVersion: string | null;
  ruleSet: { name: string; version: string; digest: string } | null;
  /** Field name (the clinician's word) → how it was read ("hittades", "hittades inte", …). */
  fields: ReadonlyArray<{ name: string; health: string }>;
  /** Every feature of the page with its state, and a detail where one helps ("sidan läses delvis"). */
  features: ReadonlyArray<{ id: string; state: FeatureRunState; detail?: string }>;
  at: Date;
}

/**
 * The report's words: Swedish here (the bridge and shared/'s tests rely on them); the extension
 * passes its own in the browser's language (issue 14). Values and technical names are never words.
 */
export interface SupportWords {
  title: string;
  time(iso: string): string;
  page(url: string): string;
  extension(version: string): string;
  bridge(state: string, version: string): string;
  ruleSet(name: string, version: string, digest: string): string;
  ruleSetUnknown: string;
  unknown: string;
  pageReading: string;
  nothingRead: string;
  features: string;
  states: Record<FeatureRunState, string>;
  contact: string;
  chain: readonly string[];
}

export const SWEDISH_SUPPORT_WORDS: SupportWords = {
  title: 'Clinic Companion – supportinformation',
  time: (iso) => `Tid: ${iso}`,
  page: (url) => `Sida: ${url}`,
  extension: (version) => `Tillägg: version ${version}`,
  bridge: (state, version) => `Brygga: ${state}, version ${version}`,
  ruleSet: (name, version, digest) => `Regeluppsättning: ${name}, version ${version}, sha256 ${digest}`,
  ruleSetUnknown: 'Regeluppsättning: okänd',
  unknown: 'okänd',
  pageReading: 'Sidläsning:',
  nothingRead: '(inget läst på den här sidan)',
  features: 'Funktioner:',
  states: FEATURE_STATE_WORDS,
  contact: 'Kontakta support i den här ordningen:',
  chain: SUPPORT_CHAIN,
};

export function supportInfo(input: SupportInput, words: SupportWords = SWEDISH_SUPPORT_WORDS): string {
  const lines = [
    words.title,
    words.time(input.at.toISOString()),
    words.page(supportUrlOrNull(input.url) ?? words.unknown),
    words.extension(input.extensionVersion),
    words.bridge(input.bridge, input.bridgeVersion ?? words.unknown),
    input.ruleSet
      ? words.ruleSet(input.ruleSet.name, input.ruleSet.version, input.ruleSet.digest)
      : words.ruleSetUnknown,
    words.pageReading,
    ...(input.fields.length > 0 ? input.fields.map((f) => `  ${f.name}: ${f.health}`) : [`  ${words.nothingRead}`]),
    words.features,
    ...input.features.map((f) => `  ${f.id}: ${words.states[f.state]}${f.detail ? ` (${f.detail})` : ''}`),
    words.contact,
    ...words.chain.map((s) => `  ${s}`),
  ];
  return lines.join('\n');
}
