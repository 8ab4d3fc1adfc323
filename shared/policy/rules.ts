/**
 * The rule set in force under policy, as a pure function of its sources (the background stores
 * the result): policy's whole rule set > the superuser's import (unless policy forbids imports) >
 * Region Uppsala's default; then policy's versioned override of parts, its selector overrides and
 * its retention on top. Anything refused is listed with every error and changes nothing: the last
 * good rule set stays in force.
 */
import {
  applyRuleSetUpdate,
  CURRENT_SCHEMA_VERSION,
  defaultRuleSet,
  parseRuleSet,
  type RuleSet,
  type RuleSetError,
  ruleSetSchema,
  selectorOverridesSchema,
} from '../rules';
import { issuesToErrors, PARSE_OPTIONS, ruleSetError } from '../rules/errors';
import type { EffectivePolicy, PolicyIssue } from './effective';

export type RuleSource = 'policy' | 'superuser' | 'default' | 'last-good';
export type RefusedSource = 'policy' | 'superuser' | 'ruleSetOverride' | 'selectorOverrides';

export interface PolicyRules {
  rules: RuleSet;
  source: RuleSource;
  /** Policy keys applied on top of the base rule set. */
  adjustedBy: ('ruleSetOverride' | 'selectorOverrides' | 'retentionHours')[];
  refused: { source: RefusedSource; errors: RuleSetError[] }[];
  /** Policy's default unit and role, when the rule set in force knows them. */
  defaultUnit?: string;
  defaultRole?: string;
  ignored: PolicyIssue[];
}

export interface RuleInputs {
  policy: EffectivePolicy;
  /** The superuser's imported rule set (options page), undefined when none. */
  superuserRuleSet?: unknown;
  /** The rule set in force before this resolution; default: Region Uppsala's. */
  lastGood?: RuleSet;
}

const OVERRIDABLE = Object.keys(ruleSetSchema.shape).filter((k) => k !== 'schemaVersion');

function parseJson(text: string, path: string): { ok: true; value: unknown } | { ok: false; errors: RuleSetError[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return {
      ok: false,
      errors: [
        (() => {
          const detail = e instanceof Error ? e.message : String(e);
          return ruleSetError(path, `är inte giltig JSON (${detail})`, 'not-json', [detail]);
        })(),
      ],
    };
  }
}

/** Replaces whole parts of `base` with the override's; the result must be a valid rule set. */
export function applyRuleSetOverride(
  base: RuleSet,
  text: string,
): { ok: true; rules: RuleSet } | { ok: false; errors: RuleSetError[] } {
  const json = parseJson(text, '');
  if (!json.ok) return json;
  const value = json.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, errors: [ruleSetError('', 'måste vara ett objekt', 'must-be-object')] };
  const { schemaVersion, ...parts } = value as Record<string, unknown>;
  if (schemaVersion !== CURRENT_SCHEMA_VERSION)
    return {
      ok: false,
      errors: [
        ruleSetError(
          'schemaVersion',
          `måste vara ${CURRENT_SCHEMA_VERSION}, den version tillägget läser (delar kan inte migreras: skriv om ändringen)`,
          'override-schema-version',
          [String(CURRENT_SCHEMA_VERSION)],
        ),
      ],
    };
  const unknown = Object.keys(parts).filter((k) => !OVERRIDABLE.includes(k));
  if (unknown.length > 0)
    return {
      ok: false,
      errors: unknown.map((k) => ruleSetError(k, 'finns inte i regeluppsättningen', 'not-in-rule-set')),
    };
  const parsed = parseRuleSet({ ...base, ...parts });
  return parsed.ok ? { ok: true, rules: parsed.rules } : { ok: false, errors: parsed.errors };
}

/** Policy's selector lists replace the rule set's, field by field. */
export function applySelectorOverrides(
  base: RuleSet,
  text: string,
): { ok: true; rules: RuleSet } | { ok: false; errors: RuleSetError[] } {
  const json = parseJson(text, 'selectorOverrides');
  if (!json.ok) return json;
  const parsed = selectorOverridesSchema.safeParse(json.value, PARSE_OPTIONS);
  if (!parsed.success)
    return {
      ok: false,
      errors: issuesToErrors(parsed.error.issues.map((i) => ({ ...i, path: ['selectorOverrides', ...i.path] }))),
    };
  return { ok: true, rules: { ...base, selectorOverrides: { ...base.selectorOverrides, ...parsed.data } } };
}

export function resolvePolicyRules({ policy, superuserRuleSet, lastGood = defaultRuleSet }: RuleInputs): PolicyRules {
  const refused: PolicyRules['refused'] = [];
  const ignored: PolicyIssue[] = [];
  let rules: RuleSet = defaultRuleSet;
  let source: RuleSource = 'default';

  const candidates: ['policy' | 'superuser', unknown][] = [];
  if (policy.ruleSet !== undefined) candidates.push(['policy', policy.ruleSet]);
  if (superuserRuleSet !== undefined) {
    if (policy.allowRuleImport) candidates.push(['superuser', superuserRuleSet]);
    else
      ignored.push({
        key: 'allowRuleImport',
        reason: 'den importerade regeluppsättningen används inte: din organisation tillåter inte import',
        id: 'import-not-allowed',
      });
  }
  for (const [from, input] of candidates) {
    const update = applyRuleSetUpdate(lastGood, input);
    if (update.refused) {
      refused.push({ source: from, errors: update.refused });
      // Keep what was in force rather than dropping to the default.
      if (source === 'default') {
        rules = lastGood;
        source = 'last-good';
      }
      continue;
    }
    rules = update.rules;
    source = from;
    break;
  }

  const adjustedBy: PolicyRules['adjustedBy'] = [];
  if (policy.ruleSetOverride !== undefined) {
    const result = applyRuleSetOverride(rules, policy.ruleSetOverride);
    if (result.ok) {
      rules = result.rules;
      adjustedBy.push('ruleSetOverride');
    } else refused.push({ source: 'ruleSetOverride', errors: result.errors });
  }
  if (policy.selectorOverrides !== undefined) {
    const result = applySelectorOverrides(rules, policy.selectorOverrides);
    if (result.ok) {
      rules = result.rules;
      adjustedBy.push('selectorOverrides');
    } else refused.push({ source: 'selectorOverrides', errors: result.errors });
  }
  if (policy.retentionHours !== undefined) {
    rules = { ...rules, retention: { ...rules.retention, visitDataHours: policy.retentionHours } };
    adjustedBy.push('retentionHours');
  }

  const result: PolicyRules = { rules, source, adjustedBy, refused, ignored };
  // The default unit and role must be ones the rules in force know (R-J-5).
  const known = (key: 'defaultUnit' | 'defaultRole', list: readonly string[], listName: 'units' | 'roles') => {
    const value = policy[key];
    if (value === undefined) return;
    if (list.includes(value)) result[key] = value;
    else
      ignored.push({
        key,
        reason: `'${value}' finns inte i regeluppsättningens ${listName}`,
        id: key === 'defaultUnit' ? 'unit-not-in-rules' : 'role-not-in-rules',
        values: [value],
      });
  };
  known('defaultUnit', rules.units, 'units');
  known('defaultRole', rules.roles, 'roles');
  return result;
}
