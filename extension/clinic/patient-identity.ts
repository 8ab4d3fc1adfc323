import { ageAt, type PersonnummerResult, parsePersonnummer } from '../../shared/personnummer';
import { t } from '../lib/i18n';
import { contextOf, type ValueContext } from './context';
import { isOurs, locate, normalizeText } from './dom-query';
import { type Field, known, unknown } from './field';
import { ageStatements, identityOccurrences, precededByCountryCode } from './identity-text';
import type { SelectorRegistry } from './selectors';

export interface PatientIdentity {
  /** 12 digits, YYYYMMDDNNNC. */
  normalized: string;
  kind: 'personnummer' | 'samordningsnummer' | 'interim';
  birthDate: string | null;
}

/** One identity-shaped number on the page, with whose the page says it is. */
export interface IdentityValue {
  text: string;
  element: Element;
  context: ValueContext;
  masked: boolean;
  result: PersonnummerResult | null;
}

export interface IdentityRead {
  id: Field<PatientIdentity>;
  /** The text as the page shows it, for refusals ("… är inget giltigt personnummer"). */
  text: string | null;
  /** Where the patient's number is shown (for UI beside it), when one was found. */
  element: Element | null;
  /** Every identity-shaped value in the header, whoever's (guardians are read from these too). */
  values: IdentityValue[];
}

/**
 * R-ID-1, by meaning: the patient's number is the value the page labels as the patient's
 * identity; one tied to someone else or a phone never is; an unlabelled one is taken only when
 * it is the only identity-shaped number in the header. Then cross-checked against the age or
 * birth date the header shows. `visitDate` decides a 10-digit number's century.
 */
export function readPatientIdentity(
  header: Element,
  registry: SelectorRegistry,
  visitDate: Date,
  now: Date,
): IdentityRead {
  const values = identityValues(header, registry, visitDate);
  const override = registry.fields.patientId.strategies;
  // A superuser's override says where the patient's number is: values there count as labelled.
  if (override.length > 0) {
    const located = locate(header, override);
    if (located.status === 'found') {
      for (const v of values) {
        if (located.element.contains(v.element) && v.context.owner === 'unlabelled')
          v.context = { owner: 'patient', words: 'selectorOverrides.patientId' };
      }
    }
  }
  const decided = decide(values);
  if (!decided.id.known || !decided.value) return { ...decided, values };
  const check = crossCheck(header, registry, decided.id.value, visitDate, now);
  return check ? { id: check, text: decided.text, element: decided.element, values } : { ...decided, values };
}

/** One number however often and however written: its 12-digit form, else its digits. */
function numberKey(v: IdentityValue): string {
  if (v.result?.valid) return v.result.normalized;
  return `${v.masked ? 'masked:' : ''}${v.text.replace(/\D/gu, '').slice(-10)}`;
}

function decide(values: IdentityValue[]): Omit<IdentityRead, 'values'> & { value?: IdentityValue } {
  const none = { text: null, element: null };
  // A number the page ties to someone else anywhere in the header is never the patient's.
  const others = new Set(
    values.filter((v) => v.context.owner !== 'patient' && v.context.owner !== 'unlabelled').map(numberKey),
  );
  const candidates = values.filter((v) => !others.has(numberKey(v)));
  const labelled = candidates.filter((v) => v.context.owner === 'patient');
  // Unlabelled: only when it is the only identity-shaped number in the header (shown once or twice).
  const onlyNumber = new Set(values.map(numberKey)).size === 1;
  const pool = labelled.length > 0 ? labelled : onlyNumber ? candidates : [];
  if (pool.length === 0) {
    if (candidates.length > 0) return { id: unknown('ambiguous', t('adapter_idUnmarked')), ...none };
    return { id: unknown('missing'), ...none };
  }
  if (pool.some((v) => v.masked)) return { id: unknown('invalid', t('adapter_idMasked')), ...none };
  const distinct = new Map<string, IdentityValue>();
  for (const v of pool) if (v.result?.valid) distinct.set(v.result.normalized, v);
  if (distinct.size > 1) return { id: unknown('ambiguous', t('adapter_idSeveral')), ...none };
  const invalid = pool.find((v) => !v.result?.valid);
  if (distinct.size === 1 && invalid) return { id: unknown('ambiguous', t('adapter_idMarked')), ...none };
  if (distinct.size === 0) {
    const reason = invalid?.result && !invalid.result.valid ? invalid.result.reason : t('adapter_invalid');
    return { id: unknown('invalid', reason), text: invalid?.text ?? null, element: invalid?.element ?? null };
  }
  const value = [...distinct.values()][0]!;
  const result = value.result as Extract<PersonnummerResult, { valid: true }>;
  return {
    id: known({ normalized: result.normalized, kind: result.kind, birthDate: result.birthDate }),
    text: value.text,
    element: value.element,
    value,
  };
}

