// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readSettingsFacts } from '../../extension/clinic';
import { settingsRemarks } from '../../shared/routine/settings';
import type { UiState } from '../clinic-sim/app/context';
import { ALL_SKINS, type SkinName } from '../clinic-sim/model';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import type { SimStore } from '../clinic-sim/store';
import { showPage } from './show-page';

/** R-S-1: the first-login dialog and Inställningar read on every skin, checked against the state. */
function load(store: SimStore, skin: SkinName, path: string, ui?: Partial<UiState>) {
  const html = renderPageHtml(store.getState(), path, 'settings', { skin, ui });
  showPage(html);
  // happy-dom does not select an <option selected> past the second on parse (Chromium does).
  for (const option of document.querySelectorAll('option[selected]')) (option as HTMLOptionElement).selected = true;
  return readSettingsFacts(document);
}

describe.each(ALL_SKINS)('skin %s', (skin) => {
  it('R-S-1: Skifttyp and Lastbalanserare as the state has them', () => {
    const { store } = scenarioState('settings');
    store.setSession({ shiftType: 'Bakjour', loadBalancer: true });
    const facts = load(store, skin, '/installningar/skifttyp');
    expect(facts).toEqual({ shiftType: 'Bakjour', loadBalancer: true });
    expect(settingsRemarks(facts).map((r) => r.field)).toEqual(['shiftType', 'loadBalancer']);
    store.setSession({ shiftType: 'Primärjour', loadBalancer: false });
    expect(settingsRemarks(load(store, skin, '/installningar/skifttyp'))).toEqual([]);
  });

  it('R-S-1: Profil — an empty title and mobile are pointed at', () => {
    const { store } = scenarioState('settings');
    store.setSession({ profile: { title: '', mobile: '' } });
    const facts = load(store, skin, '/installningar');
    expect(facts).toEqual({ firstName: 'Sara', lastName: 'Sjuksköterska', title: '', mobile: '' });
    expect(settingsRemarks(facts).map((r) => [r.field, r.kind])).toEqual([
      ['title', 'wrong'],
      ['mobile', 'advice'],
    ]);
  });

  it('R-S-1: Hårdvara — untested, then tested', () => {
    const { store } = scenarioState('settings');
    expect(load(store, skin, '/installningar/hardvara')).toEqual({ cameraTested: false, soundTested: false });
    expect(load(store, skin, '/installningar/hardvara', { hardware: { camera: true, sound: true } })).toEqual({
      cameraTested: true,
      soundTested: true,
    });
  });

  it('R-S-1: the first-login dialog — no shift type chosen yet, the load balancer as drawn', () => {
    const { store } = scenarioState('settings');
    store.setSession({ loggedIn: false, shiftTypeChosen: false, loadBalancer: true });
    store.login();
    store.chooseUnit('1177 direkt Uppsala län, Sjuksköterska');
    const facts = load(store, skin, '/');
    expect(facts.loadBalancer).toBe(true);
    expect(['', 'Primärjour']).toContain(facts.shiftType);
  });

  it('R-S-1: a visit page shows none of these: nothing is judged', () => {
    const { store, cases } = scenarioState('settings');
    expect(load(store, skin, `/besok/${cases.adult}`)).toEqual({});
  });
});
