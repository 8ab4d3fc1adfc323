// Which rules made a note: the hex SHA-256 of the rule set serialised by RFC 8785 (JSON
// Canonicalization Scheme), so the same rules give the same digest whatever the key order or
// whitespace of the file they came from. Synchronous (no Web Crypto) so the pure note builder
// can carry it; canonicalize and @noble/hashes run the same in node, the worker and the page.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { RuleSet } from './schema';

/** Hex SHA-256 of the canonical JSON of `rules` (64 lower-case hex digits). */
export function ruleSetDigest(rules: RuleSet): string {
  const canonical = canonicalize(rules);
  // Only undefined (never a parsed rule set) serialises to nothing: refuse rather than hash ''.
  if (canonical === undefined) throw new Error('ruleSetDigest: rule set saknas');
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

/** The digest as people read it: its first 12 hex digits (side panel, PDF footer). */
export const shortDigest = (digest: string): string => digest.slice(0, 12);

/** Which rules produced a note or a PDF. */
export interface RuleSetProvenance {
  name: string;
  version: string;
  digest: string;
}

export const ruleSetProvenance = (rules: RuleSet): RuleSetProvenance => ({
  name: rules.meta.name,
  version: rules.meta.version,
  digest: ruleSetDigest(rules),
});
