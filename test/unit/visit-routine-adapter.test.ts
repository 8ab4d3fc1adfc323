// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPatientOnline, registryFor, revealOriginalAnswers, SELECTORS } from '../../extension/clinic';
import { ALL_SKINS, FOREIGN_SKIN, SKINS, type SkinName } from '../clinic-sim/model';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import { FOREIGN_PATCH } from '../fixtures/foreign-patch';
import { showPage } from './show-page';

/** R-V-1 presence and R-Q-2 Originalsvar on every skin, against the simulator's state. */
const { store, cases } = scenarioState('visit-routine');
const registryOf = (skin: SkinName) => (skin === FOREIGN_SKIN ? registryFor(FOREIGN_PATCH) : SELECTORS);

function load(skin: SkinName) {
  const html = renderPageHtml(store.getState(), `/besok/${cases.adult}`, 'visit-routine', { skin });
  showPage(html);
}

describe.each(SKINS)('skin %s', (skin) => {
  it('R-V-1: online and offline as the state has them', () => {
    store.setOnline(cases.adult, true);
    load(skin);
    expect(readPatientOnline(document, registryOf(skin))).toEqual({ known: true, value: true });
    store.setOnline(cases.adult, false);
    load(skin);
    expect(readPatientOnline(document, registryOf(skin))).toEqual({ known: true, value: false });
    store.setOnline(cases.adult, true);
  });
});

describe.each(ALL_SKINS)('skin %s', (skin) => {
  // The foreign skin calls it "Alla svar", a word the built-in registry does not know: not found.
  it('R-Q-2: Originalsvar is found and revealed (or reported as not found)', () => {
    load(skin);
    Element.prototype.scrollIntoView ??= () => {};
    expect(revealOriginalAnswers(document, registryOf(skin))).toBe(skin !== FOREIGN_SKIN);
  });
});

describe('foreign wording', () => {
  it('R-V-1: presence in words the adapter does not know is unknown, never "offline"', () => {
    load(FOREIGN_SKIN);
    expect(readPatientOnline(document, registryOf(FOREIGN_SKIN)).known).toBe(false);
  });
});
