import { locate, locateAll, normalizeText, sentenceElements, sharedInRead, spacedText } from './dom-query';
import { type Field, known, unknown } from './field';
import type { SelectorRegistry } from './selectors';
import { readClinicianName } from './shift-facts';

/**
 * Who the visit belongs to and who else is in it, read by visible words only: the owner ("Mottagen
 * av"), a handover waiting for its receiver ("… lämnat över till Läkare, väntar på mottagare",
 * R-HO-1), invited colleagues ("Inbjuden kollega", R-C-1), and the logged-in clinician's name
 * from the main menu to tell "mine" from "someone else's".
 */
export interface VisitPeople {
  /** The case's owner; `known(null)` when the page says nobody ("–"). */
  owner: Field<string | null>;
  /** The logged-in clinician's name (main menu). */
  me: Field<string>;
  /** The receiver a pending handover waits for; `known(null)`: none shown. */
  pendingHandoverTo: Field<string | null>;
  /** Colleagues invited to the visit; `known([])`: none shown. */
  invited: Field<string[]>;
}

const OWNER_TERMS = ['Mottagen av', 'Ansvarig'];
const INVITED_TERMS = ['Inbjuden kollega', 'Inbjudna kollegor', 'Inbjuden', 'Gäst'];
const PENDING = /lämnat över till\s+(.+?)\s*,?\s*väntar på mottagare/iu;
const NOBODY = /^(?:–|-|—|ingen)?$/iu;

export function readVisitPeople(doc: Document, registry: SelectorRegistry): VisitPeople | null {
  // Once per page change however many features ask (the handover guard, the visit routine).
  return sharedInRead(readPeople, doc, registry);
}

function readPeople(doc: Document, registry: SelectorRegistry): VisitPeople | null {
  const view = locate(doc, registry.fields.visitView.strategies);
  if (view.status !== 'found') return null;
  const scope = view.element;
  return {
    owner: termValue(scope, OWNER_TERMS),
    me: readClinicianName(doc, registry),
    pendingHandoverTo: pending(scope),
    invited: invited(scope),
  };
}

/** true: the owner is me; false: someone else (or nobody); null: either could not be read. */
export function ownedByMe(people: VisitPeople): boolean | null {
  if (!people.owner.known || !people.me.known) return null;
  return people.owner.value !== null && sameName(people.owner.value, people.me.value);
}

export function sameName(a: string, b: string): boolean {
  return normalizeText(a).toLocaleLowerCase('sv') === normalizeText(b).toLocaleLowerCase('sv');
}

function termValue(scope: Element, terms: readonly string[]): Field<string | null> {
  for (const term of terms) {
    const hits = locateAll(scope, { kind: 'term', term });
    if (hits.length > 1) return unknown('ambiguous');
    if (hits.length === 1) {
      const text = spacedText(hits[0]!);
      return known(NOBODY.test(text) ? null : text);
    }
  }
  return unknown('missing');
}

/** The deepest elements saying a handover waits; one receiver, else unknown. */
function pending(scope: Element): Field<string | null> {
  const receivers = new Set<string>();
  for (const el of sentenceElements(scope)) {
    const m = PENDING.exec(normalizeText(el.textContent));
    if (!m || Array.from(el.children).some((c) => PENDING.test(normalizeText(c.textContent)))) continue;
    receivers.add(m[1]!);
  }
  if (receivers.size > 1) return unknown('ambiguous');
  return known(receivers.size === 1 ? [...receivers][0]! : null);
}

function invited(scope: Element): Field<string[]> {
  const value = termValue(scope, INVITED_TERMS);
  if (!value.known) return value.reason === 'missing' ? known([]) : unknown(value.reason);
  if (value.value === null) return known([]);
  return known(
    value.value
      .split(/\s*(?:,|;|\boch\b)\s*/u)
      .map((n) => n.replace(/\s*\([^)]*\)\s*$/u, '').trim())
      .filter(Boolean),
  );
}
