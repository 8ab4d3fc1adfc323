import { t } from '../lib/i18n';
import { cellsOf, columnHeaders } from './context';
import { locateAll, normalizeText, type QueryCache, roleOf, spacedText } from './dom-query';
import { type Field, known, unknown } from './field';
import { priorityIn, stockholmDateTime } from './identity-text';
import type { SelectorRegistry } from './selectors';

/**
 * A case handed over to the logged-in clinician and not yet accepted (R-HO-1, R-Q-4): Startsida's
 * patient list under the filter *Mina aktuella*, a row whose status is exactly *Synk
 * Överlämning* (the manual's words for what the receiver sees). A row that names a receiver
 * ("Synk Överlämning – lämnat över till Läkare") is one the clinician handed over: not theirs.
 */
export interface HandedOverRow {
  /** Null: not triaged or unreadable (ordered as the most urgent, R-Q-4 fail safe). */
  priority: number | null;
  patientName: string;
  /** When the case came in (R-Q-4's second key); null when unreadable. */
  arrivedAt: string | null;
  /** When it was handed over: the wait for a receiver starts there; null when not shown. */
  handedOverAt: string | null;
}

/** The list's name: the filter the manual tells the receiver to choose. */
export const HANDED_OVER_LIST = 'Mina aktuella';
const STATUS = /^(?:status|ärendestatus|besöksstatus)$/iu;
const HANDED_OVER_AT = /^(?:överlämnat|överlämnad|överlämnades|överlämning)(?:\s|$)/iu;
const HANDED_OVER_STATUS = /^synk överlämning$/iu;
const TABLE_LIKE = 'table, [role="table"], [role="grid"], [role="treegrid"]';

/**
 * The handed-over cases, when the page shows *Mina aktuella*; unknown elsewhere (never an empty
 * list that would read as "none handed over"), and unknown when its columns cannot be told apart.
 */
export function readHandedOver(
  doc: Document,
  registry: SelectorRegistry,
  now: Date,
  cache?: QueryCache,
): Field<HandedOverRow[]> {
  const rows = readRows(doc, registry, now, cache);
  if (!rows.known) return rows;
  return known(rows.value.filter((r) => HANDED_OVER_STATUS.test(r.status)).map(({ status: _, ...row }) => row));
}

/** A case the clinician handed over, still waiting for its receiver (R-HO-1: still theirs). */
export interface HandedOverByMeRow extends HandedOverRow {
  /** The role or colleague it waits for. */
  receiver: string;
}
const BY_ME_STATUS = /^synk överlämning\s*[–—-]\s*lämnat över till\s+(.+)$/iu;

/**
 * The clinician's own handovers on *Mina aktuella* ("Synk Överlämning – lämnat över till
 * Läkare"): the receiver has not accepted, so the case is still the clinician's. Unknown where
 * the list is not shown.
 */
export function readHandedOverByMe(doc: Document, registry: SelectorRegistry, now: Date): Field<HandedOverByMeRow[]> {
  const rows = readRows(doc, registry, now);
  if (!rows.known) return rows;
  const mine: HandedOverByMeRow[] = [];
  for (const { status, ...row } of rows.value) {
    const m = BY_ME_STATUS.exec(status);
    if (m) mine.push({ ...row, receiver: m[1]!.trim() });
  }
  return known(mine);
}

/** `cache`: the snapshot's read (its label and heading queries are shared, not repeated). */
function readRows(
  doc: Document,
  registry: SelectorRegistry,
  now: Date,
  cache?: QueryCache,
): Field<Array<HandedOverRow & { status: string }>> {
  const tables = new Set<Element>();
  const byName = [
    ...locateAll(doc, { kind: 'label', label: HANDED_OVER_LIST, exact: true }, cache),
    ...locateAll(doc, { kind: 'heading', text: HANDED_OVER_LIST, exact: true }, cache),
  ];
  for (const hit of byName) {
    const inside = hit.matches(TABLE_LIKE) ? [hit] : Array.from(hit.querySelectorAll(TABLE_LIKE));
    if (inside.length === 1) tables.add(inside[0]!);
  }
  if (tables.size === 0) return unknown('missing');
  if (tables.size > 1) return unknown('ambiguous', t('adapter_hoLists'));
  const table = [...tables][0]!;

  const headers = columnHeaders(table);
  const column = (pattern: RegExp | null) => (pattern ? headers.findIndex((h) => pattern.test(h)) : -1);
  const index = {
    priority: column(registry.match.column.priority),
    patient: column(registry.match.column.patient),
    status: column(STATUS),
    arrival: column(registry.match.column.arrival),
    handedOverAt: column(HANDED_OVER_AT),
  };
  if (index.patient < 0 || index.status < 0) return unknown('invalid', t('adapter_hoCols'));

  const rows: Array<HandedOverRow & { status: string }> = [];
  for (const row of table.querySelectorAll('tr, [role="row"]')) {
    if (row.closest(TABLE_LIKE) !== table || row.closest('thead')) continue;
    const cells = cellsOf(row);
    if (cells.some((c) => c.getAttribute('scope') === 'col' || roleOf(c) === 'columnheader')) continue;
    // The placeholder row ("Inga ärenden") spans the table.
    if (cells.length <= 1) continue;
    const text = (i: number) => (i >= 0 && cells[i] ? spacedText(cells[i]!) : '');
    const status = text(index.status);
    if (!status) return unknown('invalid', t('adapter_hoStatus'));
    rows.push({
      status,
      priority: index.priority >= 0 ? priorityIn(text(index.priority)) : null,
      patientName: text(index.patient),
      arrivedAt: instantIn(cells[index.arrival], now),
      handedOverAt: instantIn(cells[index.handedOverAt], now),
    });
  }
  return known(rows);
}

/** A cell's time: its `<time datetime>`, else "2024-06-03 08:20" / "08:20" in Swedish time. */
function instantIn(cell: Element | undefined, now: Date): string | null {
  if (!cell) return null;
  const time = cell.matches('time[datetime]') ? cell : cell.querySelector('time[datetime]');
  const iso = time?.getAttribute('datetime');
  if (iso && !Number.isNaN(Date.parse(iso))) return iso;
  const text = normalizeText(cell.textContent);
  return text ? stockholmDateTime(text, now) : null;
}
