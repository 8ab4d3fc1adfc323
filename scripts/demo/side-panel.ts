import type { Page } from 'puppeteer-core';
import { sidePanelFor } from '../../test/e2e/side-panel';

/** About the width of the browser's side panel (puppeteer's default viewport would be 1440 wide). */
export const SIDE_PANEL_VIEWPORT = { width: 420, height: 900 };

/** The side panel for a console page, opened in its own window (as the e2e tests do), sized like the browser's. */
export async function showSidePanel(page: Page): Promise<Page> {
  const panel = await sidePanelFor(page);
  await panel.setViewport(SIDE_PANEL_VIEWPORT);
  return panel;
}

/** Headed: the side panel's window stands beside the console's, so a watching person sees both. */
export async function placeSidePanel(page: Page): Promise<void> {
  const panel = await showSidePanel(page);
  const browser = page.browser();
  const beside = await browser.getWindowBounds(await page.windowId());
  await browser
    .setWindowBounds(await panel.windowId(), {
      left: (beside.left ?? 0) + (beside.width ?? 1440),
      top: beside.top ?? 0,
      width: SIDE_PANEL_VIEWPORT.width,
      height: beside.height ?? SIDE_PANEL_VIEWPORT.height,
      windowState: 'normal',
    })
    .catch(() => {}); // a window manager may refuse: the window is open either way
  await page.bringToFront();
}

/** The danger bar's text on the console page (issue 14: the gravest warnings), null when none shows. */
export function dangerBarText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-clinic-companion="alarm"]');
    if (!host || getComputedStyle(host).display === 'none') return null;
    return host.shadowRoot?.querySelector('.bar')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  });
}
