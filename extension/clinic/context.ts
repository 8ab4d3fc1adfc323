import { accessibleName, normalizeText, roleOf, spacedText } from './dom-query';
import { identityOccurrences } from './identity-text';
import type { VocabularyMatchers } from './selectors';

/**
 * Whose is a value on the page? The words that name it — its label, `<dt>`, row and column
 * headers, `aria-label(ledby)`, `title`, the form field's label, the region it sits in, and the
 * text before it on its line — decide. A value tied to someone else (a guardian, "Bokad av",
 * "Tidigare") or to a phone is never the patient's; the patient's needs an identity label, else it
 * is "unlabelled" and only trusted when nothing else in the header looks like an identity.
 */
export type Owner = 'patient' | 'other-person' | 'phone' | 'unlabelled';

export interface ValueContext {
  owner: Owner;
  /** The words that decided, for tests and reasons (never shown with patient data). */
  words: string;
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);

/**
 * The classification of a value at `node` (a text node or a form field) inside `boundary`.
 * Two tiers: a scope the value sits in (a region, a labelled group, a table row) that names
 * someone else or a phone makes it theirs, whatever its own label says ("Vårdnadshavare" region
 * with "Personnummer: …"); otherwise the nearest words that name it decide (its line, its
 * label, its `<dt>` or headers, the text before it), so a guardian line above the patient's
 * labelled number does not capture it.
 */
export function contextOf(
  node: Node,
  boundary: Element,
  match: VocabularyMatchers,
  before = '',
  after = '',
  /** False for facts to cross-check (ages): a line above says nothing of whose they are. */
  linesAbove = true,
): ValueContext {
  const scopes: string[] = [];
  const near: string[] = [lineBefore(before), parenthesisAfter(after)];
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (let level = 0; el && el !== boundary && boundary.contains(el); level++) {
    const label = ownLabel(el);
    scopes.push(label);
    near.push(label);
    if (el.tagName === 'DD') near.push(termOf(el));
    if (isCell(el)) {
      const { rowHeaders, rowText, columnHeader } = rowAndColumnHeaders(el);
      scopes.push(...rowHeaders, ...rowText);
      near.push(...rowHeaders, columnHeader);
    }
    if (level <= 1) near.push(textBeforeInParent(el, linesAbove));
    el = el.parentElement;
  }
  for (const words of scopes) {
    const owner = classify(words, match).owner;
    if (owner === 'other-person' || owner === 'phone') return { owner, words };
  }
  for (const words of near) {
    if (!words) continue;
    const verdict = classify(words, match);
    if (verdict.owner !== 'unlabelled') return verdict;
  }
  return { owner: 'unlabelled', words: '' };
}

export function classify(words: string, match: VocabularyMatchers): ValueContext {
  if (match.otherPerson?.test(words)) return { owner: 'other-person', words };
  if (match.phone?.test(words) || /(?:\+|00)46\s*$/u.test(words)) return { owner: 'phone', words };
  if (match.identityLabel?.test(words)) return { owner: 'patient', words };
  return { owner: 'unlabelled', words };
}

/** The text before a value, since the previous number on its line (that one has its own label). */
function lineBefore(text: string): string {
  const occurrences = identityOccurrences(text);
  const last = occurrences[occurrences.length - 1];
  const cut = last ? text.slice(last.index + last.text.length) : text;
  // A previous phone or date also ends the previous value's part.
  const parts = cut.split(/\d[\d\s-]{5,}\d/u);
  return normalizeText(parts[parts.length - 1]);
}

/** "19800101-2382 (mamma)": a parenthesis right after the value belongs to it. */
function parenthesisAfter(text: string): string {
  return /^\s*\(([^)]{1,60})\)/u.exec(text)?.[1] ?? '';
}

function ownLabel(el: Element): string {
  const name = accessibleName(el);
  const title = el.getAttribute('title') ?? '';
  return normalizeText(`${name} ${title}`);
}

