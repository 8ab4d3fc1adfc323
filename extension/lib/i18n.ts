/**
 * The extension's own words (issue 14): every string a clinician, IT or a superuser reads comes
 * from extension/public/_locales through the browser's i18n (Swedish by default, English beside
 * it), so a component never hard-codes text. WXT types `getMessage` from the default locale's
 * messages.json: a key that does not exist does not compile. Work-rule phrases stay in the rule
 * set (data) and the console's own words stay in the page adapter; neither is ours to translate.
 */
type GetMessageKey = Parameters<typeof browser.i18n.getMessage>[0];
export type MessageKey = Exclude<GetMessageKey, `@@${string}`>;

/**
 * Worded messages kept: the browser's getMessage costs more than a lookup (the page's UI is
 * worded on every console change) and answers the same for a page's life; kept per getMessage
 * (a test that words in another language swaps it).
 */
const worded = new Map<string, string>();
const WORDED_ENTRIES = 2000;
let wordedBy: unknown;

/** The message in the browser's language; `substitutions` fill its placeholders ($1 … $9). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  if (browser.i18n.getMessage !== wordedBy) {
    worded.clear();
    wordedBy = browser.i18n.getMessage;
  }
  const id = substitutions.length === 0 ? key : `${key}\u0000${substitutions.join('\u0000')}`;
  const kept = worded.get(id);
  if (kept !== undefined) return kept;
  const message = browser.i18n.getMessage(key, substitutions.map(String));
  // Chrome answers "" for a key it lacks: show the key, never a blank where words belong.
  const text = message === '' ? key : message;
  if (worded.size >= WORDED_ENTRIES) worded.clear();
  worded.set(id, text);
  return text;
}

/** One or other, for counts ("1 ärende", "3 ärenden"); both languages plural only at 1 / not 1. */
export function plural(count: number, one: MessageKey, other: MessageKey): string {
  return t(count === 1 ? one : other, count);
}

/**
 * The language the words are in: for `lang` attributes and Intl formatting of dates, numbers and
 * ordinals. Not the browser's own language: a German browser gets our default (Swedish) messages,
 * so their lang, dates and "1:a" must be Swedish too. Each locale names itself.
 */
export function uiLanguage(): string {
  return t('messagesLanguage');
}
