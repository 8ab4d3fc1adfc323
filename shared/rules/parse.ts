// Reading a rule set from anywhere (file, managed storage, a superuser's paste): never throws,
// lists every error, migrates old schema versions step by step.
import { type ErrorWords, issuesToErrors, PARSE_OPTIONS, type RuleSetError, wordedError } from './errors';
import { MIGRATIONS } from './migrations';
import { CURRENT_SCHEMA_VERSION, type RuleSet, ruleSetSchema } from './schema';

export type ParseRuleSetResult =
  | { ok: true; rules: RuleSet; migratedFrom?: number }
  | { ok: false; errors: RuleSetError[] };

const fail = (path: string, words: ErrorWords): ParseRuleSetResult => ({
  ok: false,
  errors: [wordedError(path, words)],
});

const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(input: unknown): ParseRuleSetResult {
  let value = input;
  // A pasted file arrives as text.
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (e) {
      const detail = detailOf(e);
      return fail('', { id: 'not-json', values: [detail], sv: `är inte giltig JSON (${detail})` });
    }
  }
  if (!isPlainObject(value)) return fail('', { id: 'must-be-object', sv: 'måste vara ett objekt' });

  const version = value.schemaVersion;
  const current = String(CURRENT_SCHEMA_VERSION);
  if (version === undefined)
    return fail('schemaVersion', {
      id: 'version-missing',
      values: [current],
      sv: `saknas (nuvarande version är ${current})`,
    });
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('schemaVersion', {
      id: 'version-not-integer',
      values: [current],
      sv: `måste vara ett heltal från 1 till ${current}`,
    });
  if (version > CURRENT_SCHEMA_VERSION)
    return fail('schemaVersion', {
      id: 'version-too-new',
      values: [String(version), current],
      sv:
        `version ${version} är nyare än den här versionen av Clinic Companion kan läsa ` +
        `(högst ${current}) – uppdatera tillägget`,
    });

  let migrated: unknown = value;
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from++) {
    const step = MIGRATIONS.find((m) => m.from === from);
    if (!step)
      return fail('schemaVersion', {
        id: 'no-migration',
        values: [String(from)],
        sv: `ingen migrering finns från version ${from}`,
      });
    const result = step.run(migrated);
    if (!result.ok) return { ok: false, errors: result.errors };
    migrated = result.value;
  }

  const parsed = ruleSetSchema.safeParse(migrated, PARSE_OPTIONS);
  if (!parsed.success) {
    const note = version < CURRENT_SCHEMA_VERSION ? { kind: 'after-migration' as const, version } : undefined;
    return { ok: false, errors: issuesToErrors(parsed.error.issues, note) };
  }
  return version < CURRENT_SCHEMA_VERSION
    ? { ok: true, rules: parsed.data, migratedFrom: version }
    : { ok: true, rules: parsed.data };
}

export function parseRuleSet(input: unknown): ParseRuleSetResult {
  try {
    return parse(input);
  } catch (e) {
    // Defensive: a hostile getter or proxy must not take the extension down with it.
    const detail = detailOf(e);
    return fail('', { id: 'unreadable', values: [detail], sv: `kunde inte läsas (${detail})` });
  }
}

export interface RuleSetUpdate {
  /** The rule set in force after the update: the new one, or the last good one when refused. */
  rules: RuleSet;
  /** Every error of a refused update; absent when accepted. */
  refused?: RuleSetError[];
  migratedFrom?: number;
}

/** A malformed rule set is refused with every error listed; the last good rule set stays in force. */
export function applyRuleSetUpdate(current: RuleSet, input: unknown): RuleSetUpdate {
  const result = parseRuleSet(input);
  if (!result.ok) return { rules: current, refused: result.errors };
  return result.migratedFrom === undefined
    ? { rules: result.rules }
    : { rules: result.rules, migratedFrom: result.migratedFrom };
}
