// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readDateFilter } from '../../extension/clinic';
import { ALL_SKINS } from '../clinic-sim/model';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import { showPage } from './show-page';

/** R-D-1: the date-filtered view (Asynkrona) is recognised on every skin, with its "Uppdatera"; other views are not. */
const { store, cases } = scenarioState('date-filter');

function load(skin: (typeof ALL_SKINS)[number], path: string) {
  const html = renderPageHtml(store.getState(), path, 'date-filter', { skin });
  showPage(html);
  return readDateFilter(document);
}

describe.each(ALL_SKINS)('skin %s', (skin) => {
  it('R-D-1: Asynkrona has a date filter and its Uppdatera', () => {
    const view = load(skin, '/asynkrona');
    expect(view).not.toBeNull();
    expect(view?.refresh?.textContent?.trim()).toBe('Uppdatera');
  });
  it('R-D-1: a visit and Drop in have none', () => {
    expect(load(skin, `/besok/${cases.adult}`)).toBeNull();
    expect(load(skin, '/drop-in')).toBeNull();
  });
});
