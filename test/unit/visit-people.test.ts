// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ownedByMe, readHandedOver, readHandedOverByMe, readVisitPeople, SELECTORS } from '../../extension/clinic';
import { SKINS, type SkinName } from '../clinic-sim/model';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import { PATIENTS, SCENARIO_CLOCK } from '../fixtures/patients';
import { showPage } from './show-page';

/**
 * Who a visit belongs to, on every skin (R-HO-1): a case I handed over waits for its receiver and
 * is still mine; one a colleague handed over to my role is theirs until I accept it; an ordinary
 * visit shows no pending handover. On *Mina aktuella* my own handovers are told apart from those
 * handed over to me.
 */
const NOW = new Date(SCENARIO_CLOCK);
const { store, cases } = scenarioState('people');
const mineHandedOver = store.createCase({
  patientKey: 'adult2',
  state: 'ongoing',
  handover: { toRole: 'Läkare', message: 'Behöver läkarbedömning' },
}).id;
const toMe = store.createCase({
  patientKey: 'teen',
  state: 'ongoing',
  assignedTo: 'Lars Läkarsson',
  handover: { toRole: 'Sjuksköterska' },
}).id;

const invitedByMe = store.createCase({ patientKey: 'child', state: 'ongoing', invited: ['Lars Läkarsson'] }).id;
const asGuest = store.createCase({
  patientKey: 'infant',
  state: 'ongoing',
  assignedTo: 'Lars Läkarsson',
  invited: ['Petra Psykologsson', 'Sara Sjuksköterska'],
}).id;

function load(skin: SkinName, path: string) {
  const html = renderPageHtml(store.getState(), path, 'people', { skin });
  showPage(html);
}

describe.each(SKINS)('skin %s', (skin) => {
  it('R-HO-1: my handover waits for its receiver and the case is still mine', () => {
    load(skin, `/besok/${mineHandedOver}`);
    const people = readVisitPeople(document, SELECTORS)!;
    expect(people.pendingHandoverTo).toEqual({ known: true, value: 'Läkare' });
    expect(people.owner).toEqual({ known: true, value: 'Sara Sjuksköterska' });
    expect(people.me).toEqual({ known: true, value: 'Sara Sjuksköterska' });
    expect(ownedByMe(people)).toBe(true);
  });

  it("R-HO-1: a colleague's handover to my role is theirs until accepted", () => {
    load(skin, `/besok/${toMe}`);
    const people = readVisitPeople(document, SELECTORS)!;
    expect(people.pendingHandoverTo).toEqual({ known: true, value: 'Sjuksköterska' });
    expect(ownedByMe(people)).toBe(false);
  });

  it('R-C-1: a colleague I invited is read, the case still mine', () => {
    load(skin, `/besok/${invitedByMe}`);
    const people = readVisitPeople(document, SELECTORS)!;
    expect(people.invited).toEqual({ known: true, value: ['Lars Läkarsson'] });
    expect(ownedByMe(people)).toBe(true);
    expect(document.body.textContent).toContain('Bjud in kollega');
  });

  it("R-C-1: as a guest in a colleague's case: invited, not the owner, and no Avsluta besök", () => {
    load(skin, `/besok/${asGuest}`);
    const people = readVisitPeople(document, SELECTORS)!;
    expect(people.invited).toEqual({ known: true, value: ['Petra Psykologsson', 'Sara Sjuksköterska'] });
    expect(people.owner).toEqual({ known: true, value: 'Lars Läkarsson' });
    expect(ownedByMe(people)).toBe(false);
    const buttons = [...document.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(buttons).not.toContain('Avsluta besök');
    expect(buttons).toContain('Lämna över besök');
  });

  it('an ordinary visit shows no pending handover (known null)', () => {
    load(skin, `/besok/${cases.adult}`);
    const people = readVisitPeople(document, SELECTORS)!;
    expect(people.pendingHandoverTo).toEqual({ known: true, value: null });
    expect(ownedByMe(people)).toBe(true);
    expect(people.invited).toEqual({ known: true, value: [] });
  });
});

describe("'foreign' (readable only with a rule set)", () => {
  it('names the invited in words outside the default vocabulary: none seen, never a wrong name', () => {
    load('foreign', `/besok/${invitedByMe}`);
    expect(document.body.textContent).toContain('Medverkande');
    expect(readVisitPeople(document, SELECTORS)?.invited).toEqual({ known: true, value: [] });
  });
});

describe('R-HO-1: Mina aktuella', () => {
  it('lists my own handovers apart from those handed over to me', () => {
    load('dl', '/startsida/mina-aktuella');
    const mine = readHandedOverByMe(document, SELECTORS, NOW);
    expect(mine.known && mine.value.map((r) => [r.patientName, r.receiver])).toEqual([
      [PATIENTS.adult2.name, 'Läkare'],
    ]);
    const toMeRows = readHandedOver(document, SELECTORS, NOW);
    expect(toMeRows.known && toMeRows.value.map((r) => r.patientName)).toEqual([PATIENTS.teen.name]);
  });
  it('is unknown where the list is not shown', () => {
    load('dl', '/drop-in');
    expect(readHandedOverByMe(document, SELECTORS, NOW).known).toBe(false);
  });
});
