import { t } from '../lib/i18n';
import {
  accessibleName,
  ambientQueryCache,
  locate,
  locateAll,
  normalizeText,
  type QueryCache,
  spacedText,
} from './dom-query';
import { type Field, known, unknown } from './field';
import type { SelectorRegistry } from './selectors';

/**
 * What the shift guard (R-S-2..R-S-4) needs beyond the snapshot, read by visible words only:
 * logged in or not, the clinician's name in the main menu, the Startsida's own open cases and
 * waiting count, and whether the console's "Logga ut" dialog is open.
 */
export interface ShiftFacts {
  /** true: a "Logga ut" button; false: the login page ("Logga in med SITHS-kort"). */
  loggedIn: Field<boolean>;
  /** The name the main menu shows for the logged-in clinician. */
  clinicianName: Field<string>;
  /** Startsida's "Mina ärenden" (one line per case); unknown on every other page. */
  ownOpenCases: Field<string[]>;
  /** Startsida's "N Väntar i kö"; unknown on every other page. */
  waitingDropIn: Field<number>;
  /** The console's "Logga ut" dialog (the choice between ending the shift or not) is open. */
  logoutDialogOpen: boolean;
}

/** Names of the own-cases list on Startsida (the manual calls it *Mina aktuella*). */
export const OWN_CASES_LABELS = ['Mina ärenden', 'Mina aktuella'] as const;
const EMPTY_LIST = /(?<![\p{L}])(inga|saknas)(?![\p{L}])/iu;
const MENU_PAGES = new Set(['startsida', 'drop in', 'asynkrona', 'inställningar', 'logga ut']);

export function readShiftFacts(doc: Document, registry: SelectorRegistry): ShiftFacts {
  // The refresh's shared index when one is under way (dom-query's withQueryCache), else its own.
  const cache: QueryCache = ambientQueryCache(doc) ?? new Map();
  const button = (name: string) =>
    locateAll(doc, { kind: 'role', role: 'button', name }, cache).filter((b) => accessibleName(b) === name).length;
  const dialogs = locateAll(doc, { kind: 'role', role: 'dialog' }, cache);
  const logoutDialogOpen = dialogs.some((d) => accessibleName(d) === 'Logga ut');
  const out = button('Logga ut') > 0;
  const login = button('Logga in med SITHS-kort') > 0;
  return {
    loggedIn: out !== login ? known(out) : unknown(out ? 'ambiguous' : 'missing'),
    clinicianName: readClinicianName(doc, registry, cache),
    ownOpenCases: readOwnCases(doc, cache),
    waitingDropIn: readWaiting(doc, cache),
    logoutDialogOpen,
  };
}

/**
 * The main menu's link that is not one of its pages and not the role/unit line: the clinician's
 * name (the first text inside it). Several candidates or none → unknown.
 */
export function readClinicianName(
  doc: Document,
  registry: SelectorRegistry,
  cache: QueryCache = ambientQueryCache(doc) ?? new Map(),
): Field<string> {
  const menu = locate(doc, registry.fields.clinicianIdentity.strategies, cache);
  if (menu.status !== 'found') return unknown(menu.status === 'ambiguous' ? 'ambiguous' : 'missing');
  const names = new Set<string>();
  for (const link of menu.element.querySelectorAll('a[href], [role="link"]')) {
    const first = leafTexts(link)[0];
    if (!first || MENU_PAGES.has(first.toLocaleLowerCase('sv'))) continue;
    const isRole = registry.vocabulary.roles.some((r) => r.toLocaleLowerCase('sv') === first.toLocaleLowerCase('sv'));
    if (isRole || /[,:]/u.test(first) || /\d/u.test(first)) continue;
    if (first.split(/\s+/u).length < 2) continue;
    names.add(first);
  }
  return names.size === 1 ? known([...names][0]!) : unknown(names.size > 1 ? 'ambiguous' : 'missing');
}

function leafTexts(el: Element): string[] {
  if (el.childElementCount === 0) {
    const text = normalizeText(el.textContent);
    return text ? [text] : [];
  }
  return Array.from(el.children).flatMap(leafTexts);
}

function readOwnCases(doc: Document, cache: QueryCache): Field<string[]> {
  const region = locate(
    doc,
    OWN_CASES_LABELS.flatMap((label) => [
      { kind: 'label' as const, label, exact: true },
      { kind: 'heading' as const, text: label, exact: true },
    ]),
    cache,
  );
  if (region.status !== 'found') return unknown(region.status === 'ambiguous' ? 'ambiguous' : 'missing');
  const items = Array.from(region.element.querySelectorAll('li, [role="listitem"], tbody tr'));
  if (items.length === 0) {
    return EMPTY_LIST.test(spacedText(region.element)) ? known([]) : unknown('invalid', t('adapter_ownCases'));
  }
  // A priority badge ("3", "–") is not the case's name.
  return known(
    items.map((item) =>
      leafTexts(item)
        .filter((text) => !/^(?:[1-5]|–|-)$/u.test(text))
        .join(', '),
    ),
  );
}

/** "6 Väntar i kö": the Startsida's count, a link or card whose whole text is the number and the queue's name. */
function readWaiting(doc: Document, cache: QueryCache): Field<number> {
  const counts = new Set<number>();
  for (const link of locateAll(doc, { kind: 'role', role: 'link' }, cache)) {
    const m = /^(\d+)\s+Väntar i kö$/iu.exec(spacedText(link));
    if (m) counts.add(Number(m[1]));
  }
  return counts.size === 1 ? known([...counts][0]!) : unknown(counts.size > 1 ? 'ambiguous' : 'missing');
}

/** The console's two ways out of its "Logga ut" dialog (R-S-2). */
export type LogoutChoice = 'end-shift' | 'keep-shift';
const LOGOUT_CHOICES: Record<string, LogoutChoice> = {
  'Avsluta skift': 'end-shift',
  'Logga ut utan att avsluta skift': 'keep-shift',
};

/**
 * Calls `onChoice` when the clinician logs out with or without ending the shift: seen at the
 * click (capture phase), since the page after it no longer shows the shift.
 */
export function watchLogoutChoice(doc: Document, onChoice: (choice: LogoutChoice) => void, signal: AbortSignal): void {
  const onClick = (event: Event) => {
    const target = event.target instanceof Element ? event.target.closest('button, [role="button"]') : null;
    const choice = target ? LOGOUT_CHOICES[accessibleName(target)] : undefined;
    if (choice) onChoice(choice);
  };
  doc.addEventListener('click', onClick, { capture: true });
  signal.addEventListener('abort', () => doc.removeEventListener('click', onClick, { capture: true }));
}
