import { isOurs, keepQueryCache, type QueryCache, withQueryCache } from './dom-query';

/**
 * The one observer of the console SPA: DOM changes and History-API navigation, coalesced so a
 * burst of mutations causes at most one read per frame. The first change after a quiet frame is
 * read at once (leading edge: the banner follows the page within the same frame); changes that
 * follow within that frame are read together at the next one. Background tabs get no animation
 * frames, so a hidden document falls back to a short timer (the wrong-patient guard must update
 * there too).
 */
const FRAME_MS = 16;

function isOurRecord(record: MutationRecord): boolean {
  if (isOurs(record.target)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOurs);
}

export function observeClinic(
  doc: Document,
  onChange: () => void,
  signal: AbortSignal,
  onRecords?: (records: MutationRecord[]) => void,
  firstRead?: QueryCache,
): void {
  const win = doc.defaultView!;
  let scheduled = false;
  let lastRead = Number.NEGATIVE_INFINITY;

  const flush = () => {
    scheduled = false;
    lastRead = win.performance.now();
    if (signal.aborted) return;
    // One structure index per console change, kept for the reads until the next change.
    const cache: QueryCache = new Map();
    withQueryCache(cache, onChange);
    keepQueryCache(doc, cache, unchanged);
  };
  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    if (win.performance.now() - lastRead >= FRAME_MS) queueMicrotask(flush);
    else if (doc.hidden) win.setTimeout(flush, FRAME_MS);
    else win.requestAnimationFrame(flush);
  };

  /** Records of the console's own changes start a read; false when there were any. */
  const changed = (records: MutationRecord[]): boolean => {
    // Our own UI's changes are not the console's (inside it, or our hosts added to the page): a
    // batch of a message appended and our chip redrawn is a message appended.
    const theirs = records.filter((record) => !isOurRecord(record));
    if (theirs.length === 0) return false;
    onRecords?.(theirs);
    schedule();
    return true;
  };
  const observer = new MutationObserver(changed);
  // A read between a change and its (asynchronous) observer callback must not use the old index.
  const unchanged = () => !signal.aborted && !changed(observer.takeRecords());
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  // The caller's first read of the page holds for the reads that follow it until the console changes.
  if (firstRead) keepQueryCache(doc, firstRead, unchanged);

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
