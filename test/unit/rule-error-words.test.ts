import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { policyKeyTitle } from '../../extension/lib/policy-key-title';
import { migratedNoteWords, policyIssueWords, ruleErrorWords } from '../../extension/lib/rule-error-words';
import { effectivePolicy, type PolicyIssue, type PolicyIssueId } from '../../shared/policy/effective';
import { POLICY_FEATURES } from '../../shared/policy/features';
import { applyRuleSetOverride, applySelectorOverrides, resolvePolicyRules } from '../../shared/policy/rules';
import { POLICY_KEYS } from '../../shared/policy/schema';
import { CURRENT_SCHEMA_VERSION, defaultRuleSet, parseRuleSet, type RuleSetError } from '../../shared/rules';
import { checkDraft } from '../../shared/rules/editor';
import { issuesToErrors, PARSE_OPTIONS, type RuleErrorId } from '../../shared/rules/errors';
import { inEnglish } from './in-english';

/**
 * Issue 14: rule-set validation errors and ignored-policy reasons are worded by the extension in
 * the browser's language. In Swedish they must say exactly what shared/ says, for every error and
 * reason that has an ID (and those without one are shown as shared/ says them).
 */
const feature = POLICY_FEATURES[0]?.id ?? '';
const { timers, ...withoutTimers } = defaultRuleSet;
const { replyWindowMinutes, ...timersWithoutReply } = timers;
const example = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`shared/rules/examples/${file}`, 'utf8'));

/** Every ID, so the sweep below is known to reach them all (the compiler holds the list complete). */
const RULE_IDS: Record<RuleErrorId, true> = {
  missing: true,
  'unknown-key': true,
  'not-json': true,
  'must-be-object': true,
  'override-schema-version': true,
  'not-in-rule-set': true,
  'wrong-type': true,
  'empty-text': true,
  'min-chars': true,
  'empty-list': true,
  'min-items': true,
  'min-value': true,
  'greater-than': true,
  'max-chars': true,
  'max-items': true,
  'max-value': true,
  'less-than': true,
  'must-equal': true,
  'one-of': true,
  'invalid-url': true,
  'bad-format': true,
  'multiple-of': true,
  'invalid-value': true,
  'invalid-key': true,
  'invalid-element': true,
  invalid: true,
  'version-missing': true,
  'version-not-integer': true,
  'version-too-new': true,
  // Unreachable while the migration chain is whole: rule-error-words-migration.test.ts breaks it.
  'no-migration': true,
  unreadable: true,
  'positive-int': true,
  'bad-regex': true,
  duplicate: true,
  'date-format': true,
  'ingen-when-required': true,
  'fallback-same': true,
  'fill-count': true,
  'not-in-keywords': true,
  'after-amber': true,
  lacks: true,
  'max-hours': true,
  'not-in-units': true,
  'not-in-roles': true,
  'not-in-v1': true,
  'whole-minutes': true,
  'unknown-placeholder': true,
  'phrase-duration': true,
  'phrase-attempts': true,
};

/** A copy of the default rule set with values set at dotted paths (`template.keywords.0.fill`). */
function withValues(values: Record<string, unknown>): unknown {
  const rules = structuredClone(defaultRuleSet) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let at = rules;
    for (const key of keys) at = at[key] as Record<string, unknown>;
    at[last] = value;
  }
  return rules;
}

