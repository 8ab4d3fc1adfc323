import type { Field } from './field';
import { spacedText } from './text';

/** A field's health for the indicator: found, or why not. */
export type FieldHealth = 'found' | 'missing' | 'ambiguous' | 'not-applicable';
export type VisitState = 'waiting' | 'accepted' | 'ongoing' | 'closed';

/**
 * Questions and answers however the page pairs them: <dt>/<dd>, a row header and its cell, a
 * sub-heading and the paragraph after it, or a label span and its value span.
 */
export function questionAnswerPairs(section: Element): string[] {
  const pairs: string[] = [];
  const pair = (q: Element, a: Element | null) => {
    if (a) pairs.push(`${spacedText(q)}: ${spacedText(a)}`);
  };
  for (const dt of section.querySelectorAll('dt')) pair(dt, dt.nextElementSibling);
  if (pairs.length > 0) return pairs;
  for (const th of section.querySelectorAll('th[scope="row"], [role="rowheader"]')) pair(th, th.nextElementSibling);
  if (pairs.length > 0) return pairs;
  for (const h of section.querySelectorAll('h3, h4, h5, h6')) pair(h, h.nextElementSibling);
  if (pairs.length > 0) return pairs;
  for (const span of section.querySelectorAll('span')) {
    const value = span.nextElementSibling;
    if (span.childElementCount === 0 && value?.tagName === 'SPAN' && span.previousElementSibling === null)
      pair(span, value);
  }
  return pairs;
}

export function healthOf(field: Field<unknown>): FieldHealth {
  return field.known ? 'found' : field.reason === 'ambiguous' ? 'ambiguous' : 'missing';
}

export const STATE_WORDS: [RegExp, VisitState][] = [
  [/(?<![\p{L}])Avslutat?(?![\p{L}])/iu, 'closed'],
  [/(?<![\p{L}])Pågående(?![\p{L}])/iu, 'ongoing'],
  [/(?<![\p{L}])Mottagen(?![\p{L}])/iu, 'accepted'],
  [/(?<![\p{L}])Väntar i kö(?![\p{L}])/iu, 'waiting'],
];
