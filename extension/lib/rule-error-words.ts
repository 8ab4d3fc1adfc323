import type { PolicyIssue, PolicyIssueId } from '../../shared/policy/effective';
import type { RuleErrorId, RuleSetError } from '../../shared/rules/errors';
import { type MessageKey, t } from './i18n';

/**
 * Rule-set validation errors and ignored-policy reasons in the browser's language: shared/ decides
 * which error applies (and says it in Swedish); the extension words those with an ID. Errors without
 * one (a schema's own words, zod's texts, a schema-version suffix) are shown as shared/ says them.
 * The Swedish messages are shared/'s words exactly (rule-error-words.test.ts keeps them in step).
 */
const RULE_ERROR_KEYS: Record<RuleErrorId, MessageKey> = {
  missing: 'ruleErr_missing',
  'unknown-key': 'ruleErr_unknownKey',
  'not-json': 'ruleErr_notJson',
  'must-be-object': 'ruleErr_mustBeObject',
  'override-schema-version': 'ruleErr_overrideSchemaVersion',
  'not-in-rule-set': 'ruleErr_notInRuleSet',
};

/** The whole error line, starting with its path ("regeluppsättningen" for the root), as shared/'s `message`. */
export function ruleErrorWords(error: RuleSetError): string {
  if (!error.id) return error.message;
  return t(RULE_ERROR_KEYS[error.id], error.path || t('ruleErr_root'), ...(error.values ?? []));
}

/** The same list, worded: for views that show `{ path, message }`. */
export function wordRuleErrors(errors: readonly RuleSetError[]): RuleSetError[] {
  return errors.map((e) => ({ ...e, message: ruleErrorWords(e) }));
}

const POLICY_KEYS: Record<PolicyIssueId, MessageKey> = {
  'features-not-object': 'policyWhy_featuresNotObject',
  'unknown-feature': 'policyWhy_unknownFeature',
  'feature-not-object': 'policyWhy_featureNotObject',
  'unknown-feature-field': 'policyWhy_unknownFeatureField',
  'unknown-key': 'policyWhy_unknownKey',
  'unit-not-in-rules': 'policyWhy_unitNotInRules',
};

/** Why a policy value was ignored. */
export function policyIssueWords(issue: PolicyIssue): string {
  return issue.id ? t(POLICY_KEYS[issue.id], ...(issue.values ?? [])) : issue.reason;
}
