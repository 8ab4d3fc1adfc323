/**
 * A console page (the simulator's, or one saved from it) as the test's document: its markup
 * without the doctype and the app's scripts — the adapter reads what the page shows, as drawn.
 */
export function showPage(html: string): void {
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/<script[\s\S]*?<\/script>/gi, '');
}
