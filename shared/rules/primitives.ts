// Building blocks shared by the current schema and the frozen schemas of old versions
// (migrations). Messages are Swedish and name no path: the path is prefixed by issuesToErrors.
// The fixed ones are registered (ownWords) and the composed ones carry an ID (ownIssue), so the
// extension words them in the browser's language.
import { z } from 'zod';
import { ownIssue, ownWords } from './errors';

export const NON_EMPTY = ownWords('får inte vara tom', 'empty-text');
export const POSITIVE_INT = ownWords('måste vara ett heltal större än 0', 'positive-int');

/** A non-blank string (whitespace only counts as empty: it would paste as nothing). */
export const text = () => z.string().refine((s) => s.trim() !== '', { error: NON_EMPTY });

/** A whole number > 0; one message for every way of getting it wrong. */
export const positiveInt = () =>
  z
    .number({ error: (iss) => (iss.input === undefined ? 'saknas' : POSITIVE_INT) })
    .int({ error: POSITIVE_INT })
    .positive({ error: POSITIVE_INT });

/** Why `source` does not compile as a RegExp with `flags`, or null when it does. */
export function regexError(source: string, flags: string): string | null {
  try {
    new RegExp(source, flags);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * A regular-expression source that compiles with `flags` (consumers add the same flags). Empty is
 * refused: it matches everything, which is never what a superuser meant.
 */
export const regexSource = (flags = 'u') =>
  z.string().superRefine((source, ctx) => {
    if (source === '') {
      ctx.addIssue(ownIssue(NON_EMPTY, 'empty-text', [], { input: source }));
      return;
    }
    const err = regexError(source, flags);
    if (err !== null)
      ctx.addIssue(ownIssue(`är inget giltigt reguljärt uttryck (${err})`, 'bad-regex', [err], { input: source }));
  });

/** Reports every repeated entry of a list of strings at its own index. */
export function uniqueEntries(list: readonly unknown[], ctx: z.RefinementCtx, path: PropertyKey[] = []): void {
  const seen = new Set<unknown>();
  list.forEach((value, index) => {
    if (seen.has(value)) {
      const shown = typeof value === 'string' ? `'${value}'` : String(value);
      ctx.addIssue(
        ownIssue(`${shown} förekommer mer än en gång`, 'duplicate', [shown], { path: [...path, index], input: value }),
      );
    }
    seen.add(value);
  });
}

/** A list of distinct non-blank strings. */
export const uniqueTexts = () => z.array(text()).superRefine((list, ctx) => uniqueEntries(list, ctx));

/** A calendar date `YYYY-MM-DD`, optionally with an ISO time. */
export const isoDate = () =>
  z.string().refine((s) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    error: ownWords('måste vara ett datum i formatet ÅÅÅÅ-MM-DD', 'date-format'),
  });

/** An http(s) URL (intranet links may be plain http). */
export const webUrl = () =>
  z.url({ protocol: /^https?$/, error: ownWords('måste vara en giltig webbadress (http eller https)', 'invalid-url') });
