// The rule editor's records (issue 13). The last 10 rule sets a superuser applied, newest first,
// for rollback: each entry's rules are checked again (parseRuleSet) when rolled back to, so only
// the frame is checked here.
import type { AppliedVersion } from '../../shared/rules/editor';
import { defineItem, isObject } from './storage';

export const RULE_HISTORY_KEY = 'ruleSetHistory';

function isAppliedVersion(v: unknown): v is AppliedVersion {
  return isObject(v) && isObject(v.rules) && typeof v.appliedAt === 'string' && typeof v.digest === 'string';
}

export const ruleHistoryItem = defineItem<AppliedVersion[]>('local', RULE_HISTORY_KEY, {
  fallback: [],
  // An unreadable entry is dropped, never half-read.
  parse: (raw) => (Array.isArray(raw) ? raw.filter(isAppliedVersion) : null),
});
