import { localeMessages } from '../fixtures/words';
import { localeMessage } from './locale-message';

const en = localeMessages('en');
const i18n = (
  globalThis as unknown as { browser: { i18n: { getMessage(key: string, subs?: string | string[]): string } } }
).browser.i18n;

/** What `fn` says in an English browser (the unit tests' i18n is Swedish: i18n-setup.ts). */
export function inEnglish<T>(fn: () => T): T {
  const swedish = i18n.getMessage;
  i18n.getMessage = (key, subs) => localeMessage(en, key, subs);
  try {
    return fn();
  } finally {
    i18n.getMessage = swedish;
  }
}
