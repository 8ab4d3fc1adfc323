import { locate, locateAll, normalizeText, roleOf, sharedInRead, spacedText } from './dom-query';
import { type Field, known, unknown } from './field';
import type { SelectorRegistry } from './selectors';

/**
 * The receiving unit's side of a ticket (1177 på telefon), read by visible words only: a visit
 * that came by a ticket ("Biljett från" the sending unit) with the patient's post-triage answers
 * as notes (R-J-7), and an unused ticket's *Vidimeringspost* (R-T-2).
 */
export interface TicketVisit {
  fromUnit: string;
  /** Notes holding post-triage answers ("Posttriage"); unknown when the notes cannot be read. */
  postTriageNotes: Field<number>;
}

const POST_TRIAGE = /post-?triage/iu;
const ITEM = 'li, article, [role="listitem"], [role="article"]';

/**
 * On a visit: the ticket it came by, `known(null)` when the page names none (no ticket seen —
 * the page may still leave it out), unknown when the visit view itself is not found.
 */
export function readTicketVisit(doc: Document, registry: SelectorRegistry): Field<TicketVisit | null> {
  // Two features read it on each change of the visit: once per read.
  return sharedInRead(readTicket, doc, registry);
}

function readTicket(doc: Document, registry: SelectorRegistry): Field<TicketVisit | null> {
  const view = locate(doc, registry.fields.visitView.strategies);
  if (view.status !== 'found') return unknown(view.status === 'ambiguous' ? 'ambiguous' : 'missing');
  // i18n-exempt: the console's own label (matched, never shown)
  const from = locate(view.element, [
    { kind: 'term', term: 'Biljett från' },
    { kind: 'label', label: 'Biljett från', exact: true },
  ]);
  if (from.status === 'ambiguous') return unknown('ambiguous');
  if (from.status !== 'found') return known(null);
  const fromUnit = normalizeText(from.element.textContent);
  if (!fromUnit) return unknown('invalid');
  return known({ fromUnit, postTriageNotes: postTriageNotes(view.element) });
}

function postTriageNotes(scope: Element): Field<number> {
  // i18n-exempt: the console's own label (matched, never shown)
  const sections = locateAll(scope, { kind: 'heading', text: 'Anteckningar', exact: true });
  if (sections.length > 1) return unknown('ambiguous');
  const notes = sections[0];
  if (!notes) return unknown('missing');
  const items = Array.from(notes.querySelectorAll(ITEM)).filter((i) => !i.parentElement?.closest(ITEM));
  if (items.length === 0) return /\binga\b/iu.test(spacedText(notes)) ? known(0) : unknown('invalid');
  return known(items.filter((i) => POST_TRIAGE.test(spacedText(i))).length);
}

/** An unused ticket's post: waiting for *Vidimera*, or done. */
export type VidimeringState = 'pending' | 'done';

/**
 * The page's *Vidimeringspost*, if it shows one (null otherwise): its status from the "Status"
 * term, cross-checked with the *Vidimera* button; a status and button that disagree are unknown.
 */
export function readVidimering(doc: Document): Field<VidimeringState> | null {
  // i18n-exempt: the console's own label (matched, never shown)
  const pages = locateAll(doc, { kind: 'heading', text: 'Vidimeringspost', exact: true });
  if (pages.length === 0) return null;
  if (pages.length > 1) return unknown('ambiguous');
  const page = pages[0]!;
  const status = locate(page, [{ kind: 'term', term: 'Status' }]);
  const text = status.status === 'found' ? spacedText(status.element) : '';
  const said: VidimeringState | null = /^vidimerad\b/iu.test(text)
    ? 'done'
    : /^ej vidimerad\b/iu.test(text)
      ? 'pending'
      : null;
  const button = Array.from(page.querySelectorAll('button, [role="button"]')).some(
    (b) => roleOf(b) === 'button' && normalizeText(b.textContent) === 'Vidimera',
  );
  if (said === null) return button ? known('pending') : unknown('invalid');
  if (said === 'done' && button) return unknown('ambiguous');
  return known(said);
}
