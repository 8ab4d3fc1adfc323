import { priorityIn, waitedMinutes } from './identity-text';
import { withQueryCache } from './query-cache';
import { type QueueRow, type QueueRowPlace, waitingQueuePlaces } from './queue-rows';
import type { SelectorRegistry } from './selectors';
import { readSnapshot } from './snapshot';

/** Text the patterns run over once: any text compiles them, none of it is read. */
const SAMPLE = 'Prioritet 2 · Väntat 1 tim 5 min';

/**
 * Issue 16: V8 compiles a regular expression on its first run and again, to machine code, on its
 * second; the vocabulary's patterns (Unicode letter classes before and after each word, ≈ 1 ms
 * each) were compiled on the clinician's first click that needed them (Drop in's column headers
 * and waiting times). Run while the browser is idle after the page's first read, they are ready
 * when the clinician acts. The compiled code is shared by every pattern with the same source and
 * flags, so a registry rebuilt for new rules reuses it.
 */
export function warmUpPatterns(registry: SelectorRegistry): void {
  const { column, authors: _authors, ...single } = registry.match;
  for (const pattern of [...Object.values(single), ...Object.values(column)]) {
    pattern?.test(SAMPLE);
    pattern?.test(SAMPLE);
  }
  for (let i = 0; i < 2; i++) {
    waitedMinutes(SAMPLE);
    priorityIn(SAMPLE);
  }
}

/** What the made-up queue read gave: rows and their places, as on Drop in. */
export interface WarmUpQueue {
  rows: QueueRow[];
  places: QueueRowPlace[];
}

/**
 * Issue 16: the first read of Drop in's queue ran the queue reader's code for the first time in
 * the page's life (V8 compiles a function on its first call and tiers it up as it runs): 8–11 ms
 * for the first read of 200 rows, 1.5 ms for the next. Read twice while idle over a made-up queue
 * of 24 rows (enough runs of the per-row code for V8 to tier it up) in a document of its own
 * (made with `page`, never the console's page, never shown, no one's data, headed by the
 * registry's own words), the clinician's first Drop in runs warm code. Null when the vocabulary
 * names no queue or columns to head it with.
 */
export function warmUpQueueRead(page: Document, registry: SelectorRegistry, now: Date): WarmUpQueue | null {
  const doc = madeUpQueue(page, registry);
  if (!doc) return null;
  let read: WarmUpQueue | null = null;
  for (let i = 0; i < 2; i++) {
    read = withQueryCache(new Map(), () => {
      const snapshot = readSnapshot(doc, registry, now);
      const places = waitingQueuePlaces(doc, registry);
      return snapshot.queue.known && places ? { rows: snapshot.queue.value, places } : null;
    });
  }
  return read;
}

/** A waiting queue as a table named by the vocabulary, in a document without a window. */
function madeUpQueue(page: Document, registry: SelectorRegistry): Document | null {
  const v = registry.vocabulary;
  const c = v.queueColumns;
  const words = [v.queueNames[0], c.priority[0], c.patient[0], c.arrival[0], c.waited[0]];
  if (words.some((w) => !w)) return null;
  // The vocabulary is a superuser's data: written as text, never as markup.
  const [name, ...headers] = words.map((w) => w!.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`));
  // An inert document (its markup runs and loads nothing); the parser closes the cells and rows.
  const doc = page.implementation.createHTMLDocument('');
  doc.body.innerHTML = `<table aria-label="${name}"><tr><th>${headers.join('<th>')}${'<tr><td>2<td><a href="/w">–</a><td><time datetime="2024-01-01T08:00Z">08:00</time><td>5 min'.repeat(24)}`;
  return doc;
}