/** zod's issues in our words, one schema per branch of the error map. */
function zodSweep(): RuleSetError[] {
  const cases: [z.ZodType, unknown][] = [
    [z.object({ a: z.string() }), {}],
    [z.strictObject({}), { a: 1 }],
    ...(
      [
        [z.string(), 5],
        [z.number(), 'x'],
        [z.number(), Number.NaN],
        [z.number().int(), 1.5],
        [z.boolean(), null],
        [z.array(z.number()), {}],
        [z.object({}), []],
        [z.record(z.string(), z.number()), true],
        [z.date(), 'x'],
      ] as [z.ZodType, unknown][]
    ).map(([schema, input]): [z.ZodType, unknown] => [schema, input]),
    [z.string().min(1), ''],
    [z.string().min(3), 'a'],
    [z.array(z.number()).min(1), []],
    [z.array(z.number()).min(2), [1]],
    [z.number().min(1), 0],
    [z.number().gt(0), 0],
    [z.string().max(2), 'abc'],
    [z.array(z.number()).max(1), [1, 2]],
    [z.array(z.number()).max(2), [1, 2, 3]],
    [z.string().max(1), 'ab'],
    [z.number().max(5), 6],
    [z.number().lt(5), 5],
    [z.literal(3), 4],
    [z.enum(['a', 'b']), 'c'],
    [z.url(), 'x'],
    [z.email(), 'x'],
    [z.number().multipleOf(5), 7],
    [z.union([z.string(), z.number()]), true],
    [
      z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]),
      { kind: 'c' },
    ],
    [z.record(z.string().min(2), z.number()), { a: 1 }],
    // A value under a key that is no property name (an object) is an invalid element of the map.
    [z.map(z.object({}), z.number()), new Map([[{}, 'b']])],
    [z.set(z.number()), new Set(['a'])],
    [z.custom(() => false), 1],
  ];
  return cases.flatMap(([schema, input]) => {
    const parsed = schema.safeParse(input, PARSE_OPTIONS);
    return parsed.success ? [] : issuesToErrors(parsed.error.issues, { kind: 'in-version', version: 9 });
  });
}

function everyRuleError(): RuleSetError[] {
  const errors: RuleSetError[] = [];
  const collect = (r: { ok: boolean; errors?: RuleSetError[] }) => errors.push(...(r.errors ?? []));
  collect(parseRuleSet(withoutTimers));
  collect(parseRuleSet({ ...defaultRuleSet, timers: { ...timersWithoutReply, replyWindow: replyWindowMinutes } }));
  collect(parseRuleSet({ ...defaultRuleSet, extra: true }));
  collect(parseRuleSet({ ...defaultRuleSet, schemaVersion: 1 }));
  for (const input of ['nonsense', null, { ...defaultRuleSet, schemaVersion: '2' }, { schemaVersion: 99 }])
    collect(parseRuleSet(input));
  const { schemaVersion: _, ...noVersion } = defaultRuleSet;
  collect(parseRuleSet(noVersion));
  collect(
    parseRuleSet({
      ...defaultRuleSet,
      get meta(): never {
        throw new Error('boom');
      },
    }),
  );
  const [restriction] = defaultRuleSet.restrictions;
  const [unit] = defaultRuleSet.units;
  collect(
    parseRuleSet(
      withValues({
        units: 'Uppsala',
        'meta.name': 5,
        'meta.updatedAt': 'igår',
        'contactChannels.chatt.vardtjanst.required': 'yes',
        'timers.minAttempts': 0,
        'timers.phonePriorities': [1.5, Number.NaN, 9],
        cosmicIdFormat: 'ÅÅÅÅMMDD',
        reservnummerPatterns: ['[A-Z', ''],
        'retention.visitDataHours': 100,
        'protectedIdentity.routine.url': 'intranät/rutin',
        'protectedIdentity.routine.placeholder': {},
        'phrases.noReplyNote': '  ',
        roles: [],
        'template.keywords.0.fill': 'nope',
      }),
    ),
  );
  collect(
    parseRuleSet(
      withValues({
        units: [unit, unit],
        'contactChannels.telefon.vardtjanst': { required: true, allowed: ['ingen'] },
        channelPrecedence: ['video'],
        'timers.queueAmberAfterMinutes': defaultRuleSet.timers.acceptWithinMinutes,
        restrictions: [
          { ...restriction, unit: 'Upsala', role: 'Kirurg', fallback: restriction?.forbidKontaktsatt },
          restriction,
          restriction,
        ],
        'template.keywords': defaultRuleSet.template.keywords.filter((k) => k.fill !== 'images'),
        'template.noReplyKeyword': 'Finns inte',
      }),
    ),
  );
  // Phrases that contradict the timers, over windows worded as hours and as minutes.
  for (const replyWindowMinutes of [60, 90, 120, 1])
    collect(
      parseRuleSet(
        withValues({
          'timers.replyWindowMinutes': replyWindowMinutes,
          'phrases.noReplyNotice': 'Svara inom två (2) timmar eller 15 minuter.',
          'phrases.noReplyNote': 'Inget svar trots fem (5) kontaktförsök.',
          'phrases.pauseNotice': 'Vi hör av oss inom {svarstd}.',
        }),
      ),
    );
  const v1 = example('v1.json');
  collect(parseRuleSet({ ...v1, timers: { replyWindowHours: 1 / 7, minAttempts: 0, phonePriorities: [1] } }));
  collect(parseRuleSet({ ...v1, selectorOverrides: {}, phrases: { ...(v1.phrases as object), noReplyNote: '' } }));
  collect(parseRuleSet({ ...v1, phrases: { ...(v1.phrases as object), noReplyNote: '' } }));
  for (const text of ['{', '[]', 'null', '{"timer":{}}', '{"schemaVersion":2}', JSON.stringify({ units: [] })])
    collect(applyRuleSetOverride(defaultRuleSet, text));
  collect(applyRuleSetOverride(defaultRuleSet, JSON.stringify({ schemaVersion: 3, timer: {}, rolls: [] })));
  for (const text of ['{', '[]', '{"nope":["x"]}', '{"chatInput":"x"}', '{"chatInput":[{"kind":"nope"}]}'])
    collect(applySelectorOverrides(defaultRuleSet, text));
  errors.push(...zodSweep());
  return errors;
}

