import { t } from '../lib/i18n';
import { cellsOf, columnHeaders } from './context';
import { accessibleName, locateAll, roleOf, spacedText } from './dom-query';
import { type Field, known, unknown } from './field';
import { priorityIn, waitedMinutes } from './identity-text';
import { sharedInRead } from './query-cache';
import { SELECTORS, type SelectorRegistry } from './selectors';

export interface QueueRow {
  /** Null: not triaged or unreadable — treated as the most urgent (R-Q-1, fail safe). */
  priority: number | null;
  patientName: string;
  arrivedAt: string | null;
  waitedMinutes: number | null;
}

export interface QueueRowPlace {
  /** The row, in the order of the snapshot's `queue` rows. */
  row: Element;
  /** Where a badge can float beside the row without covering text: the priority cell's content. */
  anchor: Element;
  /** The case's visit address (the row's link), an opaque key; null when the row has no link. */
  visitKey: string | null;
}

const TABLE_LIKE = 'table, [role="table"], [role="grid"], [role="treegrid"]';
const ITEM_LIKE = 'li, [role="listitem"], article, [role="article"]';

type Column = 'priority' | 'patient' | 'arrival' | 'waited';
const COLUMNS: Column[] = ['priority', 'patient', 'arrival', 'waited'];

interface QueueGrid {
  /** The table, grid or list the queue is drawn as. */
  table: Element;
  /** One per case: its element and the cell holding each column's value (null: not shown). */
  rows: { row: Element; cells: Record<Column, Element | null> }[];
}

/**
 * Drop in's queue, as a `<table>`, an ARIA grid, or a list of cards with labelled values: named
 * by `aria-label(ledby)`, `<caption>` or a heading; columns found by their header (or label)
 * text in any order. A queue that cannot be read is a reason, never an empty list.
 */
function readGrid(doc: Document, registry: SelectorRegistry): QueueGrid | { unreadable: string } | null {
  const container = locateQueue(doc, registry);
  if (container === null) return null;
  if (container === 'ambiguous') return { unreadable: t('adapter_qSeveral') };
  return container.matches(TABLE_LIKE) ? readTable(container, registry) : readCards(container, registry);
}

function readTable(table: Element, registry: SelectorRegistry): QueueGrid | { unreadable: string } {
  const headers = columnHeaders(table);
  const index = {} as Record<Column, number>;
  for (const column of COLUMNS) {
    const pattern = registry.match.column[column];
    index[column] = pattern ? headers.findIndex((h) => pattern.test(h)) : -1;
  }
  if (index.patient < 0) return { unreadable: t('adapter_qNoPatCol') };
  // A head row: in a <thead> between it and the table, or the table itself in one (asked once,
  // not walked to the document's root per row).
  const tableInHead = table.closest('thead') !== null;
  const inHead = (row: Element) => {
    for (let el: Element | null = row; el && el !== table; el = el.parentElement)
      if (el.tagName === 'THEAD') return true;
    return tableInHead;
  };
  // One pass over the rows (a 200-row queue is read on every change: issue 16).
  const rows: QueueGrid['rows'] = [];
  for (const row of table.querySelectorAll('tr, [role="row"]')) {
    if (row.closest(TABLE_LIKE) !== table || inHead(row)) continue;
    const cells = cellsOf(row);
    // Header rows: a column header among the cells, or only <th>.
    // (Its role asked only of a cell that states one: a cell's tag has no implicit columnheader here.)
    if (
      cells.some((c) => c.getAttribute('scope') === 'col' || (c.hasAttribute('role') && roleOf(c) === 'columnheader'))
    )
      continue;
    if (cells.length > 0 && cells.every((c) => c.tagName === 'TH')) continue;
    // A placeholder row ("Inga ärenden") spans the table: not a case.
    if (headers.length > 1 && cells.length <= 1) continue;
    const byColumn = {} as Record<Column, Element | null>;
    for (const column of COLUMNS) byColumn[column] = index[column] >= 0 ? (cells[index[column]] ?? null) : null;
    rows.push({ row, cells: byColumn });
  }
  return { table, rows };
}

/** A list of cards, each with labelled values ("Prioritet 3", "Patient Hugo …", "Väntat 50 min"). */
function readCards(list: Element, registry: SelectorRegistry): QueueGrid | { unreadable: string } {
  // The outermost items: a card may hold a list of its own.
  const items = Array.from(list.querySelectorAll(ITEM_LIKE)).filter((item) => {
    const outer = item.parentElement?.closest(ITEM_LIKE);
    return !outer || !list.contains(outer);
  });
  const rows = items.map((row) => {
    const cells = {} as Record<Column, Element | null>;
    for (const column of COLUMNS) cells[column] = labelledValue(row, registry.match.column[column]);
    return { row, cells };
  });
  const cases = rows.filter((r) => r.cells.patient !== null);
  if (cases.length === 0 && items.length > 0 && !items.every((i) => /inga/iu.test(spacedText(i))))
    return { unreadable: t('adapter_qNoPat') };
  return { table: list, rows: cases };
}

/** The value element beside a leaf whose whole text is one of the column's words. */
function labelledValue(item: Element, pattern: RegExp | null): Element | null {
  if (!pattern) return null;
  for (const el of item.querySelectorAll('*')) {
    if (el.childElementCount > 0) continue;
    const text = spacedText(el).replace(/:$/u, '');
    const m = pattern.exec(text);
    if (m && m.index === 0 && m[0].length === text.length && el.nextElementSibling) return el.nextElementSibling;
  }
  return null;
}

