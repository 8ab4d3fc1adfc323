// Reading a rule set from anywhere (file, managed storage, a superuser's paste): never throws,
// lists every error, migrates old schema versions step by step.
import { issuesToErrors, type RuleSetError, ruleSetError, svErrorMap } from './errors';
import { MIGRATIONS } from './migrations';
import { CURRENT_SCHEMA_VERSION, type RuleSet, ruleSetSchema } from './schema';

export type ParseRuleSetResult =
  | { ok: true; rules: RuleSet; migratedFrom?: number }
  | { ok: false; errors: RuleSetError[] };

const fail = (path: string, message: string): ParseRuleSetResult => ({
  ok: false,
  errors: [ruleSetError(path, message)],
});

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
      return fail('', `är inte giltig JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (!isPlainObject(value)) return fail('', 'måste vara ett objekt');

  const version = value.schemaVersion;
  if (version === undefined) return fail('schemaVersion', `saknas (nuvarande version är ${CURRENT_SCHEMA_VERSION})`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('schemaVersion', `måste vara ett heltal från 1 till ${CURRENT_SCHEMA_VERSION}`);
  if (version > CURRENT_SCHEMA_VERSION)
    return fail(
      'schemaVersion',
      `version ${version} är nyare än den här versionen av Clinic Companion kan läsa ` +
        `(högst ${CURRENT_SCHEMA_VERSION}) – uppdatera tillägget`,
    );

  let current: unknown = value;
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from++) {
    const step = MIGRATIONS.find((m) => m.from === from);
    if (!step) return fail('schemaVersion', `ingen migrering finns från version ${from}`);
    const result = step.run(current);
    if (!result.ok) return { ok: false, errors: result.errors };
    current = result.value;
  }

  const parsed = ruleSetSchema.safeParse(current, { error: svErrorMap });
  if (!parsed.success) {
    const suffix = version < CURRENT_SCHEMA_VERSION ? ` (efter migrering från schemaversion ${version})` : '';
    return { ok: false, errors: issuesToErrors(parsed.error.issues, suffix) };
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
    return fail('', `kunde inte läsas (${e instanceof Error ? e.message : String(e)})`);
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
