/**
 * Issue 14, language (first step): Chromium resolves the manifest's __MSG_ keys from _locales,
 * in the browser's language when we have it, else Swedish (default_locale).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localeMessages } from '../fixtures/words';
import { describeInBrowser, type ExtensionBrowser, launchWithExtension, waitFor } from './harness';
import { cardText, sidePanelFor, sidePanelText } from './side-panel';
import { type Stack, startStack } from './stack';

const messages = localeMessages;

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

/**
 * Issue 14: a browser in English gets the companion in English — the side panel's cards, the
 * extension pages and our few elements in the console page — and none of our Swedish words.
 * (Work-rule phrases are the rule set's data and the console's own words are Clinic's: those stay.)
 */
describeInBrowser('the companion in an English browser (issue 14)', () => {
  let stack: Stack;
  const sv = messages('sv');
  const en = messages('en');
  /** Our Swedish sentences (no placeholders, long enough not to be a name), where English differs. */
  const swedishOnly = Object.entries(sv)
    .filter(([key, m]) => !m.message.includes('$') && m.message.length >= 12 && en[key]?.message !== m.message)
    .map(([, m]) => m.message);
  const swedishIn = (text: string) => swedishOnly.filter((s) => text.includes(s));

  beforeAll(async () => {
    stack = await startStack({ language: 'en' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('the side panel: cards in English, its lang and title English, no Swedish of ours', async () => {
    const page = await stack.openVisit(stack.cases.adult);
    await waitFor(async () => (await cardText(page, 'same-patient-guard')).includes(en.samePatient_nobody!.message));
    const panel = await sidePanelFor(page);
    const seen = await panel.evaluate(() => ({ lang: document.documentElement.lang, title: document.title }));
    expect(seen.lang).toMatch(/^en/);
    expect(seen.title).toBe(en.panel_docTitle!.message);
    // Every card of this visit drawn, then read whole.
    await waitFor(async () => (await cardText(page, 'visit-routine')).length > 0);
    expect(swedishIn(await sidePanelText(page))).toEqual([]);
    await page.close();
  });

  it('the page: the copy button and the danger bar speak English, in a Swedish console', async () => {
    const page = await stack.openVisit(stack.cases.protected);
    const bar = await page.waitForSelector('[data-clinic-companion="alarm"]');
    const ours = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-clinic-companion]'))
        .map(
          (h) =>
            `${h.getAttribute('lang') ?? ''}|${h.shadowRoot?.textContent ?? ''}|${h.shadowRoot?.querySelector('[aria-label]')?.getAttribute('aria-label') ?? ''}`,
        )
        .join('\n'),
    );
    expect(bar).not.toBeNull();
    expect(ours).toMatch(/^en/m);
    expect(swedishIn(ours)).toEqual([]);
    await page.close();
  });

  it('the options page and the popup: English titles and words', async () => {
    for (const name of ['options', 'popup']) {
      const page = await stack.ext.browser.newPage();
      await page.goto(`chrome-extension://${stack.ext.extensionId}/${name}.html`);
      await page.waitForFunction(() => (document.body.textContent ?? '').trim().length > 0);
      const seen = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        text: document.body.textContent ?? '',
      }));
      expect(seen.lang, name).toMatch(/^en/);
      expect(swedishIn(seen.text), name).toEqual([]);
      await page.close();
    }
  });
});
