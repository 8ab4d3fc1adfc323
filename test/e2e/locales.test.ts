/**
 * Issue 14, language (first step): Chromium resolves the manifest's __MSG_ keys from _locales,
 * in the browser's language when we have it, else Swedish (default_locale).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, type ExtensionBrowser, launchWithExtension } from './harness';

const messages = (locale: string) =>
  JSON.parse(readFileSync(`extension/public/_locales/${locale}/messages.json`, 'utf8')) as Record<
    string,
    { message: string }
  >;

describeInBrowser('_locales in the browser (issue 14)', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchWithExtension({ headless: true });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it("the extension's name and its shortcuts' descriptions come from _locales, never a raw key", async () => {
    const page = await ext.browser.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const seen = await page.evaluate(async () => ({
      ui: chrome.i18n.getUILanguage(),
      name: chrome.i18n.getMessage('extName'),
      description: chrome.i18n.getMessage('extDescription'),
      commands: Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name, c.description])),
    }));
    const expected = messages(seen.ui.startsWith('en') ? 'en' : 'sv');
    expect(seen.name).toBe(expected.extName!.message);
    expect(seen.description).toBe(expected.extDescription!.message);
    expect(seen.commands['copy-patient-id']).toBe(expected.commandCopyPatientId!.message);
    expect(seen.commands['journal-panel']).toBe(expected.commandJournalPanel!.message);
    expect(JSON.stringify(seen)).not.toContain('__MSG_');
    await page.close();
  });
});
