import type { SettingsFacts } from '../../shared/routine/settings';
import { accessibleName, ambientQueryCache, locateAll, normalizeText, type QueryCache, spacedText } from './dom-query';

/**
 * R-S-1: the values of the first-login dialog and *Inställningar* (Profil, Hårdvara, Skifttyp),
 * found by their visible labels. A field this page does not show stays undefined; one shown but
 * unreadable (two candidates, an odd control) is null.
 */
export function readSettingsFacts(doc: Document): SettingsFacts {
  // The refresh's shared index when one is under way (dom-query's withQueryCache), else its own.
  const cache: QueryCache = ambientQueryCache(doc) ?? new Map();
  const controls = (label: string) =>
    locateAll(doc, { kind: 'label', label, exact: true }, cache).filter((el) =>
      ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName),
    );
  const value = (label: string): string | null | undefined => {
    const found = controls(label);
    if (found.length === 0) return undefined;
    if (found.length > 1) return null;
    const el = found[0]!;
    if (el.tagName === 'SELECT') {
      const option = (el as HTMLSelectElement).selectedOptions[0];
      // The placeholder option ("Välj skifttyp") has no value: nothing chosen.
      return option && option.value !== '' ? normalizeText(option.textContent) : '';
    }
    return (el as HTMLInputElement).value;
  };
  const facts: SettingsFacts = {};
  const set = <K extends keyof SettingsFacts>(key: K, v: SettingsFacts[K] | undefined) => {
    if (v !== undefined) facts[key] = v;
  };
  set('shiftType', value('Skifttyp'));
  set('firstName', value('Förnamn'));
  set('lastName', value('Efternamn'));
  set('title', value('Titel'));
  set('mobile', value('Mobilnummer'));
  set('loadBalancer', switchState(doc, cache, 'Lastbalanserare'));
  set('cameraTested', tested(doc, cache, 'Kamera', /Kameran fungerar/iu, /Ingen bild|Testa kamera/iu));
  set('soundTested', tested(doc, cache, 'Ljud', /Ljudet fungerar/iu, /Testa ljud|testljud/iu));
  return facts;
}

function switchState(doc: Document, cache: QueryCache, name: string): boolean | null | undefined {
  const found = locateAll(doc, { kind: 'role', role: 'switch', name }, cache).filter(
    (el) => accessibleName(el) === name,
  );
  if (found.length === 0) return undefined;
  const checked = found.map((el) => el.getAttribute('aria-checked'));
  if (found.length > 1 || (checked[0] !== 'true' && checked[0] !== 'false')) return null;
  return checked[0] === 'true';
}

/** A hardware section's test: worked (its "fungerar" line), not yet (the test offered), else unknown. */
function tested(
  doc: Document,
  cache: QueryCache,
  label: string,
  ok: RegExp,
  notYet: RegExp,
): boolean | null | undefined {
  const sections = locateAll(doc, { kind: 'label', label, exact: true }, cache).filter(
    (el) => !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName),
  );
  if (sections.length === 0) return undefined;
  if (sections.length > 1) return null;
  const text = spacedText(sections[0]!);
  if (ok.test(text)) return true;
  return notYet.test(text) ? false : null;
}
