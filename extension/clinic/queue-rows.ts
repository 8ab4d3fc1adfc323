import { cellsOf, columnHeaders } from './context';
import { accessibleName, locateAll, roleOf, spacedText } from './dom-query';
import { type Field, known, unknown } from './field';
import { priorityIn, waitedMinutes } from './identity-text';
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

interface QueueGrid {
  table: Element;
  columns: { priority: number; patient: number; arrival: number; waited: number };
  rows: { row: Element; cells: Element[] }[];
}

/**
 * Drop in's queue, as a `<table>` or an ARIA grid: named by `aria-label(ledby)` or `<caption>`,
 * columns found by their header text in any order. A table that cannot be read is a reason, never
 * an empty list.
 */
function readGrid(doc: Document, registry: SelectorRegistry): QueueGrid | { unreadable: string } | null {
  const table = locateTable(doc, registry);
  if (table === null) return null;
  if (table === 'ambiguous') return { unreadable: 'Flera köer på sidan' };
  const headers = columnHeaders(table);
  const col = (pattern: RegExp | null) => (pattern ? headers.findIndex((h) => pattern.test(h)) : -1);
  const m = registry.match.column;
  const columns = {
    priority: col(m.priority),
    patient: col(m.patient),
    arrival: col(m.arrival),
    waited: col(m.waited),
  };
  if (columns.patient < 0) return { unreadable: 'Kolumnen Patient saknas' };
  const rows = Array.from(table.querySelectorAll('tr, [role="row"]'))
    .filter((row) => row.closest(TABLE_LIKE) === table)
    .map((row) => ({ row, cells: cellsOf(row) }))
    .filter(({ cells }) => !cells.some((c) => c.tagName === 'TH' && c.getAttribute('scope') === 'col'))
    .filter(({ cells }) => !cells.some((c) => roleOf(c) === 'columnheader'))
    .filter(({ row }) => !row.closest('thead'))
    .filter(({ cells }) => !(cells.length > 0 && cells.every((c) => c.tagName === 'TH')))
    // A placeholder row ("Inga ärenden") spans the table: not a case.
    .filter(({ cells }) => headers.length <= 1 || cells.length > 1);
  return { table, columns, rows };
}

/**
 * The queue's table: a strategy's hit may be the table itself or a region around it (a tab
 * panel named like its tab); either way it must come down to exactly one table.
 */
function locateTable(doc: Document, registry: SelectorRegistry): Element | 'ambiguous' | null {
  let sawSeveral = false;
  for (const strategy of registry.fields.queueTable.strategies) {
    const tables = new Set<Element>();
    for (const hit of locateAll(doc, strategy)) {
      if (hit.matches(TABLE_LIKE)) tables.add(hit);
      else for (const t of hit.querySelectorAll(TABLE_LIKE)) tables.add(t);
    }
    if (tables.size === 1) return [...tables][0]!;
    if (tables.size > 1) sawSeveral = true;
  }
  return sawSeveral ? 'ambiguous' : null;
}

/** The snapshot's queue rows (R-Q-1). */
export function readQueue(doc: Document, registry: SelectorRegistry, now: Date): Field<QueueRow[]> {
  const grid = readGrid(doc, registry);
  if (!grid) return unknown('missing');
  if ('unreadable' in grid) return unknown('invalid', grid.unreadable);
  // Mottagna and Avslutade look the same but hold accepted cases: only the waiting queue counts.
  if (!isWaitingQueue(doc, grid.table, registry)) return unknown('missing', 'Inte kön Väntar i kö');
  const { columns } = grid;
  return known(
    grid.rows.map(({ cells }) => {
      const cell = (i: number) => (i >= 0 && cells[i] ? spacedText(cells[i]) : '');
      const waited = columns.waited >= 0 ? waitedMinutes(cell(columns.waited)) : null;
      const time = columns.arrival >= 0 ? cells[columns.arrival]?.querySelector('time[datetime]') : null;
      const iso = time?.getAttribute('datetime');
      const arrivedAt =
        iso && !Number.isNaN(Date.parse(iso))
          ? iso
          : waited !== null
            ? new Date(now.getTime() - waited * 60_000).toISOString()
            : null;
      return {
        priority: columns.priority >= 0 ? priorityIn(cell(columns.priority)) : null,
        patientName: cell(columns.patient),
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
  const grid = readGrid(doc, registry);
  if (!grid || 'unreadable' in grid || !isWaitingQueue(doc, grid.table, registry)) return null;
  return grid.rows.map(({ row, cells }) => {
    const cell = grid.columns.priority >= 0 ? cells[grid.columns.priority] : undefined;
    return { row, anchor: cell?.firstElementChild ?? cell ?? row, visitKey: visitKeyOf(doc, row) };
  });
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
