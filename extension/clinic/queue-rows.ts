import { accessibleName, locate, normalizeText, roleOf } from './dom-query';
import { SELECTORS, type SelectorRegistry } from './selectors';

const WAITING = 'väntar i kö';

export interface QueueRowPlace {
  /** The row, in the order of the snapshot's `queue` rows (the same `tbody tr` list). */
  row: Element;
  /** Where a badge can float beside the row without covering text: the priority badge. */
  anchor: Element;
  /** The case's visit address (the row's link), an opaque key; null when the row has no link. */
  visitKey: string | null;
}

/**
 * The rows of Drop in's *Väntar i kö* table, for UI floating beside them (R-Q-1, R-Q-4). Null
 * unless the table shown is known to be the waiting queue (its name, else the selected tab's):
 * the other tabs' tables (Mottagna, Avslutade) look the same but hold accepted cases.
 */
export function waitingQueuePlaces(doc: Document, registry: SelectorRegistry = SELECTORS): QueueRowPlace[] | null {
  const located = locate(doc, registry.queueTable.strategies);
  if (located.status !== 'found') return null;
  const table = located.element;
  if (!isWaitingQueue(doc, table)) return null;
  const headers = Array.from(table.querySelectorAll('thead th, tr:first-child th')).map((th) =>
    normalizeText(th.textContent),
  );
  const prio = headers.findIndex((h) => h.startsWith('Prioritet'));
  return Array.from(table.querySelectorAll('tbody tr')).map((row) => {
    const cells = Array.from(row.querySelectorAll('td, th'));
    const cell = prio >= 0 ? cells[prio] : undefined;
    return { row, anchor: cell?.firstElementChild ?? cell ?? row, visitKey: visitKeyOf(doc, row) };
  });
}

function isWaitingQueue(doc: Document, table: Element): boolean {
  const name = accessibleName(table).toLocaleLowerCase('sv');
  if (name) return name.startsWith(WAITING);
  const selected = Array.from(doc.querySelectorAll('[aria-selected="true"]')).filter((el) => roleOf(el) === 'tab');
  return selected.length === 1 && accessibleName(selected[0]!).toLocaleLowerCase('sv').startsWith(WAITING);
}

function visitKeyOf(doc: Document, row: Element): string | null {
  const href = row.querySelector('a[href]')?.getAttribute('href');
  if (!href) return null;
  try {
    const url = new URL(href, doc.location?.href);
    return doc.location && url.origin !== doc.location.origin ? null : url.pathname;
  } catch {
    return null;
  }
}
