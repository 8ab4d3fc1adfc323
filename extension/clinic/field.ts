/**
 * A value read from the console, or an honest "unknown". Wrong data is worse than none: a
 * reader that cannot find or parse its element returns unknown with the reason, never a guess.
 */
export type UnknownReason = 'missing' | 'ambiguous' | 'invalid';
export type Field<T> = { known: true; value: T } | { known: false; reason: UnknownReason; detail?: string };

export const known = <T>(value: T): Field<T> => ({ known: true, value });
export const unknown = <T = never>(reason: UnknownReason, detail?: string): Field<T> =>
  detail === undefined ? { known: false, reason } : { known: false, reason, detail };

export function valueOr<T, D>(field: Field<T>, fallback: D): T | D {
  return field.known ? field.value : fallback;
}

export function mapField<T, U>(field: Field<T>, fn: (value: T) => U): Field<U> {
  return field.known ? known(fn(field.value)) : field;
}

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