/**
 * The queue's container: a strategy's hits narrowed to the innermost (a tab panel named like
 * its tab holds the named table), then to its one table if it holds one; exactly one must remain.
 */
function locateQueue(doc: Document, registry: SelectorRegistry): Element | 'ambiguous' | null {
  let sawSeveral = false;
  for (const strategy of registry.fields.queueTable.strategies) {
    const hits = locateAll(doc, strategy);
    const innermost = hits.filter((hit) => !hits.some((other) => other !== hit && hit.contains(other)));
    const found = new Set<Element>();
    for (const hit of innermost) {
      const tables = hit.matches(TABLE_LIKE) ? [hit] : Array.from(hit.querySelectorAll(TABLE_LIKE));
      if (tables.length === 1) found.add(tables[0]!);
      else if (tables.length === 0 && hit.querySelector(ITEM_LIKE)) found.add(hit);
      else if (tables.length > 1) sawSeveral = true;
    }
    if (found.size === 1) return [...found][0]!;
    if (found.size > 1) sawSeveral = true;
  }
  return sawSeveral ? 'ambiguous' : null;
}

/** The snapshot's queue rows (R-Q-1). */
export function readQueue(doc: Document, registry: SelectorRegistry, now: Date): Field<QueueRow[]> {
  const grid = sharedInRead(readGrid, doc, registry);
  if (!grid) return unknown('missing');
  if ('unreadable' in grid) return unknown('invalid', grid.unreadable);
  // Mottagna and Avslutade look the same but hold accepted cases: only the waiting queue counts.
  if (!sharedInRead(showsWaitingQueue, doc, registry)) return unknown('missing', t('adapter_qNotWaiting'));
  return known(
    grid.rows.map(({ cells }) => {
      const text = (column: Column) => (cells[column] ? spacedText(cells[column]) : '');
      const waited = cells.waited ? waitedMinutes(text('waited')) : null;
      const time = cells.arrival?.matches('time[datetime]')
        ? cells.arrival
        : cells.arrival?.querySelector('time[datetime]');
      const iso = time?.getAttribute('datetime');
      const arrivedAt =
        iso && !Number.isNaN(Date.parse(iso))
          ? iso
          : waited !== null
            ? new Date(now.getTime() - waited * 60_000).toISOString()
            : null;
      return {
        priority: cells.priority ? priorityIn(text('priority')) : null,
        patientName: text('patient'),
        arrivedAt,
        waitedMinutes: waited,
      };
    }),
  );
}

/**
 * The rows of Drop in's *Väntar i kö* queue, for UI beside them (R-Q-1). Null (unknown) unless
 * the queue shown is known to be the waiting one (its name, else the selected tab's): the other
 * tabs (Mottagna, Avslutade) look the same but hold accepted cases.
 */
export function waitingQueuePlaces(doc: Document, registry: SelectorRegistry = SELECTORS): QueueRowPlace[] | null {
  // The snapshot's read of the queue, when called within it (the queue feature on each change).
  const grid = sharedInRead(readGrid, doc, registry);
  if (!grid || 'unreadable' in grid || !sharedInRead(showsWaitingQueue, doc, registry)) return null;
  const page = doc.location ? { href: doc.location.href, origin: doc.location.origin } : null;
  return grid.rows.map(({ row, cells }) => {
    const cell = cells.priority;
    return { row, anchor: cell?.firstElementChild ?? cell ?? row, visitKey: visitKeyOf(page, row) };
  });
}

/** Whether the page's queue is the waiting one (false: none, or unreadable). */
function showsWaitingQueue(doc: Document, registry: SelectorRegistry): boolean {
  const grid = sharedInRead(readGrid, doc, registry);
  return !!grid && !('unreadable' in grid) && isWaitingQueue(doc, grid.table, registry);
}

/** Whether the snapshot's queue is the waiting one (used to alert only on waiting cases). */
export function isWaitingQueue(doc: Document, table: Element, registry: SelectorRegistry): boolean {
  const name = queueName(table);
  const pattern = registry.match.queueName;
  if (name) return pattern?.test(name) ?? false;
  const selected = Array.from(doc.querySelectorAll('[aria-selected="true"]')).filter((el) => roleOf(el) === 'tab');
  return selected.length === 1 && (pattern?.test(accessibleName(selected[0]!)) ?? false);
}

/** The table's own name, else that of the labelled region around it. */
function queueName(table: Element): string {
  for (let el: Element | null = table; el; el = el.parentElement) {
    const name = accessibleName(el);
    if (name && (el === table || el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) return name;
    if (roleOf(el) === 'main') break;
  }
  return '';
}

/** A root-relative path a URL parser would give back unchanged (no dot segments, no escapes). */
const PLAIN_PATH = /^\/(?!\/)[\w\-/]*$/;

/** `page`: the document's address (asked once per read, not per row). */
function visitKeyOf(page: { href: string; origin: string } | null, row: Element): string | null {
  const href = row.querySelector('a[href]')?.getAttribute('href');
  if (!href) return null;
  // The console's own links ("/besok/123"): the path itself, without parsing 200 URLs per read.
  if (page && PLAIN_PATH.test(href)) return href;
  try {
    const url = new URL(href, page?.href);
    return page && url.origin !== page.origin ? null : url.pathname;
  } catch {
    return null;
  }
}
