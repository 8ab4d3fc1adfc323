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
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'okänd';
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

export function supportInfo(input: SupportInput): string {
  const lines = [
    'Clinic Companion – supportinformation',
    `Tid: ${input.at.toISOString()}`,
    `Sida: ${supportUrl(input.url)}`,
    `Tillägg: version ${input.extensionVersion}`,
    `Brygga: ${input.bridge}, version ${input.bridgeVersion ?? 'okänd'}`,
    input.ruleSet
      ? `Regeluppsättning: ${input.ruleSet.name}, version ${input.ruleSet.version}, sha256 ${input.ruleSet.digest}`
      : 'Regeluppsättning: okänd',
    'Sidläsning:',
    ...(input.fields.length > 0
      ? input.fields.map((f) => `  ${f.name}: ${f.health}`)
      : ['  (inget läst på den här sidan)']),
    'Funktioner:',
    ...input.features.map((f) => `  ${f.id}: ${FEATURE_STATE_WORDS[f.state]}${f.detail ? ` (${f.detail})` : ''}`),
    'Kontakta support i den här ordningen:',
    ...SUPPORT_CHAIN.map((s) => `  ${s}`),
  ];
  return lines.join('\n');
}
