/**
 * The extension's own words (issue 14): every string a clinician, IT or a superuser reads comes
 * from extension/public/_locales through the browser's i18n (Swedish by default, English beside
 * it), so a component never hard-codes text. WXT types `getMessage` from the default locale's
 * messages.json: a key that does not exist does not compile. Work-rule phrases stay in the rule
 * set (data) and the console's own words stay in the page adapter; neither is ours to translate.
 */
type GetMessageKey = Parameters<typeof browser.i18n.getMessage>[0];
export type MessageKey = Exclude<GetMessageKey, `@@${string}`>;

/** The message in the browser's language; `substitutions` fill its placeholders ($1 … $9). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  // Chrome answers "" for a key it lacks: show the key, never a blank where words belong.
  return text === '' ? key : text;
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
