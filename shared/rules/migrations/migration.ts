// One schema-version step. Each step owns a frozen copy of the shape it reads, so later edits to
// the current schema never change how an old file is read.
import type { z } from 'zod';
import { issuesToErrors, PARSE_OPTIONS, type RuleSetError } from '../errors';

export interface Migration {
  from: number;
  to: number;
  /** Validates a version-`from` object and turns it into version `to` (validated by the next step). */
  run(input: unknown): { ok: true; value: unknown } | { ok: false; errors: RuleSetError[] };
}

export function defineMigration<S extends z.ZodType>(step: {
  from: number;
  to: number;
  /** The version-`from` shape: strict where the migration reads, loose elsewhere. */
  schema: S;
  migrate(input: z.output<S>): unknown;
}): Migration {
  return {
    from: step.from,
    to: step.to,
    run(input) {
      const parsed = step.schema.safeParse(input, PARSE_OPTIONS);
      if (!parsed.success)
        return { ok: false, errors: issuesToErrors(parsed.error.issues, { kind: 'in-version', version: step.from }) };
      return { ok: true, value: step.migrate(parsed.data) };
    },
  };
}
