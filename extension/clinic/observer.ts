import { isOurs } from './dom-query';

/**
 * The one observer of the console SPA: DOM changes and History-API navigation, coalesced so a
 * burst of mutations causes at most one read per frame. The first change after a quiet frame is
 * read at once (leading edge: the banner follows the page within the same frame); changes that
 * follow within that frame are read together at the next one. Background tabs get no animation
 * frames, so a hidden document falls back to a short timer (the wrong-patient guard must update
 * there too).
 */
const FRAME_MS = 16;

export function observeClinic(
  doc: Document,
  onChange: () => void,
  signal: AbortSignal,
  onRecords?: (records: MutationRecord[]) => void,
): void {
  const win = doc.defaultView!;
  let scheduled = false;
  let lastRead = Number.NEGATIVE_INFINITY;

  const flush = () => {
    scheduled = false;
    lastRead = win.performance.now();
    if (!signal.aborted) onChange();
  };
  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    if (win.performance.now() - lastRead >= FRAME_MS) queueMicrotask(flush);
    else if (doc.hidden) win.setTimeout(flush, FRAME_MS);
    else win.requestAnimationFrame(flush);
  };

  const observer = new MutationObserver((records) => {
    // Our own UI's changes are not the console's.
    if (records.every((r) => isOurs(r.target))) return;
    onRecords?.(records);
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });

  win.addEventListener('popstate', schedule);
  win.addEventListener('hashchange', schedule);
  doc.addEventListener('visibilitychange', schedule);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    win.removeEventListener('popstate', schedule);
    win.removeEventListener('hashchange', schedule);
    doc.removeEventListener('visibilitychange', schedule);
  });
  schedule();
}
