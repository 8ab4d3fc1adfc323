import { elementsIn, locate, normalizeText } from './dom-query';
import { type Field, known, unknown } from './field';
import type { SelectorRegistry } from './selectors';

/**
 * R-V-1: whether the page says the patient is online, from a short line in the visit view
 * ("Patienten är online" / "… offline"). Both or neither seen → unknown.
 */
const ONLINE = /^(?:Patienten är )?online$/iu;
const OFFLINE = /^(?:Patienten är )?offline$/iu;

export function readPatientOnline(doc: Document, registry: SelectorRegistry): Field<boolean> {
  const view = locate(doc, registry.fields.visitView.strategies);
  if (view.status !== 'found') return unknown(view.status === 'ambiguous' ? 'ambiguous' : 'missing');
  let on = false;
  let off = false;
  for (const el of elementsIn(view.element, 'p, span, div')) {
    if (el.childElementCount > 1) continue;
    const text = normalizeText(el.textContent);
    if (text.length > 40) continue;
    if (ONLINE.test(text)) on = true;
    if (OFFLINE.test(text)) off = true;
  }
  return on !== off ? known(on) : unknown(on ? 'ambiguous' : 'missing');
}
