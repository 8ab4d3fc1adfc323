// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readSnapshot, readTicketVisit, readVidimering, SELECTORS } from '../../extension/clinic';
import { SKINS, type SkinName } from '../clinic-sim/model';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import { PATIENTS, SCENARIO_CLOCK } from '../fixtures/patients';
import { showPage } from './show-page';

/**
 * The receiving unit's side of a ticket, on every skin: a visit that came by a ticket names the
 * sending unit and counts the post-triage notes (R-J-7) without disturbing the visit's own reads;
 * an ordinary visit names no ticket; an unused ticket's vidimeringspost is pending, then done
 * after Vidimera (R-T-2).
 */
const NOW = new Date(SCENARIO_CLOCK);
const { store, cases } = scenarioState('receiving');
const ticketVisit = store.createCase({
  patientKey: 'teen',
  priority: 4,
  anamnesis: [{ question: 'Anamnes från 1177', answer: 'Ont i fotleden sedan i går.' }],
  ticket: {
    fromUnit: '1177 direkt Uppsala län',
    notes: [
      { answers: [{ question: 'Kan du stödja på foten?', answer: 'Ja, lite' }] },
      { title: 'Posttriage', answers: [{ question: 'Har du feber?', answer: 'Nej' }] },
      { title: 'Övrigt', answers: [{ question: 'Meddelande', answer: 'Ringer hellre' }] },
    ],
  },
}).id;
const post = store.createVidimering({ patientKey: 'elderly', reason: 'Yrsel' }).id;

function load(skin: SkinName, path: string) {
  const html = renderPageHtml(store.getState(), path, 'receiving', { skin });
  showPage(html);
  return readSnapshot(document, SELECTORS, NOW);
}

describe.each(SKINS)('skin %s', (skin) => {
  it('R-J-7: a visit by ticket names the sending unit and its post-triage notes; the visit reads as before', () => {
    const s = load(skin, `/besok/${ticketVisit}`);
    expect(readTicketVisit(document, SELECTORS)).toEqual({
      known: true,
      value: { fromUnit: '1177 direkt Uppsala län', postTriageNotes: { known: true, value: 2 } },
    });
    expect(s.patient.name).toEqual({ known: true, value: PATIENTS.teen.name });
    expect(s.anamnesis.known && s.anamnesis.value).toContain('Ont i fotleden');
    expect(s.visitState).toEqual({ known: true, value: 'waiting' });
    expect(readVidimering(document)).toBeNull();
  });

  it('an ordinary visit names no ticket (known null: none seen)', () => {
    load(skin, `/besok/${cases.adult}`);
    expect(readTicketVisit(document, SELECTORS)).toEqual({ known: true, value: null });
  });
});

describe('R-T-2: the vidimeringspost', () => {
  it('is listed on Startsida, pending until Vidimera, then done', () => {
    load('dl', '/');
    expect(document.body.textContent).toContain(`Vidimeringspost: ${PATIENTS.elderly.name}`);
    expect(readVidimering(document)).toBeNull();
    load('dl', `/vidimering/${post}`);
    expect(readVidimering(document)).toEqual({ known: true, value: 'pending' });
    store.vidimera(post);
    load('dl', `/vidimering/${post}`);
    expect(readVidimering(document)).toEqual({ known: true, value: 'done' });
  });

  it('a status and a Vidimera button that disagree are unknown, never a guess', () => {
    document.body.innerHTML =
      '<main><h1>Vidimeringspost</h1><dl><dt>Status</dt><dd>Vidimerad 09:00</dd></dl><button>Vidimera</button></main>';
    expect(readVidimering(document)).toEqual({ known: false, reason: 'ambiguous' });
    document.body.innerHTML = '<main><h1>Vidimeringspost</h1><p>…</p></main>';
    expect(readVidimering(document)).toEqual({ known: false, reason: 'invalid' });
  });
});
