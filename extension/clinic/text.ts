/** Text as a person reads it: whitespace folded, separate text nodes kept apart. */

export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * An element's text with a space between separate text nodes: textContent glues adjacent
 * elements together ("19900101-2385" + "900101-2385" would read as one long digit run).
 */
export function spacedText(el: Element, without?: string): string {
  // One text node and nothing else (most table cells): its text, without a walker (issue 16: 200
  // queue rows read three cells each on every change).
  // Also through single elements (a cell holding only a link or a span: a name, a priority).
  let only = el.firstChild;
  while (!without && only && only === only.parentNode!.lastChild && only.nodeType === 1) only = only.firstChild;
  if (only && only === only.parentNode!.lastChild && only.nodeType === 3) return normalizeText(only.nodeValue ?? '');
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // `without`: parts left out (a form inside the section), read in place rather than on a copy.
    if (without && node.parentElement && leftOut(node.parentElement, el, without)) continue;
    parts.push(node.nodeValue ?? '');
  }
  return normalizeText(parts.join(' '));
}

/** Whether `el` is inside a part of `scope` matching `parts` (scope itself does not count). */
export function leftOut(el: Element, scope: Element, parts: string): boolean {
  const part = el.closest(parts);
  return part !== null && part !== scope && scope.contains(part);
}