/** Every identity-shaped value in the header's text and form fields, with its context. */
export function identityValues(header: Element, registry: SelectorRegistry, visitDate: Date): IdentityValue[] {
  const values: IdentityValue[] = [];
  const walker = header.ownerDocument.createTreeWalker(header, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!/\d{4}/u.test(text) || isOurs(node)) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, template')) continue;
    for (const o of identityOccurrences(text)) {
      const before = text.slice(0, o.index);
      if (precededByCountryCode(before)) continue;
      const context = contextOf(node, header, registry.match, before, text.slice(o.index + o.text.length));
      values.push(identityValue(o, parent, context, visitDate));
    }
  }
  for (const field of header.querySelectorAll('input, textarea')) {
    if (isOurs(field)) continue;
    const text = (field as HTMLInputElement).value ?? field.getAttribute('value') ?? '';
    for (const o of identityOccurrences(text)) {
      values.push(identityValue(o, field, contextOf(field, header, registry.match, text.slice(0, o.index)), visitDate));
    }
  }
  return values;
}

function identityValue(
  o: ReturnType<typeof identityOccurrences>[number],
  element: Element,
  context: ValueContext,
  visitDate: Date,
): IdentityValue {
  return {
    text: normalizeText(o.text),
    element,
    context,
    masked: o.masked,
    result: o.masked ? null : parsePersonnummer(o.parseable, { today: visitDate }),
  };
}

/**
 * The number's birth date must agree with what else the header says of the patient's age ("104
 * år", "5 mån", "Född …"); ages on someone else's line are theirs. Disagreement → unknown, never
 * a pick. Null when nothing disagrees.
 */
function crossCheck(
  header: Element,
  registry: SelectorRegistry,
  id: PatientIdentity,
  visitDate: Date,
  now: Date,
): Field<PatientIdentity> | null {
  if (!id.birthDate) return null;
  const walker = header.ownerDocument.createTreeWalker(header, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!/\d/u.test(text) || isOurs(node)) continue;
    for (const statement of ageStatements(text)) {
      const context = contextOf(node, header, registry.match, text.slice(0, statement.index), '', false);
      if (context.owner === 'other-person' || context.owner === 'phone') continue;
      if (!agrees(statement, id.birthDate, visitDate, now)) return unknown('invalid', t('adapter_idAge'));
    }
  }
  return null;
}

function agrees(
  statement: ReturnType<typeof ageStatements>[number],
  birthDate: string,
  visitDate: Date,
  now: Date,
): boolean {
  if (statement.kind === 'born') return statement.date === birthDate;
  return [visitDate, now].some((at) => {
    if (statement.kind === 'years') return ageAt(birthDate, at) === statement.value;
    const days = (at.getTime() - Date.parse(`${birthDate}T00:00:00Z`)) / 86_400_000;
    if (statement.kind === 'days') return Math.abs(days - statement.value) <= 1.5;
    return Math.abs(days / 30.44 - statement.value) <= 1.2;
  });
}
