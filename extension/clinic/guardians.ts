import { parsePersonnummer } from '../../shared/personnummer';
import { t } from '../lib/i18n';
import { normalizeText, spacedText } from './dom-query';
import { type Field, known, unknown } from './field';
import { identityOccurrences } from './identity-text';
import type { IdentityValue, PatientIdentity } from './patient-identity';

export interface Guardian {
  name: string;
  id: Field<PatientIdentity>;
  /** The guardian who booked the visit, "ansvarig vårdnadshavare" (R-GU-1). */
  responsible: boolean;
  /** A protection marker shown for this guardian (R-GU-3); false = none seen. */
  protectionMarker: Field<boolean>;
}

const GUARDIAN_WORDS = /vårdnadshavar|bokad av|bokat av|bokare|förälder|föräldrar|mamma|pappa/iu;
const RESPONSIBLE_WORDS = /ansvarig|bokad av|bokat av|bokare/iu;
const ITEM_SELECTOR = 'li, tr, dd, [role="listitem"], [role="row"]';

/**
 * The child's guardians (R-GU-1, R-GU-3, R-GU-5): from the guardians section and from guardian
 * numbers the header shows ("Bokad av … (ansvarig vårdnadshavare), …"). Nothing to read is
 * unknown, never an empty list: "no guardian booked" must be seen, not assumed.
 */
export function readGuardians(
  section: Element | null,
  sectionHealth: 'found' | 'missing' | 'ambiguous' | 'not-applicable' | undefined,
  headerValues: readonly IdentityValue[],
  markedOthers: readonly Element[],
  visitDate: Date,
): Field<Guardian[]> {
  if (sectionHealth === 'ambiguous') return unknown('ambiguous');
  const guardians = new Map<string, Guardian>();
  const add = (key: string, guardian: Guardian) => {
    const existing = guardians.get(key);
    if (!existing) guardians.set(key, guardian);
    else {
      existing.responsible ||= guardian.responsible;
      if (guardian.protectionMarker.known && guardian.protectionMarker.value) existing.protectionMarker = known(true);
    }
  };
  for (const v of headerValues) {
    if (v.context.owner !== 'other-person' || !GUARDIAN_WORDS.test(v.context.words)) continue;
    const line = v.element.closest('p, li, div, tr, dd, [role="row"]') ?? v.element;
    add(keyOf(v.text), {
      // The words on the value's own line ("Bokad av Ida … (ansvarig vårdnadshavare),"), else its block.
      name: nameBefore(`${v.context.words} ${v.text}`, v.text) || nameBefore(spacedText(line), v.text),
      id: identityOf(v.text, visitDate),
      responsible: RESPONSIBLE_WORDS.test(v.context.words) || RESPONSIBLE_WORDS.test(spacedText(line)),
      protectionMarker: known(markedOthers.some((m) => line.contains(m) || m.contains(line))),
    });
  }
  if (section) {
    const items = Array.from(section.querySelectorAll(ITEM_SELECTOR)).filter(
      (item) => identityOccurrences(spacedText(item)).filter((o) => !o.masked).length === 1,
    );
    const leaves = items.filter((item) => !items.some((other) => other !== item && item.contains(other)));
    for (const item of leaves) {
      const text = spacedText(item);
      const number = identityOccurrences(text).find((o) => !o.masked)!;
      add(keyOf(number.text), {
        name: nameBefore(text, number.text),
        id: identityOf(number.parseable, visitDate),
        responsible: RESPONSIBLE_WORDS.test(text),
        protectionMarker: known(markedOthers.some((m) => item.contains(m) || m.contains(item))),
      });
    }
    if (leaves.length === 0 && !/(?<![\p{L}])(inga|saknas)(?![\p{L}])/iu.test(spacedText(section)))
      return guardians.size > 0 ? known([...guardians.values()]) : unknown('invalid', t('adapter_guardians'));
  }
  if (!section && guardians.size === 0) return unknown('missing');
  return known([...guardians.values()]);
}

function keyOf(text: string): string {
  return text.replace(/\D/gu, '').slice(-10);
}

function identityOf(text: string, visitDate: Date): Field<PatientIdentity> {
  const occurrence = identityOccurrences(text)[0];
  const result = parsePersonnummer(occurrence?.parseable ?? text, { today: visitDate });
  return result.valid
    ? known({ normalized: result.normalized, kind: result.kind, birthDate: result.birthDate })
    : unknown('invalid', result.reason);
}

/** The guardian's name: the words before the number, without the labels around it. */
function nameBefore(text: string, number: string): string {
  const head = text.split(number)[0] ?? '';
  return normalizeText(
    head
      .replace(/\(?\s*ansvarig vårdnadshavare\s*\)?/giu, ' ')
      .replace(/bokad av|bokat av|vårdnadshavare|personnummer|pnr/giu, ' ')
      .replace(/[,:;()]/gu, ' '),
  );
}
