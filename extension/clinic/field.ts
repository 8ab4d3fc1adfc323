import { t } from '../lib/i18n';

/**
 * A value read from the console, or an honest "unknown". Wrong data is worse than none: a
 * reader that cannot find or parse its element returns unknown with the reason, never a guess.
 */
export type UnknownReason = 'missing' | 'ambiguous' | 'invalid';
export type Field<T> = { known: true; value: T } | { known: false; reason: UnknownReason; detail?: string };

export const known = <T>(value: T): Field<T> => ({ known: true, value });
export const unknown = <T = never>(reason: UnknownReason, detail?: string): Field<T> =>
  detail === undefined ? { known: false, reason } : { known: false, reason, detail };

/** The UI's words when a field is unknown (the browser's language). */
export function unknownText(field: { known: false; reason: UnknownReason }): string {
  switch (field.reason) {
    case 'missing':
      return t('adapter_unkMissing');
    case 'ambiguous':
      return t('adapter_unkAmbig');
    case 'invalid':
      return t('adapter_unkInvalid');
  }
}
