import { elementsIn, locate, normalizeText, roleOf, sentenceElements, sharedInRead } from './dom-query';
import { type Field, known, unknown } from './field';
import type { SelectorRegistry } from './selectors';

/**
 * A closed visit's two follow-ups, read by visible words only, each from its button and its status
 * text (a button and a status that disagree are unknown):
 * - Asynkrona (R-A-1): the patient answered in the asynchronous phase → *Markera som klar*; done →
 *   "Markerad som klar".
 * - The visit note (R-J-1): *Signera och exportera*; done → "Signerad och exporterad".
 * null: the page shows neither the button nor the status (nothing to say).
 */
export type AsyncFollowUp = 'answered' | 'done';
export type VisitNoteState = 'unsigned' | 'signed';

export interface ClosedVisitFollowUps {
  asyncFollowUp: Field<AsyncFollowUp> | null;
  visitNote: Field<VisitNoteState> | null;
}

export function readClosedVisitFollowUps(doc: Document, registry: SelectorRegistry): ClosedVisitFollowUps | null {
  // Two features read it on each change of the visit: once per read.
  return sharedInRead(readFollowUps, doc, registry);
}

function readFollowUps(doc: Document, registry: SelectorRegistry): ClosedVisitFollowUps | null {
  const view = locate(doc, registry.fields.visitView.strategies);
  if (view.status !== 'found') return null;
  const scope = view.element;
  return {
    asyncFollowUp: followUp(scope, 'Markera som klar', /^markerad som klar\b/iu, 'answered', 'done'),
    visitNote: followUp(scope, 'Signera och exportera', /^signerad och exporterad\b/iu, 'unsigned', 'signed'),
  };
}

function followUp<T extends string>(
  scope: Element,
  buttonName: string,
  doneText: RegExp,
  pending: T,
  done: T,
): Field<T> | null {
  const button = elementsIn(scope, 'button, [role="button"]').some(
    (b) => roleOf(b) === 'button' && normalizeText(b.textContent) === buttonName,
  );
  // The deepest element whose own text says it is done (not the chat's lines, not a container).
  const said = sentenceElements(scope).some(
    (el) =>
      doneText.test(normalizeText(el.textContent)) &&
      !Array.from(el.children).some((c) => doneText.test(normalizeText(c.textContent))),
  );
  if (button && said) return unknown('ambiguous');
  if (button) return known(pending);
  if (said) return known(done);
  return null;
}