function termOf(dd: Element): string {
  for (let prev = dd.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (prev.tagName === 'DT') return normalizeText(prev.textContent);
  }
  return '';
}

function isCell(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'TD' || tag === 'TH') return true;
  const role = el.getAttribute('role');
  return role !== null && CELL_ROLES.has(role);
}

/** The row's header cell(s) and other cells, and the column's header, for a cell of a table or grid. */
function rowAndColumnHeaders(cell: Element): { rowHeaders: string[]; rowText: string[]; columnHeader: string } {
  const row = cell.closest('tr, [role="row"]');
  if (!row) return { rowHeaders: [], rowText: [], columnHeader: '' };
  const cells = cellsOf(row);
  const headers = cells
    .filter((c) => c !== cell && (c.tagName === 'TH' || roleOf(c) === 'rowheader'))
    .map((c) => spacedText(c));
  // The row's other cells say whose row it is ("Vårdnadshavare", "Mamma"); numbers excluded.
  const rowText = cells
    .filter((c) => c !== cell)
    .map((c) => spacedText(c))
    .filter((t) => t.length < 60 && identityOccurrences(t).length === 0);
  const index = cells.indexOf(cell);
  const table = row.closest('table, [role="table"], [role="grid"], [role="treegrid"]');
  const columnHeader = table ? columnHeaders(table)[index] : undefined;
  return { rowHeaders: headers, rowText, columnHeader: columnHeader ?? '' };
}

export function cellsOf(row: Element): Element[] {
  // A table row's own cells (its td and th children, as `row.cells`), by a sibling walk: copying
  // the live collection took twice as long on Drop in's 200 new rows (issue 16).
  if (row.tagName === 'TR') {
    const cells: Element[] = [];
    for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
      if (c.tagName === 'TD' || c.tagName === 'TH') cells.push(c);
    }
    return cells;
  }
  return Array.from(
    row.querySelectorAll('[role="cell"], [role="gridcell"], [role="rowheader"], [role="columnheader"]'),
  ).filter((c) => c.closest('[role="row"]') === row);
}

export function columnHeaders(table: Element): string[] {
  // The table's own <thead>s, without matching every cell of a 200-row body against `:scope > thead` (issue 16).
  const htmlHeaders: Element[] = [];
  for (let part = table.firstElementChild; part; part = part.nextElementSibling)
    if (part.tagName === 'THEAD') htmlHeaders.push(...part.querySelectorAll('th, td'));
  if (htmlHeaders.length > 0) return htmlHeaders.map((th) => normalizeText(th.textContent));
  const aria = Array.from(table.querySelectorAll('[role="columnheader"]'));
  if (aria.length > 0) return aria.map((h) => normalizeText(h.textContent));
  const first = table.querySelector('tr');
  if (first?.querySelector('th') && !first.querySelector('td'))
    return Array.from(first.children, (c) => normalizeText(c.textContent));
  return [];
}

/** Text of the siblings before `el` in its parent, back to the previous number (its line). */
function textBeforeInParent(el: Element, linesAbove: boolean): string {
  const parent = el.parentElement;
  if (!parent) return '';
  let text = '';
  for (let sib = el.previousSibling; sib; sib = sib.previousSibling) {
    const t = sib.textContent ?? '';
    if (sib.nodeType === 1 && isBlockish(sib as Element) && (text || !linesAbove)) break;
    // A line holding its own value (a form field) has used its label.
    if (sib.nodeType === 1 && (sib as Element).querySelector('input, textarea, select')) break;
    text = `${t} ${text}`;
    if (identityOccurrences(t).length > 0 || /\d[\d\s-]{5,}\d/u.test(t)) break;
  }
  return lineBefore(text);
}

function isBlockish(el: Element): boolean {
  return /^(P|DIV|LI|TR|SECTION|ARTICLE|DL|UL|OL|TABLE|H[1-6])$/u.test(el.tagName);
}
