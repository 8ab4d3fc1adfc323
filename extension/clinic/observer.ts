import { COMPANION_HOST_ATTR, isOurs, keepQueryCache, type QueryCache, withQueryCache } from './dom-query';

/**
 * The one observer of the console SPA: DOM changes and History-API navigation, coalesced so a
 * burst of mutations causes at most one read per frame. The first change after a quiet frame is
 * read at once (leading edge: the banner follows the page within the same frame); changes that
 * follow within that frame are read together at the next one. Background tabs get no animation
 * frames, so a hidden document falls back to a short timer (the wrong-patient guard must update
 * there too).
 */
const FRAME_MS = 16;

/**
 * `oursByTarget`: one batch's answers per target (a console re-render removes 2,000 children of
 * one list). Under the console's <body>, a node added or removed is ours only when it is one of our
 * hosts itself: our UI inside them is in shadow roots, which this observer does not see.
 */
function isOurRecord(record: MutationRecord, oursByTarget: Map<Node, boolean>): boolean {
  let ours = oursByTarget.get(record.target);
  if (ours === undefined) {
    ours = isOurs(record.target);
    oursByTarget.set(record.target, ours);
  }
  if (ours) return true;
  // Our hosts are put only in <body> (ui-host, live regions, the danger bar, the layout probe):
  // elsewhere the nodes need no look (each record's node lists are objects made on first access).
  if (record.type !== 'childList' || record.target !== record.target.ownerDocument?.body) return false;
  const { addedNodes, removedNodes } = record;
  if (addedNodes.length + removedNodes.length === 0) return false;
  // No array or iterator per record: leaving a 2,000-message chat delivers 2,000 of them.
  return allOurHosts(addedNodes) && allOurHosts(removedNodes);
}

function allOurHosts(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) if (!isOurHost(nodes[i]!)) return false;
  return true;
}

function isOurHost(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(COMPANION_HOST_ATTR);
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
    const oursByTarget = new Map<Node, boolean>();
    const theirs = records.filter((record) => !isOurRecord(record, oursByTarget));
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
  // A caller that has just read the page (in this task: nothing of the console changed since) is
  // owed no read until the console changes; re-reading it cost each console load ≈ 5 ms (issue 16).
  if (!firstRead) schedule();
}
