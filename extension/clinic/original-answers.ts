import { locate } from './dom-query';
import type { SelectorRegistry } from './selectors';

/**
 * R-Q-2: brings the visit's *Originalsvar* (every answer, denied ones included) into view and
 * opens it when it is a closed <details>. False when the page shows no such section.
 */
export function revealOriginalAnswers(doc: Document, registry: SelectorRegistry): boolean {
  const scope = locate(doc, registry.fields.visitView.strategies);
  if (scope.status !== 'found') return false;
  const found = locate(scope.element, registry.fields.originalAnswers.strategies);
  if (found.status !== 'found') return false;
  const el = found.element;
  for (const details of [el.closest('details'), ...el.querySelectorAll('details')]) {
    if (details instanceof HTMLDetailsElement) details.open = true;
  }
  el.scrollIntoView({ block: 'start' });
  return true;
}