const POLICY_IDS: Record<PolicyIssueId, true> = {
  'features-not-object': true,
  'unknown-feature': true,
  'feature-not-object': true,
  'unknown-feature-field': true,
  'unknown-key': true,
  'unit-not-in-rules': true,
  'role-not-in-rules': true,
  'import-not-allowed': true,
  unreadable: true,
  'unreadable-detail': true,
  'not-json-text': true,
  'enabled-not-boolean': true,
  'locked-not-boolean': true,
  'not-boolean': true,
  'not-integer': true,
  'min-one-hour': true,
  'max-hours': true,
  'not-blank': true,
  'min-value': true,
  'max-value': true,
  'not-text': true,
  'bad-token': true,
};

function everyPolicyIssue(): PolicyIssue[] {
  const hostile = new Proxy(
    {},
    {
      ownKeys: () => {
        throw new Error('boom');
      },
    },
  );
  const managed = [
    { features: [] },
    { features: { nope: { enabled: true }, [feature]: 'on' } },
    { features: { [feature]: { enabled: true, colour: 'red' } } },
    { features: { [feature]: { enabled: 'yes', locked: 'no' } } },
    { nope: 1, retentionHours: 1000, defaultUnit: 'Nowhere', defaultRole: 'Nobody', allowRuleImport: false },
    { retentionHours: 0, bridgePort: 80, bridgeToken: 'short', defaultUnit: ' ', allowRuleImport: 'yes' },
    { retentionHours: 1.5, bridgePort: 70000, bridgeToken: 5, ruleSet: 5 },
    'not an object',
    hostile,
  ];
  return managed.flatMap((m) => {
    const policy = effectivePolicy(m);
    return [...policy.ignored, ...resolvePolicyRules({ policy, superuserRuleSet: defaultRuleSet }).ignored];
  });
}

const SWEDISH =
  /[åäöÅÄÖ]|\b(och|att|inte|måste|får|finns|saknas|saknar|är|ett|en|har|eller|nyckel|värde|tecken|timmar|timme|lista|objekt|tal|heltal|policyn|version är)\b/;
/** The words a line would have in English: without its path, its values and Cosmic's own terms. */
function wordsOnly(line: string, parts: readonly string[]): string {
  let out = line;
  const terms = ['vårdtjänst', 'Kontaktsätt', "'ingen'", '{försök}', '{svarstid}', '{påminnelsetid}'];
  for (const part of [...parts, ...terms].filter(Boolean)) out = out.split(part).join('');
  return out;
}

