import type { PolicyIssue, PolicyIssueId } from '../../shared/policy/effective';
import type { RuleErrorId, RuleSetError } from '../../shared/rules/errors';
import { type MessageKey, t } from './i18n';
import { durationWords } from './no-reply-timers';

/**
 * Rule-set validation errors and ignored-policy reasons in the browser's language: shared/ decides
 * which error applies (and says it in Swedish); the extension words those with an ID. Errors without
 * one (a schema's own words it does not register) are shown as shared/ says them.
 * The Swedish messages are shared/'s words exactly (rule-error-words.test.ts keeps them in step).
 */
const RULE_ERROR_KEYS: Record<RuleErrorId, MessageKey> = {
  missing: 'ruleErr_missing',
  'unknown-key': 'ruleErr_unknownKey',
  'not-json': 'ruleErr_notJson',
  'must-be-object': 'ruleErr_mustBeObject',
  'override-schema-version': 'ruleErr_overrideSchemaVersion',
  'not-in-rule-set': 'ruleErr_notInRuleSet',
  'wrong-type': 'ruleErr_wrongType',
  'empty-text': 'ruleErr_emptyText',
  'min-chars': 'ruleErr_minChars',
  'empty-list': 'ruleErr_emptyList',
  'min-items': 'ruleErr_minItems',
  'min-value': 'ruleErr_minValue',
  'greater-than': 'ruleErr_greaterThan',
  'max-chars': 'ruleErr_maxChars',
  'max-items': 'ruleErr_maxItems',
  'max-value': 'ruleErr_maxValue',
  'less-than': 'ruleErr_lessThan',
  'must-equal': 'ruleErr_mustEqual',
  'one-of': 'ruleErr_oneOf',
  'invalid-url': 'ruleErr_invalidUrl',
  'bad-format': 'ruleErr_badFormat',
  'multiple-of': 'ruleErr_multipleOf',
  'invalid-value': 'ruleErr_invalidValue',
  'invalid-key': 'ruleErr_invalidKey',
  'invalid-element': 'ruleErr_invalidElement',
  invalid: 'ruleErr_invalid',
  'version-missing': 'ruleErr_versionMissing',
  'version-not-integer': 'ruleErr_versionNotInteger',
  'version-too-new': 'ruleErr_versionTooNew',
  'no-migration': 'ruleErr_noMigration',
  unreadable: 'ruleErr_unreadable',
  'positive-int': 'ruleErr_positiveInt',
  'bad-regex': 'ruleErr_badRegex',
  duplicate: 'ruleErr_duplicate',
  'date-format': 'ruleErr_dateFormat',
  'ingen-when-required': 'ruleErr_ingenWhenRequired',
  'fallback-same': 'ruleErr_fallbackSame',
  'fill-count': 'ruleErr_fillCount',
  'not-in-keywords': 'ruleErr_notInKeywords',
  'after-amber': 'ruleErr_afterAmber',
  lacks: 'ruleErr_lacks',
  'max-hours': 'ruleErr_maxHours',
  'not-in-units': 'ruleErr_notInUnits',
  'not-in-roles': 'ruleErr_notInRoles',
  'not-in-v1': 'ruleErr_notInV1',
  'whole-minutes': 'ruleErr_wholeMinutes',
  'unknown-placeholder': 'ruleErr_unknownPlaceholder',
  'phrase-duration': 'ruleErr_phraseDuration',
  'phrase-attempts': 'ruleErr_phraseAttempts',
};

/** "must be EXPECTED, not FOUND": zod's type names as words; others (null, NaN, date …) stay as they are. */
const EXPECTED_KEYS: Partial<Record<string, MessageKey>> = {
  string: 'ruleErr_kindText',
  number: 'ruleErr_kindNumber',
  int: 'ruleErr_kindInteger',
  boolean: 'ruleErr_kindBoolean',
  array: 'ruleErr_kindList',
  object: 'ruleErr_kindObject',
  record: 'ruleErr_kindObject',
};
const FOUND_KEYS: Partial<Record<string, MessageKey>> = {
  string: 'ruleErr_kindTextFound',
  number: 'ruleErr_kindNumber',
  boolean: 'ruleErr_kindBooleanFound',
  array: 'ruleErr_kindList',
  object: 'ruleErr_kindObject',
};

