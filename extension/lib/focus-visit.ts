/**
 * Brings a visit to the front (a notification's click, the overview): its last tab if it still
 * shows the visit, else any tab that does, else a new tab (never navigating a tab away from what
 * it shows: it may hold another chat's draft). The window is focused too: the clinician may be in
 * Cosmic or another browser window.
 */
export interface VisitTarget {
  tabId: number | null;
  windowId: number | null;
  visitUrl: string;
}

/** Same visit: same origin and path (the console's SPA may add a query or a hash). */
export function sameVisit(url: string | undefined, visitUrl: string): boolean {
  if (!url) return false;
  try {
    const a = new URL(url);
    const b = new URL(visitUrl);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

export async function focusVisit(target: VisitTarget): Promise<{ tabId: number; windowId: number } | null> {
  let tab = target.tabId === null ? null : await browser.tabs.get(target.tabId).catch(() => null);
  if (!tab || !sameVisit(tab.url, target.visitUrl)) {
    const showing = (await browser.tabs.query({})).find((t) => sameVisit(t.url, target.visitUrl));
    if (showing) tab = showing;
    else {
      const windowId = tab?.windowId ?? target.windowId ?? undefined;
      tab = await browser.tabs
        .create({ url: target.visitUrl, active: true, ...(windowId === undefined ? {} : { windowId }) })
        .catch(() => browser.tabs.create({ url: target.visitUrl, active: true }));
    }
  }
  if (!tab || tab.id === undefined) return null;
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
  return { tabId: tab.id, windowId: tab.windowId ?? -1 };
}
