// Swedish validation messages for rule sets. Superusers maintain rule sets by hand, so every
// message names the path of the bad value: `timers.replyWindowMinutes: måste vara ett heltal större än 0`.
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
}

/** Errors whose words are fixed here or in the policy rules (zod's and schemas' own texts have none). */
export type RuleErrorId =
  | 'missing'
  | 'unknown-key'
  | 'not-json'
  | 'must-be-object'
  | 'override-schema-version'
  | 'not-in-rule-set';

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

export const MISSING = 'saknas';
export const UNKNOWN_KEY = 'okänd nyckel – ta bort den eller rätta stavningen';

/** What a received value is, in Swedish, for "måste vara ett tal, inte text". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'en lista';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isNaN(value) ? 'NaN' : 'ett tal';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'ett objekt';
    default:
      return typeof value;
  }
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

/**
 * Per-parse error map (passed to safeParse, never installed globally: other modules' schemas keep
 * their own messages). Schema-level `error` options take precedence over it.
 */
export const svErrorMap: core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return MISSING;
      return `måste vara ${EXPECTED[issue.expected] ?? issue.expected}, inte ${describeValue(issue.input)}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'får inte vara tom' : `måste ha minst ${min} tecken`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? 'får inte vara en tom lista' : `måste ha minst ${min} element`;
      return issue.inclusive ? `måste vara minst ${min}` : `måste vara större än ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `får ha högst ${max} tecken`;
      if (issue.origin === 'array' || issue.origin === 'set') return `får ha högst ${max} element`;
      return issue.inclusive ? `får vara högst ${max}` : `måste vara mindre än ${max}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `måste vara ${quote(issue.values[0])}`
        : `måste vara något av: ${issue.values.map(quote).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'url' ? 'måste vara en giltig webbadress (http eller https)' : 'har fel format';
    case 'not_multiple_of':
      return `måste vara en multipel av ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return 'okänd nyckel';
    case 'invalid_union': {
      // A discriminated union whose discriminator matched no option lists the options.
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options) && options.length > 0) return `måste vara något av: ${options.map(quote).join(', ')}`;
      return 'har ett ogiltigt värde';
    }
    case 'invalid_key':
      return 'har en ogiltig nyckel';
    case 'invalid_element':
      return 'har ett ogiltigt element';
    default:
      return 'är ogiltigt';
  }
};

/** zod issues → one error per problem, unknown keys one by one (each is its own typo to fix). */
export function issuesToErrors(issues: readonly core.$ZodIssue[], suffix = ''): RuleSetError[] {
  const out: RuleSetError[] = [];
  const seen = new Set<string>();
  const push = (e: RuleSetError) => {
    // A suffix (the schema version) is not in the extension's words: keep shared's Swedish.
    const withSuffix = suffix ? { path: e.path, message: `${e.message}${suffix}` } : e;
    if (seen.has(withSuffix.message)) return;
    seen.add(withSuffix.message);
    out.push(withSuffix);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) push(ruleSetError([...issue.path, key], UNKNOWN_KEY, 'unknown-key'));
    } else {
      // Our error map's "missing", unless a schema's own words took precedence.
      const missing = issue.code === 'invalid_type' && issue.input === undefined && issue.message === MISSING;
      push(ruleSetError(issue.path, issue.message, missing ? 'missing' : undefined));
    }
  }
  return out;
}
