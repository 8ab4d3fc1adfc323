// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readSnapshot, SELECTORS } from '../../extension/clinic';
import { handedOverView } from '../../extension/lib/handed-over-view';
import { DEFAULT_QUEUE_THRESHOLDS } from '../../shared/queue-defaults';
import { SKINS, type SkinName } from '../clinic-sim/model';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import { PATIENTS, SCENARIO_CLOCK } from '../fixtures/patients';
import { showPage } from './show-page';

/**
 * R-Q-4 / R-HO-1: the cases handed over to the logged-in clinician, read from Startsida → *Mina
 * aktuella* (status *Synk Överlämning*), on every skin's shell: those handed over to my role or
 * to me by name; never the one I handed over myself, never one for another role, never a list
 * read from a page that does not show *Mina aktuella*.
 */
const NOW = new Date(SCENARIO_CLOCK);
const MIN = 60_000;
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MIN).toISOString();
const { store, cases } = scenarioState('handed-over');
const toRole = store.createCase({
  patientKey: 'teen',
  priority: 3,
  arrivedAt: ago(60),
  state: 'ongoing',
  assignedTo: 'Lars Läkarsson',
  handover: { toRole: 'Sjuksköterska', at: ago(12) },
}).id;
const toMe = store.createCase({
  patientKey: 'elderly',
  priority: 1,
  arrivedAt: ago(30),
  state: 'accepted',
  assignedTo: 'Petra Psykologsson',
  handover: { toRole: 'Sara Sjuksköterska', at: ago(20) },
}).id;
// Handed over by Lars to another role: not mine.
store.createCase({
  patientKey: 'coordination',
  arrivedAt: ago(40),
  state: 'ongoing',
  assignedTo: 'Lars Läkarsson',
  handover: { toRole: 'Psykolog', at: ago(5) },
});
// My own case, handed over by me to Läkare: still mine until accepted, but not handed over to me.
store.handover(cases.adult, 'Läkare', '');

function load(skin: SkinName, path: string) {
  const html = renderPageHtml(store.getState(), path, 'handed-over', { skin });
  showPage(html);
  return readSnapshot(document, SELECTORS, NOW);
}

describe.each(SKINS)('skin %s: Startsida → Mina aktuella', (skin) => {
  it('R-Q-4: reads the cases handed over to me (priority, name, arrival, handover time), and only those', () => {
    const s = load(skin, '/startsida/mina-aktuella');
    const state = store.getState();
    const byId = (id: string) => state.cases.find((c) => c.id === id)!;
    expect(s.handedOver).toEqual({
      known: true,
      value: [
        { priority: 3, patientName: PATIENTS.teen.name, arrivedAt: ago(60), handedOverAt: byId(toRole).handover!.at },
        { priority: 1, patientName: PATIENTS.elderly.name, arrivedAt: ago(30), handedOverAt: byId(toMe).handover!.at },
      ],
    });
    // The page lists my own open cases too (the adult I handed over, the infant): not handed over to me.
    expect(document.body.textContent).toContain('Synk Överlämning – lämnat över till Läkare');
    expect(document.body.textContent).toContain(PATIENTS.infant.name);
  });

  it('unknown (never "none") where Mina aktuella is not shown: Alla aktuella, Drop in, a visit', () => {
    const all = load(skin, '/');
    expect(document.body.textContent).toContain('Synk Överlämning');
    expect(all.handedOver.known).toBe(false);
    expect(load(skin, '/drop-in').handedOver.known).toBe(false);
    expect(load(skin, `/besok/${toRole}`).handedOver.known).toBe(false);
  });
});

describe('the Mina aktuella list read by meaning', () => {
  const page = (head: string, row: string) => {
    document.body.innerHTML = `<main><table aria-label="Mina aktuella"><thead><tr>${head}</tr></thead><tbody><tr>${row}</tr></tbody></table></main>`;
    return readSnapshot(document, SELECTORS, NOW).handedOver;
  };

  it('columns in any order; a status that is not exactly Synk Överlämning is not a handover to me', () => {
    const read = page(
      '<th>Status</th><th>Överlämnad</th><th>Namn</th><th>Prio</th><th>Ankomsttid</th>',
      '<td>Synk Överlämning</td><td>08:50</td><td>Filip</td><td>Prio 2</td><td>2024-06-03 08:10</td>',
    );
    expect(read).toMatchObject({ known: true, value: [{ priority: 2, patientName: 'Filip' }] });
    const row = read.known ? read.value[0]! : null;
    expect(row?.arrivedAt && new Date(row.arrivedAt).toISOString()).toBe('2024-06-03T06:10:00.000Z');
    expect(page('<th>Status</th><th>Patient</th>', '<td>Pågående</td><td>Filip</td>')).toEqual({
      known: true,
      value: [],
    });
  });

  it('unknown when a row has no status or the status column is missing (never a guess)', () => {
    expect(page('<th>Status</th><th>Patient</th>', '<td></td><td>Filip</td>').known).toBe(false);
    expect(page('<th>Prioritet</th><th>Patient</th>', '<td>2</td><td>Filip</td>').known).toBe(false);
  });
});

describe('handedOverView (R-Q-4 order, R-Q-1 accept limit from the handover)', () => {
  it('orders by priority then arrival, and colours the wait since the handover', () => {
    const views = handedOverView(
      [
        { priority: 3, patientName: 'A', arrivedAt: ago(60), handedOverAt: ago(12) },
        { priority: 1, patientName: 'B', arrivedAt: ago(30), handedOverAt: ago(20) },
        { priority: 3, patientName: 'C', arrivedAt: ago(90), handedOverAt: ago(2) },
        { priority: 4, patientName: 'D', arrivedAt: ago(10), handedOverAt: null },
      ],
      NOW,
      DEFAULT_QUEUE_THRESHOLDS,
    );
    expect(views.map((v) => [v.row.patientName, v.order, v.urgency])).toEqual([
      ['B', 1, 'red'],
      ['C', 2, 'ok'],
      ['A', 3, 'amber'],
      ['D', 4, 'red'],
    ]);
    expect(views[3]!.waited).toBeNaN();
  });
});
