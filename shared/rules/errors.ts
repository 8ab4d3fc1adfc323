// Swedish validation messages for rule sets. Superusers maintain rule sets by hand, so every
// message names the path of the bad value: `timers.replyWindowMinutes: måste vara ett heltal större än 0`.
// Besides its Swedish, an error whose words are ours carries an ID and the values its sentence
// needs, so the extension can say it in the browser's language (issue 14); a schema's own words
// that are not registered here keep only their Swedish.
import type { core } from 'zod';

export interface RuleSetError {
  /** Dotted path with [index] for lists, '' for the whole rule set. */
  path: string;
  /** Swedish, starting with the path. */
  message: string;
  /** Set when the words are one of ours (not a schema's own): the extension words it by ID. */
  id?: RuleErrorId;
  /** What the sentence needs besides the path, in order. */
  values?: string[];
  /** The schema version the error was found in (set with `id`): the end of `message`. */
  versionNote?: VersionNote;
}

/** ` (schemaversion 1)` after a migration step's errors, ` (efter migrering från schemaversion 1)` after migrating. */
export interface VersionNote {
  kind: 'in-version' | 'after-migration';
  version: number;
}

/** Errors whose words are fixed here, in the parser, the schemas or the policy rules. */
export type RuleErrorId =
  | 'missing'
  | 'unknown-key'
  | 'not-json'
  | 'must-be-object'
  | 'override-schema-version'
  | 'not-in-rule-set'
  // zod's issues in our words (svErrorMap)
  | 'wrong-type'
  | 'empty-text'
  | 'min-chars'
  | 'empty-list'
  | 'min-items'
  | 'min-value'
  | 'greater-than'
  | 'max-chars'
  | 'max-items'
  | 'max-value'
  | 'less-than'
  | 'must-equal'
  | 'one-of'
  | 'invalid-url'
  | 'bad-format'
  | 'multiple-of'
  | 'invalid-value'
  | 'invalid-key'
  | 'invalid-element'
  | 'invalid'
  // reading a file (parse.ts)
  | 'version-missing'
  | 'version-not-integer'
  | 'version-too-new'
  | 'no-migration'
  | 'unreadable'
  // the schemas' own words (ownWords / ownIssue)
  | 'positive-int'
  | 'bad-regex'
  | 'duplicate'
  | 'date-format'
  | 'ingen-when-required'
  | 'fallback-same'
  | 'fill-count'
  | 'not-in-keywords'
  | 'after-amber'
  | 'lacks'
  | 'max-hours'
  | 'not-in-units'
  | 'not-in-roles'
  | 'not-in-v1'
  | 'whole-minutes'
  // a phrase that contradicts the timers (phrases.ts)
  | 'unknown-placeholder'
  | 'phrase-duration'
  | 'phrase-attempts';

/** An error's ID and values beside its Swedish (without the path). */
export interface ErrorWords {
  id: RuleErrorId;
  values?: string[];
  sv: string;
}

export const ROOT_LABEL = 'regeluppsättningen';

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

export function ruleSetError(
  path: readonly PropertyKey[] | string,
  message: string,
  id?: RuleErrorId,
  values?: string[],
): RuleSetError {
  const p = typeof path === 'string' ? path : formatPath(path);
  const error: RuleSetError = { path: p, message: `${p === '' ? ROOT_LABEL : p}: ${message}` };
  if (id) error.id = id;
  if (id && values) error.values = values;
  return error;
}

/** The same, from the words with their ID. */
export const wordedError = (path: readonly PropertyKey[] | string, w: ErrorWords): RuleSetError =>
  ruleSetError(path, w.sv, w.id, w.values);

export const MISSING = 'saknas';
export const UNKNOWN_KEY = 'okänd nyckel – ta bort den eller rätta stavningen';

/** Schemas' fixed messages that are ours to word: Swedish → ID and values. */
const OWN_WORDS = new Map<string, Omit<ErrorWords, 'sv'>>();

/** A schema's fixed message (its `error`), registered so its errors get the ID. */
export function ownWords(sv: string, id: RuleErrorId, values?: string[]): string {
  OWN_WORDS.set(sv, values ? { id, values } : { id });
  return sv;
}

/** A custom issue (ctx.addIssue) whose words are ours: the ID and values ride in its params. */
export function ownIssue(
  sv: string,
  id: RuleErrorId,
  values: string[] = [],
  at: { path?: PropertyKey[]; input?: unknown } = {},
): core.$ZodRawIssue<core.$ZodIssueCustom> {
  return {
    code: 'custom',
    message: sv,
    params: { ruleErrorId: id, ruleErrorValues: values },
    input: at.input,
    ...(at.path ? { path: at.path } : {}),
  };
}

/** What kind of value was found: a code the words are looked up by ('NaN', 'null' … are their own words). */
export function valueKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

const FOUND_SV: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  boolean: 'true/false',
  object: 'ett objekt',
  array: 'en lista',
};

/** What a received value is, in Swedish, for "måste vara ett tal, inte text". */
export function describeValue(value: unknown): string {
  const kind = valueKind(value);
  return FOUND_SV[kind] ?? kind;
}

const EXPECTED: Record<string, string> = {
  string: 'en text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett objekt',
  record: 'ett objekt',
};

const quote = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : String(v));

type AnyIssue = core.$ZodRawIssue | core.$ZodIssue;

