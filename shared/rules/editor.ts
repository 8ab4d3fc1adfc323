// The superuser's rule editor, as pure logic (issue 13): checking a draft (with migration of an
// older file), the version bump on apply, the diff against another rule set, where each part of
// the rules in force comes from, and the rollback history's cap. The options page only renders.
import canonicalize from 'canonicalize';
import { defaultRuleSet } from './default';
import type { RuleSetError } from './errors';
import { parseRuleSet } from './parse';
import { CURRENT_SCHEMA_VERSION, type RuleSet } from './schema';

export type DraftCheck =
  | { ok: true; rules: RuleSet; migratedFrom?: number; note?: string }
  | { ok: false; errors: RuleSetError[] };

/** A draft as typed or imported: JSON text, checked whole (every error listed, nothing kept). */
export function checkDraft(text: string): DraftCheck {
  const result = parseRuleSet(text);
  if (!result.ok) return result;
  if (result.migratedFrom === undefined) return { ok: true, rules: result.rules };
  return {
    ok: true,
    rules: result.rules,
    migratedFrom: result.migratedFrom,
    note: `Filen hade schemaversion ${result.migratedFrom} och har migrerats till version ${CURRENT_SCHEMA_VERSION}. Kontrollera ändringarna innan du tillämpar.`,
  };
}

/** "1.0.0" → "1.0.1", "2026-3" → "2026-4"; a version without a trailing number gets ".1". */
export function nextVersion(version: string): string {
  const m = /^(.*?)(\d+)$/.exec(version);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${version}.1`;
}

/** What Tillämpa stores: `meta.version` bumped past the one in force, `updatedAt` today (UTC date). */
export function bumpForApply(draft: RuleSet, inForce: RuleSet, now: Date): RuleSet {
  // A version the superuser wrote themselves is kept; an unchanged one is bumped.
  const version = draft.meta.version === inForce.meta.version ? nextVersion(draft.meta.version) : draft.meta.version;
  return { ...draft, meta: { ...draft.meta, version, updatedAt: now.toISOString().slice(0, 10) } };
}

export interface RuleChange {
  /** Dotted path as in the error messages, e.g. `timers.replyWindowMinutes`. */
  path: string;
  before: unknown;
  after: unknown;
}

/** Equal as data: key order is no difference (browser storage hands objects back re-ordered). */
const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every changed value, by path: objects key by key; an array that differs is one change. */
export function diffRuleSets(before: unknown, after: unknown, path = ''): RuleChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffRuleSets(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return same(before, after) ? [] : [{ path, before, after }];
}

export type PartSource = 'policy' | 'superuser' | 'default';

/** Where each top-level part of the rules in force comes from; policy's parts are read-only. */
export function partSources(rules: RuleSet, source: 'policy' | 'superuser' | 'default' | 'last-good') {
  const parts = Object.keys(rules).filter((k) => k !== 'schemaVersion') as (keyof RuleSet)[];
  return parts.map((part) => {
    const fromDefault = same(rules[part], defaultRuleSet[part]);
    const from: PartSource = source === 'policy' ? 'policy' : fromDefault ? 'default' : 'superuser';
    return { part, source: from };
  });
}

export interface AppliedVersion {
  rules: RuleSet;
  appliedAt: string;
  digest: string;
}

export const HISTORY_LIMIT = 10;

/** The newest first, at most the last 10 applied versions. */
export function pushHistory(history: readonly AppliedVersion[], entry: AppliedVersion): AppliedVersion[] {
  return [entry, ...history].slice(0, HISTORY_LIMIT);
}
