// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readClosedVisitFollowUps, readSnapshot, SELECTORS } from '../../extension/clinic';
import { SKINS, type SkinName } from '../clinic-sim/model';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import { SCENARIO_CLOCK } from '../fixtures/patients';
import { showPage } from './show-page';

/**
 * A closed visit's follow-ups on every skin: a patient's answer in the asynchronous phase offers
 * *Markera som klar* and moves between Asynkrona's Inkorg and Kräver ingen åtgärd (R-A-1); the
 * visit note's *Signera och exportera*, then "Signerad och exporterad" (R-J-1). An open visit shows
 * neither; a button and a status saying opposite things are unknown.
 */
const NOW = new Date(SCENARIO_CLOCK);
const { store, cases } = scenarioState('closed-visit');
const closedAt = new Date(NOW.getTime() - 60 * 60_000).toISOString();
const answered = store.createCase({ patientKey: 'adult2', state: 'closed', closedAt, asyncDays: 3 }).id;
store.addMessage(answered, { author: 'patient', text: 'Jag blev inte bättre.' });

function load(skin: SkinName, path: string) {
  const html = renderPageHtml(store.getState(), path, 'closed-visit', { skin });
  showPage(html);
  return readSnapshot(document, SELECTORS, NOW);
}

const asyncRows = (tab: '/asynkrona' | '/asynkrona/klara') => {
  load('dl', tab);
  return document.querySelector('[role="tabpanel"] table')?.textContent ?? '';
};

describe('R-A-1 and R-J-1 on a closed visit', () => {
  it.each(SKINS)(
    'skin %s: answered → Markera som klar, unsigned → Signera och exportera; open visit → neither',
    (skin) => {
      const s = load(skin, `/besok/${answered}`);
      expect(s.visitState).toEqual({ known: true, value: 'closed' });
      expect(readClosedVisitFollowUps(document, SELECTORS)).toEqual({
        asyncFollowUp: { known: true, value: 'answered' },
        visitNote: { known: true, value: 'unsigned' },
      });
      load(skin, `/besok/${cases.adult}`);
      expect(readClosedVisitFollowUps(document, SELECTORS)).toEqual({ asyncFollowUp: null, visitNote: null });
    },
  );

  it('Markera som klar moves the case from Inkorg to Kräver ingen åtgärd; a new answer brings it back', () => {
    const name = store.getState().cases.find((c) => c.id === answered)!.patient.name;
    expect(asyncRows('/asynkrona')).toContain(name);
    store.markAsyncDone(answered);
    expect(asyncRows('/asynkrona')).not.toContain(name);
    expect(asyncRows('/asynkrona/klara')).toContain(name);
    for (const skin of SKINS) {
      load(skin, `/besok/${answered}`);
      expect(readClosedVisitFollowUps(document, SELECTORS)?.asyncFollowUp).toEqual({ known: true, value: 'done' });
    }
    store.setClock({ advanceMinutes: 5 });
    store.addMessage(answered, { author: 'patient', text: 'En sak till.' });
    expect(asyncRows('/asynkrona')).toContain(name);
  });

  it('Signera och exportera → signed on every skin; refused on an open visit', () => {
    expect(() => store.signAndExport(cases.adult)).toThrow(/avslutas/);
    store.signAndExport(answered);
    for (const skin of SKINS) {
      load(skin, `/besok/${answered}`);
      expect(readClosedVisitFollowUps(document, SELECTORS)?.visitNote).toEqual({ known: true, value: 'signed' });
    }
  });

  it('a button and a status that disagree are unknown', () => {
    load('dl', `/besok/${answered}`);
    const p = document.createElement('p');
    p.textContent = 'Markerad som klar – Kräver ingen åtgärd';
    const b = document.createElement('button');
    b.textContent = 'Markera som klar';
    document.querySelector('main')!.append(p, b);
    expect(readClosedVisitFollowUps(document, SELECTORS)?.asyncFollowUp).toEqual({ known: false, reason: 'ambiguous' });
  });
});
