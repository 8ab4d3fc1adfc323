/**
 * A value read from the console, or an honest "unknown". Wrong data is worse than none: a
 * reader that cannot find or parse its element returns unknown with the reason, never a guess.
 */
export type UnknownReason = 'missing' | 'ambiguous' | 'invalid';
export type Field<T> = { known: true; value: T } | { known: false; reason: UnknownReason; detail?: string };

export const known = <T>(value: T): Field<T> => ({ known: true, value });
export const unknown = <T = never>(reason: UnknownReason, detail?: string): Field<T> =>
  detail === undefined ? { known: false, reason } : { known: false, reason, detail };

/** Swedish text for the UI when a field is unknown. */
export function unknownText(field: { known: false; reason: UnknownReason }): string {
  switch (field.reason) {
    case 'missing':
      return 'okänt (hittades inte på sidan)';
    case 'ambiguous':
      return 'okänt (flera olika värden på sidan)';
    case 'invalid':
      return 'okänt (ogiltigt värde på sidan)';
  }
}
