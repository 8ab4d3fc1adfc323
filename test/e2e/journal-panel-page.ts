import type { Page } from 'puppeteer-core';
import type { Stack } from './stack';

/** The console tab's id, as the browser knows it (the side panel is told which tab to show). */
export async function tabIdOf(stack: Stack, page: Page): Promise<number> {
  const url = page.url();
  const worker = await stack.ext.worker();
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab for ${url}`);
  return id;
}

/**
 * The side panel has no automation API: its page opens as a tab, told which console tab to show.
 * Waits until the note is filled in.
 */
export async function openJournalPanel(stack: Stack, consolePage: Page): Promise<Page> {
  const tabId = await tabIdOf(stack, consolePage);
  const origin = `chrome-extension://${stack.ext.extensionId}`;
  await stack.ext.browser
    .defaultBrowserContext()
    .overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  const panel = await stack.ext.browser.newPage();
  await panel.goto(`${origin}/sidepanel.html?tabId=${tabId}`, { waitUntil: 'domcontentloaded' });
  await panel.waitForSelector('html[data-state="filled"]', { timeout: 15_000 });
  return panel;
}

/**
 * The browser's own side panel (not a page told its tab), opened for the console tab as
 * Alt+Shift+J or the browser's side panel menu does. Neither can be driven from here (a command's
 * key never reaches the browser from a page's input): `sidePanel.open` is called in a click's user
 * gesture in an extension page of its own window, as the background does for the command.
 */
export async function openRealSidePanel(stack: Stack, consolePage: Page): Promise<Page> {
  const tabId = await tabIdOf(stack, consolePage);
  const origin = `chrome-extension://${stack.ext.extensionId}`;
  const url = `${origin}/popup.html?side-panel-opener`;
  const found = stack.ext.browser.waitForTarget((t) => t.url() === url);
  const worker = await stack.ext.worker();
  await worker.evaluate((u) => chrome.windows.create({ url: u, focused: false }).then(() => undefined), url);
  const opener = (await (await found).page())!;
  try {
    await opener.evaluate((id) => {
      document.addEventListener('click', () => {
        chrome.sidePanel.open({ tabId: id }).then(
          () => document.body.setAttribute('data-opened', 'yes'),
          (e: unknown) => document.body.setAttribute('data-opened', String(e)),
        );
      });
    }, tabId);
    await opener.click('body');
    await opener.waitForSelector('body[data-opened]');
    const opened = await opener.$eval('body', (b) => b.dataset.opened);
    if (opened !== 'yes') throw new Error(`sidePanel.open: ${opened}`);
  } finally {
    await opener.close();
  }
  const target = await stack.ext.browser.waitForTarget((t) => t.url() === `${origin}/sidepanel.html`, {
    timeout: 10_000,
  });
  return (await target.asPage())!;
}
