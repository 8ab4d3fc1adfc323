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
