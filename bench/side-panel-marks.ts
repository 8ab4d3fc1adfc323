/**
 * Page scripts for the side panel benches (issue 14), as strings: tsx would wrap functions with
 * helpers the page does not have. They note times in the side panel's own page.
 */

/**
 * Before the side panel's scripts (evaluateOnNewDocument): `window.__cardsDrawnAt`, the time since
 * navigation when the feature cards are connected to the tab and the patient-safety card is drawn.
 */
export const NOTE_CARDS_DRAWN = `(() => {
  const drawn = () => {
    const host = document.getElementById('feature-views');
    return host?.dataset.views === 'connected' && !!host.shadowRoot?.querySelector('[data-feature="patient-safety-banner"] section');
  };
  const note = () => {
    if (window.__cardsDrawnAt === undefined && drawn()) window.__cardsDrawnAt = performance.now();
  };
  const watched = new WeakSet();
  new MutationObserver(() => {
    const root = document.getElementById('feature-views')?.shadowRoot;
    if (root && !watched.has(root)) {
      watched.add(root);
      new MutationObserver(note).observe(root, { subtree: true, childList: true });
    }
    note();
  }).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

/**
 * After a tab switch is asked for: `window.__visitShown`, a promise of the epoch times (ms) when
 * the side panel hears of it (tabs.onActivated) and shows the visit of `name`: its journal, its
 * cards (the safety card with, or without, the protected-identity warning), and both
 * ({ activated, journal, cards, both }; -1: not within 5 s).
 */
export function noteVisitShown(name: string, isProtected: boolean): string {
  return `window.__visitShown = new Promise((resolve) => {
  const at = { activated: -1, journal: -1, cards: -1, both: -1 };
  const activated = () => {
    at.activated = performance.timeOrigin + performance.now();
    chrome.tabs.onActivated.removeListener(activated);
  };
  chrome.tabs.onActivated.addListener(activated);
  const cardsShown = () => {
    const host = document.getElementById('feature-views');
    const card = host?.dataset.views === 'connected' ? host.shadowRoot?.querySelector('[data-feature="patient-safety-banner"]') : null;
    return !!card && (card.textContent ?? '').includes('Skyddade personuppgifter') === ${isProtected};
  };
  const journalShown = () => document.querySelector('main .visit strong')?.textContent === ${JSON.stringify(name)};
  const check = () => {
    const now = performance.timeOrigin + performance.now();
    const journal = journalShown();
    const cards = cardsShown();
    if (journal && at.journal < 0) at.journal = now;
    if (cards && at.cards < 0) at.cards = now;
    if (!journal || !cards) return;
    at.both = now;
    observer.disconnect();
    resolve(at);
  };
  let root = null;
  const observer = new MutationObserver(() => {
    const now = document.getElementById('feature-views')?.shadowRoot ?? null;
    if (now && now !== root) {
      root = now;
      observer.observe(root, { subtree: true, childList: true, characterData: true });
    }
    check();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  root = document.getElementById('feature-views')?.shadowRoot ?? null;
  if (root) observer.observe(root, { subtree: true, childList: true, characterData: true });
  setTimeout(() => resolve(at), 5000);
  check();
}); undefined`;
}
