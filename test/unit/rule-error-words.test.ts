import { describe, expect, it } from 'vitest';
import { policyIssueWords, ruleErrorWords } from '../../extension/lib/rule-error-words';
import { effectivePolicy, type PolicyIssue, type PolicyIssueId } from '../../shared/policy/effective';
import { POLICY_FEATURES } from '../../shared/policy/features';
import { applyRuleSetOverride, applySelectorOverrides, resolvePolicyRules } from '../../shared/policy/rules';
import { defaultRuleSet, parseRuleSet, type RuleSetError } from '../../shared/rules';
import type { RuleErrorId } from '../../shared/rules/errors';

/**
 * Issue 14: rule-set validation errors and ignored-policy reasons are worded by the extension in
 * the browser's language. In Swedish they must say exactly what shared/ says, for every error and
 * reason that has an ID (and those without one are shown as shared/ says them).
 */
const feature = POLICY_FEATURES[0]?.id ?? '';
const { timers, ...withoutTimers } = defaultRuleSet;
const { replyWindowMinutes, ...timersWithoutReply } = timers;

function everyRuleError(): RuleSetError[] {
  const errors: RuleSetError[] = [];
  const collect = (r: { ok: boolean; errors?: RuleSetError[] }) => errors.push(...(r.errors ?? []));
  collect(parseRuleSet(withoutTimers));
  collect(parseRuleSet({ ...defaultRuleSet, timers: { ...timersWithoutReply, replyWindow: replyWindowMinutes } }));
  collect(parseRuleSet({ ...defaultRuleSet, extra: true }));
  collect(parseRuleSet({ ...defaultRuleSet, schemaVersion: 1 }));
  collect(parseRuleSet('nonsense'));
  for (const text of ['{', '[]', 'null', '{"timer":{}}', '{"schemaVersion":2}', JSON.stringify({ units: [] })])
    collect(applyRuleSetOverride(defaultRuleSet, text));
  collect(applyRuleSetOverride(defaultRuleSet, JSON.stringify({ schemaVersion: 3, timer: {}, rolls: [] })));
  for (const text of ['{', '[]', '{"nope":["x"]}', '{"chatInput":"x"}'])
    collect(applySelectorOverrides(defaultRuleSet, text));
  return errors;
}

function everyPolicyIssue(): PolicyIssue[] {
  const managed = [
    { features: [] },
    { features: { nope: { enabled: true }, [feature]: 'on' } },
    { features: { [feature]: { enabled: true, colour: 'red' } } },
    { features: { [feature]: { enabled: 'yes' } } },
    { nope: 1, retentionHours: 1000, defaultUnit: 'Nowhere', defaultRole: 'Nobody' },
    'not an object',
  ];
  return managed.flatMap((m) => {
    const policy = effectivePolicy(m);
    return [...policy.ignored, ...resolvePolicyRules({ policy }).ignored];
  });
}

describe('the rule-error and policy-reason words', () => {
  it('say in Swedish exactly what shared/ says, for every rule-set error', () => {
    const seen = new Set<RuleErrorId>();
    for (const error of everyRuleError()) {
      if (error.id) seen.add(error.id);
      expect(ruleErrorWords(error), `${error.id}: ${error.path}`).toBe(error.message);
    }
    expect([...seen].sort()).toEqual(
      ['missing', 'must-be-object', 'not-in-rule-set', 'not-json', 'override-schema-version', 'unknown-key'].sort(),
    );
  });

  it('say in Swedish exactly what shared/ says, for every reason a policy value is ignored', () => {
    const seen = new Set<PolicyIssueId>();
    for (const issue of everyPolicyIssue()) {
      if (issue.id) seen.add(issue.id);
      expect(policyIssueWords(issue), `${issue.id}: ${issue.key}`).toBe(issue.reason);
    }
    expect(seen.size).toBe(6);
  });
});
