// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readShiftFacts, registryFor, SELECTORS } from '../../extension/clinic';
import type { UiState } from '../clinic-sim/app/context';
import { ALL_SKINS, FOREIGN_SKIN, type SkinName } from '../clinic-sim/model';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import { FOREIGN_PATCH } from '../fixtures/foreign-patch';
import { SCENARIO_CLOCK } from '../fixtures/patients';
import { showPage } from './show-page';

/**
 * The shift guard's facts (R-S-2, R-S-3, R-S-4) on every skin: logged in or not, the clinician's
 * name, Startsida's own open cases and waiting count, the "Logga ut" dialog. Expected values come
 * from the simulator's state, not from the page.
 */
const { store, cases } = scenarioState('shift-facts', SCENARIO_CLOCK);
const registryOf = (skin: SkinName) => (skin === FOREIGN_SKIN ? registryFor(FOREIGN_PATCH) : SELECTORS);

function load(skin: SkinName, path: string, ui?: Partial<UiState>) {
  const html = renderPageHtml(store.getState(), path, 'shift-facts', { skin, ui });
  showPage(html);
  return readShiftFacts(document, registryOf(skin));
}

const mine = () =>
  store
    .getState()
    .cases.filter((c) => c.assignedTo === 'Sara Sjuksköterska' && (c.state === 'accepted' || c.state === 'ongoing'));

/** The Startsida's own count (the simulator's dropInCases), so the adapter is checked against the state. */
const waitingOnStart = () =>
  Number(/(\d+) Väntar i kö/.exec(renderPageHtml(store.getState(), '/', 'x').replace(/<[^>]+>/g, ''))?.[1]);

describe.each(ALL_SKINS)('skin %s', (skin) => {
  it('R-S-3: Startsida lists the own open cases by patient name, and the waiting count', () => {
    const facts = load(skin, '/');
    expect(facts.loggedIn).toEqual({ known: true, value: true });
    expect(facts.ownOpenCases.known).toBe(true);
    const read = facts.ownOpenCases.known ? facts.ownOpenCases.value : [];
    expect(read).toHaveLength(mine().length);
    for (const c of mine())
      expect(
        read.some((line) => line.startsWith(c.patient.name)),
        c.patient.name,
      ).toBe(true);
    expect(facts.waitingDropIn).toEqual({ known: true, value: waitingOnStart() });
    expect(facts.logoutDialogOpen).toBe(false);
  });

  it('R-S-3: on a visit the own cases and the waiting count are unknown, never "none"', () => {
    const facts = load(skin, `/besok/${cases.adult}`);
    expect(facts.ownOpenCases.known).toBe(false);
    expect(facts.waitingDropIn.known).toBe(false);
  });

  it('R-S-2: the "Logga ut" dialog is seen as open', () => {
    expect(load(skin, `/besok/${cases.adult}`, { dialog: 'logout' }).logoutDialogOpen).toBe(true);
  });

  it("R-S-2: the clinician's name from the main menu", () => {
    expect(load(skin, '/').clinicianName).toEqual({ known: true, value: 'Sara Sjuksköterska' });
  });
});

describe('logged out', () => {
  it.each(ALL_SKINS)('R-S-4: %s — the login page reads as logged out', (skin) => {
    const local = scenarioState('shift-facts-out', SCENARIO_CLOCK);
    local.store.setSession({ loggedIn: false });
    const html = renderPageHtml(local.store.getState(), '/', 'x', { skin });
    showPage(html);
    const facts = readShiftFacts(document, registryOf(skin));
    expect(facts.loggedIn).toEqual({ known: true, value: false });
    expect(facts.clinicianName.known).toBe(false);
    expect(facts.ownOpenCases.known).toBe(false);
  });
});
