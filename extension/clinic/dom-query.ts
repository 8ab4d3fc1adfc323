import type { SelectorStrategy } from '../../shared/selector-strategy';
import { accessibleName, roleOf, roleSelector } from './accessible-name';
import { ambientQueryCache, type QueryCache } from './query-cache';
import { normalizeText } from './text';

export { accessibleName, roleOf } from './accessible-name';
export {
  ambientQueryCache,
  carryOver,
  keepQueryCache,
  type QueryCache,
  sharedInRead,
  withQueryCache,
} from './query-cache';
export { leftOut, normalizeText, spacedText } from './text';

/** Our own UI inside the page: never read as if it were the console's. */
export const COMPANION_HOST_ATTR = 'data-clinic-companion';

function textMatches(actual: string, wanted: string, exact: boolean | undefined): boolean {
  const a = actual.toLocaleLowerCase('sv');
  const w = normalizeText(wanted).toLocaleLowerCase('sv');
  return exact === false ? a.includes(w) : a === w || (exact === undefined && a.startsWith(`${w} `));
}

/** Our own UI (or a node inside it): never read as the console's. */
export function isOurs(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(`[${COMPANION_HOST_ATTR}]`) != null;
}

const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const LABELLED_SELECTOR = '[aria-label], [aria-labelledby], select, input, textarea, table';

/** The section a heading introduces: its nearest sectioning ancestor, else its parent. */
function sectionOfHeading(heading: Element): Element {
  return (
    heading.closest('section, article, [role="region"], [role="group"], fieldset') ?? heading.parentElement ?? heading
  );
}

function namesOf(cache: QueryCache): Map<Element, string> {
  cache.names ??= new Map();
  return cache.names;
}

/** A list this long is content (a chat log, a queue's rows), not where fields are found. */
export const LONG_LIST = 100;
const STRUCTURE_KEY = '\u0000structure';

/**
 * The page's elements in document order, once per read, without the items of long lists and
 * without our own UI: the fields and the containers they live in (a chat log or a queue table is
 * itself included; its thousands of items are read by their own readers, not searched here).
 */
function structureOf(doc: Document, cache: QueryCache): Element[] {
  let byDoc = cache.get(doc);
  const cached = byDoc?.get(STRUCTURE_KEY);
  if (cached) return cached;
  const out: Element[] = [];
  const visit = (el: Element) => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (child.hasAttribute(COMPANION_HOST_ATTR)) continue;
      out.push(child);
      if (child.childElementCount <= LONG_LIST) visit(child);
    }
  };
  if (doc.documentElement) {
    out.push(doc.documentElement);
    visit(doc.documentElement);
  }
  if (!byDoc) {
    byDoc = new Map();
    cache.set(doc, byDoc);
  }
  byDoc.set(STRUCTURE_KEY, out);
  return out;
}

/** Elements under `scope` matching `selector`: from the read's structure index when one is under way. */
export function elementsIn(scope: Element, selector: string): Element[] {
  const cache = ambientQueryCache(scope.ownerDocument);
  if (!cache) return Array.from(scope.querySelectorAll(selector));
  return structureOf(scope.ownerDocument, cache).filter(
    (el) => el !== scope && scope.contains(el) && el.matches(selector),
  );
}

const PHRASING = new Set(['A', 'ABBR', 'B', 'CODE', 'EM', 'I', 'MARK', 'SMALL', 'SPAN', 'STRONG', 'TIME']);

/**
 * Elements that can hold one status sentence ("… väntar på mottagare", "Markerad som klar"): a
 * line of a few inline parts at most, never a container, whose text would be a whole chat.
 */
export function sentenceElements(scope: Element): Element[] {
  return elementsIn(scope, 'p, span, div, li, dd, td, [role="status"]').filter(
    (el) => el.childElementCount <= 3 && Array.from(el.children).every((c) => PHRASING.has(c.tagName)),
  );
}

/** Elements under `scope` matching `selector`, in document order, without long lists' items or our UI. */
function structureUnder(scope: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  const visit = (el: ParentNode) => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (child.hasAttribute(COMPANION_HOST_ATTR)) continue;
      if (child.matches(selector)) out.push(child);
      if (child.childElementCount <= LONG_LIST) visit(child);
    }
  };
  visit(scope);
  return out;
}

/** All elements under `scope` that a strategy designates (possibly none, possibly several). */
export function locateAll(scope: ParentNode, strategy: SelectorStrategy, explicitCache?: QueryCache): Element[] {
  const cache = explicitCache ?? ambientQueryCache((scope as Node).ownerDocument ?? (scope as Document));
  // A role by its name is not kept: a name can come from content the structure index leaves out.
  if (!cache || (strategy.kind === 'role' && strategy.name !== undefined)) return designated(scope, strategy, cache);
  // Each strategy's answer once per read (issue 16): the snapshot and the features ask for the
  // same fields, and on a message arriving each label strategy tested every labelled element.
  cache.located ??= new Map();
  const key = JSON.stringify(strategy);
  let byScope = cache.located.get(scope);
  let hits = byScope?.get(key);
  if (hits) return hits.elements;
  hits = { elements: designated(scope, strategy, cache), carried: strategy.kind !== 'text-pattern' };
  if (!byScope) {
    byScope = new Map();
    cache.located.set(scope, byScope);
  }
  byScope.set(key, hits);
  return hits.elements;
}

