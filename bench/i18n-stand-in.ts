/**
 * The adapter bundled into a plain page (no extension APIs) for the snapshot bench: its reasons
 * and field names come from _locales (issue 14), so the page gets browser.i18n over the Swedish
 * messages, with Chrome's placeholder rules. Imported before the adapter.
 */
import sv from '../extension/public/_locales/sv/messages.json';
import { localeMessage } from '../test/unit/locale-message';

const g = globalThis as { browser?: unknown };
g.browser ??= {
  i18n: {
    getMessage: (key: string, substitutions?: string | string[]) => localeMessage(sv, key, substitutions),
    getUILanguage: () => 'sv',
  },
};
