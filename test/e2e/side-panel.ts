import type { ElementHandle, Page, WebWorker } from 'puppeteer-core';

/**
 * The side panel (issue 14) has no automation API: its page opens in a window of its own, told
 * which console tab to show (`?tabId=`), so the console tab stays the active, visible tab of its
 * window (a hidden tab would not draw the in-page badges). One panel per console page, opened on
 * first use and closed with it.
 */
const panels = new WeakMap<Page, Promise<Page>>();

async function extensionWorker(page: Page): Promise<WebWorker> {
  const target = await page
    .browser()
    .waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
      timeout: 20_000,
    });
  const worker = await target.worker();
  if (!worker) throw new Error('no extension service worker');
  return worker;
}

/** The console page's tab id as the browser knows it (by its address: it must be unique). */
export async function consoleTabId(page: Page): Promise<number> {
  const url = page.url();
  const worker = await extensionWorker(page);
  const ids = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.filter((t) => t.url === u).map((t) => t.id);
  }, url);
  if (ids.length !== 1 || typeof ids[0] !== 'number') throw new Error(`${ids.length} tabs show ${url}`);
  return ids[0];
}

async function open(page: Page): Promise<Page> {
  const tabId = await consoleTabId(page);
  const worker = await extensionWorker(page);
  const wanted = `sidepanel.html?tabId=${tabId}`;
  const found = page.browser().waitForTarget((t) => t.type() === 'page' && t.url().endsWith(wanted), {
    timeout: 15_000,
  });
  await worker.evaluate(
    (path) => chrome.windows.create({ url: chrome.runtime.getURL(path), focused: false }).then(() => undefined),
    wanted,
  );
  const panel = await (await found).page();
  if (!panel) throw new Error('side panel target without a page');
  await panel.waitForSelector('#feature-views[data-views]:not([data-views="loading"])', { timeout: 15_000 });
  page.once('close', () => void panel.close().catch(() => {}));
  return panel;
}

/** The side panel showing this console page's tab (opened on first use). */
export function sidePanelFor(page: Page): Promise<Page> {
  let panel = panels.get(page);
  if (!panel) {
    panel = open(page);
    panels.set(page, panel);
    panel.catch(() => panels.delete(page));
  }
  return panel;
}

/** The text of the features' cards in the side panel (what the clinician reads there). */
export async function sidePanelText(page: Page): Promise<string> {
  const panel = await sidePanelFor(page);
  return panel.evaluate(
    () => document.getElementById('feature-views')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
}

/** A control in one feature's card of the side panel (CSS selector inside its shadow root). */
export async function sidePanelElement(page: Page, feature: string, selector: string): Promise<ElementHandle> {
  const panel = await sidePanelFor(page);
  const handle = await panel.waitForFunction(
    (f, s) =>
      document.getElementById('feature-views')?.shadowRoot?.querySelector(`[data-feature="${f}"]`)?.querySelector(s) ??
      null,
    { timeout: 10_000 },
    feature,
    selector,
  );
  // waitForFunction resolves only on a truthy value: an element, never the null.
  const element = handle.asElement();
  if (!element) throw new Error(`no ${selector} in the side panel's ${feature}`);
  return element as ElementHandle;
}

/**
 * The console's own controls and working areas that our element (a selector on the console page)
 * covers, by their rectangles: buttons, links, fields, the chat log, headings (issue 14).
 */
export async function controlsUnder(page: Page, ours: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const host = document.querySelector(selector);
    if (!host) return [];
    const r = host.getBoundingClientRect();
    const controls = document.querySelectorAll(
      'button, a[href], input, select, textarea, summary, [role="button"], [role="log"], [role="row"], tr, h1, h2, nav',
    );
    return [...controls]
      .filter((el) => !el.closest('[data-clinic-companion]'))
      .filter((el) => {
        const c = el.getBoundingClientRect();
        return (
          c.width > 0 && c.height > 0 && c.left < r.right && c.right > r.left && c.top < r.bottom && c.bottom > r.top
        );
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
  }, ours);
}

/** The text of one feature's card in the side panel for this console page ('' when it shows none). */
export async function cardText(page: Page, feature: string): Promise<string> {
  const panel = await sidePanelFor(page);
  return panel.evaluate(
    (f) =>
      document
        .getElementById('feature-views')
        ?.shadowRoot?.querySelector(`[data-feature="${f}"]`)
        ?.textContent?.replace(/\s+/g, ' ')
        .trim() ?? '',
    feature,
  );
}