function sizeWords(issue: AnyIssue & { code: 'too_small' | 'too_big' }): ErrorWords {
  const small = issue.code === 'too_small';
  const n = Number(small ? issue.minimum : issue.maximum);
  const v = [String(n)];
  if (issue.origin === 'string') {
    if (!small) return { id: 'max-chars', values: v, sv: `får ha högst ${n} tecken` };
    return n <= 1
      ? { id: 'empty-text', sv: 'får inte vara tom' }
      : { id: 'min-chars', values: v, sv: `måste ha minst ${n} tecken` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (!small) return { id: 'max-items', values: v, sv: `får ha högst ${n} element` };
    return n <= 1
      ? { id: 'empty-list', sv: 'får inte vara en tom lista' }
      : { id: 'min-items', values: v, sv: `måste ha minst ${n} element` };
  }
  if (small)
    return issue.inclusive
      ? { id: 'min-value', values: v, sv: `måste vara minst ${n}` }
      : { id: 'greater-than', values: v, sv: `måste vara större än ${n}` };
  return issue.inclusive
    ? { id: 'max-value', values: v, sv: `får vara högst ${n}` }
    : { id: 'less-than', values: v, sv: `måste vara mindre än ${n}` };
}

const oneOf = (values: readonly unknown[]): ErrorWords => {
  const list = values.map(quote).join(', ');
  return { id: 'one-of', values: [list], sv: `måste vara något av: ${list}` };
};

/** Our words for a zod issue: the error map's Swedish, with its ID and values. */
export function zodWords(issue: AnyIssue): ErrorWords {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { id: 'missing', sv: MISSING };
      const found = valueKind(issue.input);
      return {
        id: 'wrong-type',
        values: [issue.expected, found],
        sv: `måste vara ${EXPECTED[issue.expected] ?? issue.expected}, inte ${describeValue(issue.input)}`,
      };
    }
    case 'too_small':
    case 'too_big':
      return sizeWords(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? { id: 'must-equal', values: [quote(issue.values[0])], sv: `måste vara ${quote(issue.values[0])}` }
        : oneOf(issue.values);
    case 'invalid_format':
      return issue.format === 'url'
        ? { id: 'invalid-url', sv: 'måste vara en giltig webbadress (http eller https)' }
        : { id: 'bad-format', sv: 'har fel format' };
    case 'not_multiple_of':
      return {
        id: 'multiple-of',
        values: [String(issue.divisor)],
        sv: `måste vara en multipel av ${String(issue.divisor)}`,
      };
    case 'unrecognized_keys':
      // issuesToErrors words these key by key, one error each.
      return { id: 'unknown-key', sv: UNKNOWN_KEY };
    case 'invalid_union': {
      // A discriminated union whose discriminator matched no option lists the options.
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options) && options.length > 0) return oneOf(options);
      return { id: 'invalid-value', sv: 'har ett ogiltigt värde' };
    }
    case 'invalid_key':
      return { id: 'invalid-key', sv: 'har en ogiltig nyckel' };
    case 'invalid_element':
      return { id: 'invalid-element', sv: 'har ett ogiltigt element' };
    default:
      return { id: 'invalid', sv: 'är ogiltigt' };
  }
}

/**
 * Per-parse error map (passed to safeParse, never installed globally: other modules' schemas keep
 * their own messages). Schema-level `error` options take precedence over it.
 */
export const svErrorMap: core.$ZodErrorMap = (issue) => zodWords(issue).sv;

/** The options to parse a rule set with: our words, and the input kept so issuesToErrors can word them. */
export const PARSE_OPTIONS = { error: svErrorMap, reportInput: true } as const;

/** The ID of an issue's words, when they are ours: registered, carried in params, or the error map's own. */
function wordsOf(issue: core.$ZodIssue): Omit<ErrorWords, 'sv'> | undefined {
  if (issue.code === 'custom') {
    const id: unknown = issue.params?.ruleErrorId;
    const values: unknown = issue.params?.ruleErrorValues;
    if (typeof id === 'string') {
      const list = Array.isArray(values) ? values.map(String) : [];
      return list.length > 0 ? { id: id as RuleErrorId, values: list } : { id: id as RuleErrorId };
    }
  }
  const own = OWN_WORDS.get(issue.message);
  if (own) return own;
  const map = zodWords(issue);
  // Only when the message is the error map's: a schema's own words never get its ID.
  if (map.sv !== issue.message) return undefined;
  return map.values ? { id: map.id, values: map.values } : { id: map.id };
}

const NOTE_SV: Record<VersionNote['kind'], string> = {
  'in-version': 'schemaversion',
  'after-migration': 'efter migrering från schemaversion',
};

/** zod issues → one error per problem, unknown keys one by one (each is its own typo to fix). */
export function issuesToErrors(issues: readonly core.$ZodIssue[], note?: VersionNote): RuleSetError[] {
  const out: RuleSetError[] = [];
  const seen = new Set<string>();
  const suffix = note ? ` (${NOTE_SV[note.kind]} ${note.version})` : '';
  const push = (e: RuleSetError) => {
    const withSuffix: RuleSetError = suffix ? { ...e, message: `${e.message}${suffix}` } : e;
    // The note belongs to the words: only an error the extension words needs it.
    if (note && e.id) withSuffix.versionNote = note;
    if (seen.has(withSuffix.message)) return;
    seen.add(withSuffix.message);
    out.push(withSuffix);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) push(ruleSetError([...issue.path, key], UNKNOWN_KEY, 'unknown-key'));
    } else {
      const words = wordsOf(issue);
      push(ruleSetError(issue.path, issue.message, words?.id, words?.values));
    }
  }
  return out;
}