function designated(scope: ParentNode, strategy: SelectorStrategy, cache: QueryCache | undefined): Element[] {
  /** `make`'s answer for `selector` under `root`, kept for the read when there is one. */
  const kept = (root: ParentNode, selector: string, make: () => Element[]): Element[] => {
    let byRoot = cache?.get(root);
    let found = byRoot?.get(selector);
    if (found) return found;
    found = make();
    if (cache) {
      if (!byRoot) {
        byRoot = new Map();
        cache.set(root, byRoot);
      }
      byRoot.set(selector, found);
    }
    return found;
  };
  const all = (selector: string): Element[] => {
    // Cached per read, and answered from one walk of the page's structure for every scope: a
    // visit's fields search the same few selectors, and a query of the whole document would
    // walk the whole (long) chat each time.
    const doc = (scope as Node).ownerDocument ?? (scope as Document);
    const root = selector === '*' || !cache ? scope : doc;
    const onPage = () =>
      kept(root, selector, () =>
        cache && selector !== '*'
          ? structureOf(doc, cache).filter((el) => el.matches(selector))
          : Array.from(root.querySelectorAll(selector)).filter((el) => !isOurs(el)),
      );
    if (root === scope) return onPage();
    // A section's own share, kept too: its few term lookups (a visit's start: four on every
    // message arriving) would each test every such element of the page.
    return kept(scope, selector, () => onPage().filter((el) => (scope as Node).contains(el)));
  };
  switch (strategy.kind) {
    case 'label': {
      // Names computed once per read: every section's label strategies test the same elements.
      const names = cache ? namesOf(cache) : undefined;
      const name = (el: Element) => {
        let n = names?.get(el);
        if (n === undefined) {
          n = accessibleName(el);
          names?.set(el, n);
        }
        return n;
      };
      return all(LABELLED_SELECTOR).filter((el) => textMatches(name(el), strategy.label, strategy.exact));
    }
    case 'heading':
      return unique(
        all(HEADING_SELECTOR)
          .filter((h) => textMatches(normalizeText(h.textContent), strategy.text, strategy.exact))
          .map(sectionOfHeading),
      );
    case 'role':
      return all(roleSelector(strategy.role)).filter(
        (el) =>
          roleOf(el) === strategy.role &&
          (strategy.name === undefined || textMatches(accessibleName(el), strategy.name, undefined)),
      );
    case 'text-pattern': {
      const pattern = safeRegExp(strategy.pattern);
      if (!pattern) return [];
      // The deepest elements whose own text matches, so the hit is the value's element.
      return all('*').filter(
        (el) =>
          pattern.test(normalizeText(el.textContent)) &&
          !Array.from(el.children).some((child) => pattern.test(normalizeText(child.textContent))),
      );
    }
    case 'term':
      // The scope's own structure (not the items of long lists): a scope holding the chat (the
      // visit view) would otherwise test every line of 2,000 messages, and a term is never there.
      // Within a read, from its structure index (several terms are looked up on each change).
      return termValues(
        cache ? all(TERM_SELECTOR).filter((el) => el !== scope) : structureUnder(scope, TERM_SELECTOR),
        strategy.term,
      );
    case 'css':
      try {
        return all(strategy.selector);
      } catch {
        return [];
      }
  }
}

/** Elements that can hold a term beside its value: <dt>, row headers, label spans, <label>. */
const TERM_SELECTOR = 'dt, th, [role="rowheader"], span, strong, b, label, p, div';

/**
 * The value beside a visible term, however the page pairs them: `<dt>`→`<dd>`, a row header →
 * the row's next cell, a label element (a leaf whose whole text is the term) → its next
 * sibling element, `<label for>` → its control. `candidates`: the scope's own structure
 * (structureUnder: no long lists' items, none of our UI).
 */
function termValues(candidates: readonly Element[], term: string): Element[] {
  const found: Element[] = [];
  for (const el of candidates) {
    if (el.childElementCount > 0) continue;
    if (!textMatches(normalizeText(el.textContent).replace(/:$/u, ''), term, true)) continue;
    if (el.tagName === 'LABEL') {
      const id = el.getAttribute('for');
      const control = id ? el.ownerDocument.getElementById(id) : null;
      if (control) found.push(control);
      continue;
    }
    const value = el.nextElementSibling;
    if (!value) continue;
    if (el.tagName === 'DT' && value.tagName !== 'DD') continue;
    found.push(value);
  }
  return found;
}

export type Located = { status: 'found'; element: Element } | { status: 'missing' } | { status: 'ambiguous' };

/** Tries each strategy in order; the first that designates exactly one element wins. */
export function locate(scope: ParentNode, strategies: readonly SelectorStrategy[], cache?: QueryCache): Located {
  let sawSeveral = false;
  for (const strategy of strategies) {
    const hits = locateAll(scope, strategy, cache);
    if (hits.length === 1) return { status: 'found', element: hits[0]! };
    if (hits.length > 1) sawSeveral = true;
  }
  return sawSeveral ? { status: 'ambiguous' } : { status: 'missing' };
}

function unique<T>(items: T[]): T[] {
  return Array.from(new Set(items));
}

const regexCache = new Map<string, RegExp | null>();
export function safeRegExp(source: string): RegExp | null {
  if (!regexCache.has(source)) {
    try {
      regexCache.set(source, new RegExp(source, 'u'));
    } catch {
      regexCache.set(source, null);
    }
  }
  return regexCache.get(source) ?? null;
}
