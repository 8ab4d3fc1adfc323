import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeMessages } from '../fixtures/words';

/**
 * Issue 14, language (first step): the manifest's name, description and commands come from
 * extension/public/_locales, Swedish by default, English beside it. Every key in every language,
 * and every __MSG_…__ the manifest names exists, so no browser shows a raw key.
 */
const LOCALES = 'extension/public/_locales';
const read = localeMessages;
const locales = readdirSync(LOCALES).sort();
const config = readFileSync('wxt.config.ts', 'utf8');

describe('_locales', () => {
  it('Swedish is the default locale, and English is there too', () => {
    expect(locales).toEqual(['en', 'sv']);
    expect(config).toMatch(/default_locale: 'sv'/);
  });

  it('every language has the same keys, each with a non-empty message and the same placeholders', () => {
    const sv = read('sv');
    for (const locale of locales) {
      const messages = read(locale);
      expect(Object.keys(messages).sort(), locale).toEqual(Object.keys(sv).sort());
      for (const [key, value] of Object.entries(messages)) {
        expect(value.message.trim(), `${locale}.${key}`).not.toBe('');
        expect(Object.keys(value.placeholders ?? {}).sort(), `${locale}.${key}`).toEqual(
          Object.keys(sv[key]!.placeholders ?? {}).sort(),
        );
      }
    }
  });

  it("the manifest's name, description and commands are localised, with keys that exist", () => {
    const used = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(used).toEqual(
      expect.arrayContaining(['extName', 'extDescription', 'commandCopyPatientId', 'commandJournalPanel']),
    );
    for (const key of used) expect(read('sv'), key).toHaveProperty(key);
    expect(config).not.toMatch(/\bname: 'Clinic Companion'/);
  });

  it.skipIf(!existsSync('.output/chrome-mv3-test/manifest.json'))('the built extension carries them', () => {
    const manifest = JSON.parse(readFileSync('.output/chrome-mv3-test/manifest.json', 'utf8'));
    expect(manifest.default_locale).toBe('sv');
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.commands['copy-patient-id'].description).toBe('__MSG_commandCopyPatientId__');
    for (const locale of locales)
      expect(existsSync(`.output/chrome-mv3-test/_locales/${locale}/messages.json`)).toBe(true);
  });
});

describe('the language our words are in', () => {
  it('each locale names its own language (messagesLanguage), for lang attributes and formatting', () => {
    for (const locale of locales) expect(read(locale).messagesLanguage?.message, locale).toBe(locale);
  });

  it("a browser in a language we lack gets the default messages, marked as theirs, not the browser's", async () => {
    const { uiLanguage, t } = await import('../../extension/lib/i18n');
    const i18n = (globalThis as unknown as { browser: { i18n: { getUILanguage(): string } } }).browser.i18n;
    const browserLanguage = i18n.getUILanguage;
    i18n.getUILanguage = () => 'de';
    try {
      expect(uiLanguage()).toBe('sv');
      expect(t('samePatient_same')).toBe(read('sv').samePatient_same!.message);
    } finally {
      i18n.getUILanguage = browserLanguage;
    }
  });
});

describe('R-S-2 words', () => {
  it('R-S-2: the card-pulled banner says the card is out, the shift still runs, and how to end it, in both languages', () => {
    expect(read('sv').shiftGuard_banner?.message).toBe(
      'SITHS-kortet är uttaget men ditt skift pågår – logga ut och välj Avsluta skift',
    );
    // The console's own button keeps its Swedish name in English.
    expect(read('en').shiftGuard_banner?.message).toMatch(/card is out.*shift is still running.*Avsluta skift/);
  });
});
