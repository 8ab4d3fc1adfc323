import type { PolicyIssue } from '../../shared/policy/effective';
import type { RefusedSource } from '../../shared/policy/rules';
import type { RuleSet, RuleSetError } from '../../shared/rules';
import { CURRENT_SCHEMA_VERSION } from '../../shared/rules/version';
import { defineItem, isObject } from './storage';

/**
 * The record of the rule set in force, without the default rule set: what a content script needs
 * (lib/rules.ts adds the default for the background and the extension pages; lib/page-rules.ts asks
 * the background when nothing is stored yet).
 */

/** Storage keys of the rule set's sources and of the validated result the background writes. */
export const LOCAL_RULES_KEY = 'superuserRuleSet';
export const EFFECTIVE_RULES_KEY = 'effectiveRuleSet';

export interface EffectiveRules {
  rules: RuleSet;
  source: 'policy' | 'superuser' | 'default' | 'last-good';
  /** Sources that were refused, with every error (shown to the user, never silently dropped). */
  refused: { source: RefusedSource; errors: RuleSetError[] }[];
  /** Policy keys applied on top of the base rule set (override, selectors, retention). */
  adjustedBy?: string[];
  /** Policy values not used with the rules in force (a default unit the rules do not know, …). */
  ignored?: PolicyIssue[];
  /** Policy's default unit and role, for when the page does not show them (R-J-5). */
  defaultUnit?: string;
  defaultRole?: string;
  resolvedAt: string;
  /**
   * `ruleSetDigest(rules)`, computed by the background: content scripts read it and never hash
   * (SHA-256 and canonical JSON stay out of the content-script bundle).
   */
  digest?: string;
}

const SOURCES: readonly unknown[] = ['policy', 'superuser', 'default', 'last-good'];

/**
 * Written only by the background after validation (zod stays out of content scripts), so the
 * check here is the record's frame. The rule set's own `schemaVersion` is the record's version: a
 * rule set stored by an older release reads as absent until the background has re-resolved it.
 */
function isEffectiveRules(v: unknown): v is EffectiveRules {
  return (
    isObject(v) &&
    isObject(v.rules) &&
    v.rules.schemaVersion === CURRENT_SCHEMA_VERSION &&
    SOURCES.includes(v.source) &&
    Array.isArray(v.refused) &&
    typeof v.resolvedAt === 'string'
  );
}

/** The stored rule set in force; null until the background has resolved it once. */
export const storedEffectiveRulesItem = defineItem<EffectiveRules | null>('local', EFFECTIVE_RULES_KEY, {
  fallback: null,
  parse: (raw) => (isEffectiveRules(raw) ? raw : null),
});

export function onEffectiveRulesChanged(listener: (rules: EffectiveRules) => void, signal: AbortSignal): void {
  // A removal is no new rule set: what was in force stays until the background writes again.
  storedEffectiveRulesItem.watch((next) => next && listener(next), signal);
}