function kindWords(keys: Partial<Record<string, MessageKey>>, kind: string): string {
  const key = keys[kind];
  return key ? t(key) : kind;
}

/** English counts one item apart ("at most 1 item"); Swedish says it the same either way. */
function singular(id: RuleErrorId, values: readonly string[]): MessageKey | undefined {
  if (values[0] !== '1') return undefined;
  if (id === 'max-chars') return 'ruleErr_maxCharsOne';
  if (id === 'max-items') return 'ruleErr_maxItemsOne';
  return undefined;
}

/** The whole error line, starting with its path ("regeluppsättningen" for the root), as shared/'s `message`. */
export function ruleErrorWords(error: RuleSetError): string {
  if (!error.id) return error.message;
  const path = error.path || t('ruleErr_root');
  let values = error.values ?? [];
  if (error.id === 'wrong-type')
    values = [kindWords(EXPECTED_KEYS, values[0] ?? ''), kindWords(FOUND_KEYS, values[1] ?? '')];
  // The reply window comes in minutes; the stated words stay as quoted from the phrase.
  if (error.id === 'phrase-duration') values = [values[0] ?? '', durationWords(Number(values[1]))];
  const line = t(singular(error.id, values) ?? RULE_ERROR_KEYS[error.id], path, ...values);
  const note = error.versionNote;
  if (!note) return line;
  return t(note.kind === 'after-migration' ? 'ruleErr_afterMigration' : 'ruleErr_inVersion', line, note.version);
}

/** The same list, worded: for views that show `{ path, message }`. */
export function wordRuleErrors(errors: readonly RuleSetError[]): RuleSetError[] {
  return errors.map((e) => ({ ...e, message: ruleErrorWords(e) }));
}

/** The rule editor's note after Kontrollera migrated an older file to `version`. */
export function migratedNoteWords(from: number, version: number): string {
  return t('ruleErr_migratedNote', from, version);
}

const POLICY_ISSUE_KEYS: Record<PolicyIssueId, MessageKey> = {
  'features-not-object': 'policyWhy_featuresNotObject',
  'unknown-feature': 'policyWhy_unknownFeature',
  'feature-not-object': 'policyWhy_featureNotObject',
  'unknown-feature-field': 'policyWhy_unknownFeatureField',
  'unknown-key': 'policyWhy_unknownKey',
  'unit-not-in-rules': 'policyWhy_unitNotInRules',
  'role-not-in-rules': 'policyWhy_roleNotInRules',
  'import-not-allowed': 'policyWhy_importNotAllowed',
  unreadable: 'policyWhy_unreadable',
  'unreadable-detail': 'policyWhy_unreadableDetail',
  'not-json-text': 'policyWhy_notJsonText',
  'enabled-not-boolean': 'policyWhy_enabledNotBoolean',
  'locked-not-boolean': 'policyWhy_lockedNotBoolean',
  'not-boolean': 'policyWhy_notBoolean',
  'not-integer': 'policyWhy_notInteger',
  'min-one-hour': 'policyWhy_minOneHour',
  'max-hours': 'policyWhy_maxHours',
  'not-blank': 'policyWhy_notBlank',
  'min-value': 'policyWhy_minValue',
  'max-value': 'policyWhy_maxValue',
  'not-text': 'policyWhy_notText',
  'bad-token': 'policyWhy_badToken',
};

/** Why a policy value was ignored. */
export function policyIssueWords(issue: PolicyIssue): string {
  return issue.id ? t(POLICY_ISSUE_KEYS[issue.id], ...(issue.values ?? [])) : issue.reason;
}
