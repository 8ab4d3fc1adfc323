/** Text as a person reads it: whitespace folded, separate text nodes kept apart. */

export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * An element's text with a space between separate text nodes: textContent glues adjacent
 * elements together ("19900101-2385" + "900101-2385" would read as one long digit run).
 */
export function spacedText(el: Element): string {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
  return normalizeText(parts.join(' '));
}
