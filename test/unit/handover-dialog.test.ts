// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readCloseDialog, readHandoverDialog, registryFor, SELECTORS } from '../../extension/clinic';
import { ALL_SKINS, FOREIGN_SKIN, type SkinName } from '../clinic-sim/model';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import { FOREIGN_PATCH } from '../fixtures/foreign-patch';
import { showPage } from './show-page';

/** R-HO-1: the "Lämna över besök" dialog's receiver on every skin, and the simulator's handover to a person. */
const { store, cases } = scenarioState('handover');

function load(skin: SkinName, choose?: string) {
  const html = renderPageHtml(store.getState(), `/besok/${cases.adult}`, 'handover', {
    skin,
    ui: { dialog: 'handover' },
  });
  showPage(html);
  const select = document.querySelector<HTMLSelectElement>('[role="dialog"] select')!;
  for (const option of select.options)
    option.selected = choose ? option.value === choose : option.hasAttribute('selected');
  return readHandoverDialog(document, skin === FOREIGN_SKIN ? registryFor(FOREIGN_PATCH) : SELECTORS);
}

describe.each(ALL_SKINS)('skin %s', (skin) => {
  it('R-HO-1: the preselected role is read as a role', () => {
    expect(load(skin)).toEqual({ receiver: { kind: 'role', name: 'Läkare' } });
  });
  it('R-HO-1: a colleague by name is read as a person', () => {
    expect(load(skin, 'person:Lars Läkarsson')).toEqual({ receiver: { kind: 'person', name: 'Lars Läkarsson' } });
  });
});

describe('the simulator', () => {
  it('R-HO-1: a visit handed over to a person names them and waits for that receiver', () => {
    const local = scenarioState('handover-person');
    local.store.handover(local.cases.adult, 'person:Lars Läkarsson', '');
    const c = local.store.getState().cases.find((k) => k.id === local.cases.adult)!;
    expect(c.handover?.toRole).toBe('Lars Läkarsson');
    expect(() => local.store.handover(local.cases.adult2, 'person:Okänd Person', '')).toThrow();
  });
  it('no dialog → nothing read', () => {
    const html = renderPageHtml(store.getState(), `/besok/${cases.adult}`, 'x', { skin: 'dl' });
    document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
    expect(readHandoverDialog(document, SELECTORS)).toBeNull();
  });
});

describe.each(ALL_SKINS)('skin %s: Avsluta besök', (skin) => {
  it('R-A-1: the checked asynchronous period is read from its label', () => {
    const html = renderPageHtml(store.getState(), `/besok/${cases.adult}`, 'close', {
      skin,
      ui: { dialog: 'close-visit' },
    });
    showPage(html);
    for (const r of document.querySelectorAll<HTMLInputElement>('input[type="radio"]'))
      r.checked = r.hasAttribute('checked');
    expect(readCloseDialog(document)).toEqual({ choice: '3 dygn' });
    for (const r of document.querySelectorAll<HTMLInputElement>('input[type="radio"]')) r.checked = r.value === '14';
    expect(readCloseDialog(document)).toEqual({ choice: '14 dygn' });
  });
});
