import { locate, normalizeText, type QueryCache } from './dom-query';
import { type Field, known, unknown } from './field';
import type { SelectorRegistry } from './selectors';

export interface ClinicianRead {
  unit: Field<string>;
  role: Field<string>;
}

const SEPARATORS = /\s*(?:,|·|•|\||\s–\s|\s—\s|\s-\s)\s*/u;

/**
 * The clinician's own unit and role (R-J-5), from the logged-in identity: the name block in the
 * main menu ("Sjuksköterska, 1177 direkt Uppsala län", or labelled "Roll" / "Vårdenhet") —
 * never from the global filter, which a clinician may change to see another role's cases.
 */
export function readClinician(doc: Document, registry: SelectorRegistry, queries?: QueryCache): ClinicianRead {
  const menu = locate(doc, registry.fields.clinicianIdentity.strategies, queries);
  if (menu.status !== 'found') {
    const reason = menu.status === 'ambiguous' ? 'ambiguous' : 'missing';
    return { unit: unknown(reason), role: unknown(reason) };
  }
  // One line saying both ("Sjuksköterska, 1177 direkt Uppsala län"), else labelled values.
  const pairs = new Map<string, { unit: string; role: string }>();
  for (const el of menu.element.querySelectorAll('*')) {
    if (el.childElementCount > 0 && Array.from(el.children).some((c) => normalizeText(c.textContent))) continue;
    const pair = roleAndUnit(normalizeText(el.textContent), registry);
    if (pair) pairs.set(`${pair.role}|${pair.unit}`, pair);
  }
  if (pairs.size === 1) {
    const { unit, role } = [...pairs.values()][0]!;
    return { unit: known(unit), role: known(role) };
  }
  if (pairs.size > 1) return { unit: unknown('ambiguous'), role: unknown('ambiguous') };
  return labelledValues(menu.element) ?? { unit: unknown('missing'), role: unknown('missing') };
}

/** "Roll: Sjuksköterska" / "Vårdenhet: …" as <dt>/<dd>, labels or aria-labels. */
function labelledValues(menu: Element): ClinicianRead | null {
  const value = (...names: string[]): string | null => {
    for (const name of names) {
      const found = locate(menu, [
        { kind: 'term', term: name },
        { kind: 'label', label: name, exact: true },
      ]);
      if (found.status === 'found') {
        const text = normalizeText(found.element.textContent);
        if (text && text !== name) return text;
      }
    }
    return null;
  };
  const inline = (pattern: RegExp): string | null => {
    const hits = new Set<string>();
    for (const el of menu.querySelectorAll('*')) {
      if (el.childElementCount > 0) continue;
      const m = pattern.exec(normalizeText(el.textContent));
      if (m?.[1]) hits.add(m[1]);
    }
    return hits.size === 1 ? [...hits][0]! : null;
  };
  const role = value('Roll', 'Vårdroll', 'Yrkesroll') ?? inline(/^(?:Roll|Vårdroll|Yrkesroll)\s*:\s*(.+)$/iu);
  const unit = value('Vårdenhet', 'Enhet') ?? inline(/^(?:Vårdenhet|Enhet)\s*:\s*(.+)$/iu);
  return role && unit ? { unit: known(unit), role: known(role) } : null;
}

/** One line saying role and unit, in either order; exactly one part must be a known role. */
function roleAndUnit(line: string, registry: SelectorRegistry): { unit: string; role: string } | null {
  if (line.length === 0 || line.length > 120) return null;
  const parts = line.split(SEPARATORS).filter(Boolean);
  if (parts.length !== 2) return null;
  const isRole = (part: string) =>
    registry.vocabulary.roles.some((r) => r.toLocaleLowerCase('sv') === part.toLocaleLowerCase('sv'));
  const [a, b] = parts as [string, string];
  if (isRole(a) && !isRole(b)) return { role: a, unit: b };
  if (isRole(b) && !isRole(a)) return { role: b, unit: a };
  return null;
}
