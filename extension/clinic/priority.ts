import { type Field, known, unknown } from './field';
import { priorityIn } from './identity-text';
import { leftOut, normalizeText, spacedText } from './text';

/** Forms (e.g. "Ändra prioritet") are inputs, not the triage result. */
const FORMS = 'form, select, option, input';

/**
 * The triage priority (1–5) a section shows: "Prioritet: 2" (or Prio, Brådskegrad), else a badge
 * holding just the digit beside the heading ("2 – Inom några timmar"). One value or unknown.
 * Read in place, its forms left out (copying the section cost more than reading it, on every
 * page change of a long visit).
 */
export function priorityOf(section: Element): Field<number> {
  const found = new Set<number>();
  const text = spacedText(section, FORMS);
  for (const m of text.matchAll(/(?:Prioritet|Prio|Brådskegrad)\s*:?\s*([1-5])(?!\d)/giu)) found.add(Number(m[1]));
  if (found.size === 0) {
    for (const el of section.querySelectorAll('*')) {
      if (el.childElementCount > 0 || leftOut(el, section, FORMS)) continue;
      const p = priorityIn(normalizeText(el.textContent));
      if (p !== null && /^\s*[1-5]\s*(?:–|-|$)/u.test(normalizeText(el.textContent))) found.add(p);
    }
  }
  if (found.size === 1) return known([...found][0]!);
  return unknown(found.size > 1 ? 'ambiguous' : 'invalid');
}
