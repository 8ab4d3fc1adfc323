/**
 * Unit tests run in node, without a browser's i18n: stand in for `browser.i18n` with Chrome's own
 * rules over extension/public/_locales/sv (the default locale), so tests read the Swedish a
 * clinician reads. WXT's fake browser throws for i18n; its other APIs stay as they are.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeMessages } from '../fixtures/words';
import { localeMessage } from './locale-message';

const messages = localeMessages('sv');
const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
i18n.getMessage = (key: string, substitutions?: string | string[]) => localeMessage(messages, key, substitutions);
i18n.getUILanguage = () => 'sv';
(globalThis as { browser?: unknown }).browser ??= fakeBrowser;