describe('the rule-error and policy-reason words', () => {
  const ruleErrors = everyRuleError();
  const policyIssues = everyPolicyIssue();

  it('say in Swedish exactly what shared/ says, for every rule-set error', () => {
    const seen = new Set<RuleErrorId>();
    for (const error of ruleErrors) {
      if (error.id) seen.add(error.id);
      expect(ruleErrorWords(error), `${error.id}: ${error.path}`).toBe(error.message);
    }
    const reachable = Object.keys(RULE_IDS).filter((id) => id !== 'no-migration');
    expect([...seen].sort()).toEqual(reachable.sort());
    expect(ruleErrors.some((e) => e.versionNote?.kind === 'in-version' && e.id)).toBe(true);
    expect(ruleErrors.some((e) => e.versionNote?.kind === 'after-migration' && e.id)).toBe(true);
  });

  it('say them in English with no Swedish words but the path, the values and Cosmic’s terms', () => {
    for (const error of ruleErrors.filter((e) => e.id)) {
      const english = inEnglish(() => ruleErrorWords(error));
      expect(english).not.toBe(error.message);
      expect(wordsOnly(english, [error.path, ...(error.values ?? [])]), english).not.toMatch(SWEDISH);
    }
    const typed = ruleErrors.find((e) => e.id === 'wrong-type' && e.path === 'units');
    expect(inEnglish(() => typed && ruleErrorWords(typed))).toBe('units: must be a list, not text');
    const phrase = ruleErrors.find((e) => e.id === 'phrase-duration' && e.values?.[1] === '90');
    expect(inEnglish(() => phrase && ruleErrorWords(phrase))).toBe(
      'phrases.noReplyNotice: states the time "två (2) timmar", but timers.replyWindowMinutes is 90 minutes – write {svarstid} so that the text follows the rules',
    );
    const one = ruleErrors.filter((e) => (e.id === 'max-items' || e.id === 'max-chars') && e.values?.[0] === '1');
    expect(inEnglish(() => one.map(ruleErrorWords))).toEqual([
      'the rule set: may have at most 1 item (schema version 9)',
      'the rule set: may have at most 1 character (schema version 9)',
    ]);
  });

  it('word the rule editor’s note on a migrated file as shared/ does', () => {
    const check = checkDraft(JSON.stringify(example('v2.json')));
    expect(check.ok && check.migratedFrom).toBe(2);
    if (!check.ok || check.migratedFrom === undefined) return;
    expect(migratedNoteWords(check.migratedFrom, CURRENT_SCHEMA_VERSION)).toBe(check.note);
    expect(inEnglish(() => migratedNoteWords(2, CURRENT_SCHEMA_VERSION))).not.toMatch(SWEDISH);
  });

  it('say in Swedish exactly what shared/ says, for every reason a policy value is ignored', () => {
    const seen = new Set<PolicyIssueId>();
    for (const issue of policyIssues) {
      if (issue.id) seen.add(issue.id);
      expect(policyIssueWords(issue), `${issue.id}: ${issue.key}`).toBe(issue.reason);
    }
    expect([...seen].sort()).toEqual(Object.keys(POLICY_IDS).sort());
  });

  it('say the policy reasons in English with no Swedish words but their values', () => {
    for (const issue of policyIssues.filter((i) => i.id)) {
      const english = inEnglish(() => policyIssueWords(issue));
      expect(english).not.toBe(issue.reason);
      expect(wordsOnly(english, issue.values ?? []), english).not.toMatch(SWEDISH);
    }
  });

  it('name a policy key by its title in the messages’ language, as shared/ has it', () => {
    for (const def of POLICY_KEYS) {
      expect(policyKeyTitle(def.key)).toBe(`${def.title} (${def.key})`);
      expect(inEnglish(() => policyKeyTitle(def.key))).toBe(`${def.titleEn} (${def.key})`);
    }
    expect(inEnglish(() => policyKeyTitle('features.page-health.enabled'))).toBe(
      'Features (features.page-health.enabled)',
    );
    expect(policyKeyTitle('nope')).toBeUndefined();
  });
});
