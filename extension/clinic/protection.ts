import { contextOf } from './context';
import { isOurs, locate } from './dom-query';
import { type Field, known, unknown } from './field';
import type { SelectorRegistry } from './selectors';

export interface ProtectionRead {
  /**
   * R-PI-2: a protection marker is shown for the patient. `known(false)` means only "no marker
   * seen" — never "not protected" (R-PI-1's check in Cosmic stays required).
   */
  patient: Field<boolean>;
  /** Elements whose marker the page ties to someone else (a guardian: R-GU-3). */
  others: Element[];
}

/**
 * Finds the vocabulary's protection markers (case-insensitive, whole words) in the visit's text,
 * `aria-label` and `title` — not in the chat or the patient's own answers, which are the
 * patient's words, not the console's marking.
 */
export function readProtection(
  visitView: Element | null,
  header: Element | null,
  registry: SelectorRegistry,
  skip: readonly (Element | null)[],
): ProtectionRead {
  if (!header) return { patient: unknown('missing'), others: [] };
  const scope = visitView ?? header;
  const marker = registry.match.marker;
  const skipped = new Set(skip.filter((el): el is Element => el !== null));
  let patient = false;
  const others: Element[] = [];
  const seen = (node: Node, el: Element, before: string) => {
    const boundary = header.contains(el) ? header : scope;
    const owner = contextOf(node, boundary, registry.match, before).owner;
    if (owner === 'other-person') others.push(el);
    else patient = true;
  };
  const visit = (el: Element) => {
    if (skipped.has(el) || isOurs(el) || /^(SCRIPT|STYLE|TEMPLATE)$/u.test(el.tagName)) return;
    for (const attr of ['aria-label', 'title'] as const) {
      const value = el.getAttribute(attr);
      if (value && marker?.test(value)) seen(el, el, '');
    }
    for (const child of el.childNodes) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        const m = marker?.exec(text);
        if (m) seen(child, el, text.slice(0, m.index));
      } else if (child.nodeType === 1) visit(child as Element);
    }
  };
  visit(scope);
  const override = registry.fields.protectionMarker.strategies;
  if (override.length > 0 && locate(header, override).status !== 'missing') patient = true;
  return { patient: known(patient), others };
}
