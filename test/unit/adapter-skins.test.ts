// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageHealth, readSnapshot, registryFor, SELECTORS, waitingQueuePlaces } from '../../extension/clinic';
import { defaultRuleSet, parseRuleSet } from '../../shared/rules';
import { FOREIGN_SKIN, SKINS, type SkinName } from '../clinic-sim/model';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import { FOREIGN_PATCH } from '../fixtures/foreign-patch';
import { PATIENTS, SCENARIO_CLOCK, type ScenarioPatientKey } from '../fixtures/patients';
import { showPage } from './show-page';

/**
 * Issue 8: the adapter on every markup skin of the simulator (labels, tables, ARIA grids, form
 * fields, other wordings and ID forms, decoys). The expected values come from the scenario's
 * patients, not from the page: the skin decides how they are drawn, the adapter must read them
 * back or say unknown — and never say something else.
 */
const NOW = new Date(SCENARIO_CLOCK);
const { store, cases } = scenarioState('skins');

function load(skin: SkinName, path: string, registry = SELECTORS) {
  const html = renderPageHtml(store.getState(), path, 'skins', { skin });
  showPage(html);
  return readSnapshot(document, registry, NOW);
}
const digits = (pnr: string) => pnr.replace(/\D/g, '');
/** Where a skin shows the patient's number only masked (a decoy): unknown is the right answer. */
const MASKED: Partial<Record<SkinName, ScenarioPatientKey[]>> = { grid: ['protected'] };
const VISITS: ScenarioPatientKey[] = [
  'adult',
  'coordination',
  'infant',
  'teen',
  'child',
  'protected',
  'elderly',
  'centenarian',
];

describe.each(SKINS)('skin %s', (skin) => {
  it.each(VISITS)("R-ID-1: %s — the patient's own number, or unknown where the page masks it; never another", (key) => {
    const s = load(skin, `/besok/${cases[key]}`);
    expect(s.route).toBe('visit');
    if (MASKED[skin]?.includes(key)) expect(s.patient.id.known).toBe(false);
    else expect(s.patient.id).toMatchObject({ known: true, value: { normalized: digits(PATIENTS[key].personnummer) } });
    expect(s.patient.name).toEqual({ known: true, value: PATIENTS[key].name });
    expect(pageHealth(s).degraded.filter((d) => d.field !== 'patientId')).toEqual([]);
  });

  it("R-PI-2: the protected patient's marker is seen, whatever its wording; others show none", () => {
    expect(load(skin, `/besok/${cases.protected}`).patient.protectionMarker).toEqual({ known: true, value: true });
    expect(load(skin, `/besok/${cases.adult}`).patient.protectionMarker).toEqual({ known: true, value: false });
  });

  it('R-GU-1/R-GU-5: the booking guardian is read as responsible and is never the patient', () => {
    for (const key of ['teen', 'child', 'infant'] as const) {
      const s = load(skin, `/besok/${cases[key]}`);
      const responsible = PATIENTS[key].guardians!.find((g) => g.responsible)!;
      expect(s.guardians.known, key).toBe(true);
      const read = s.guardians.known ? s.guardians.value : [];
      expect(read.find((g) => g.responsible)?.id).toMatchObject({
        known: true,
        value: { normalized: digits(responsible.personnummer) },
      });
      expect(s.patient.id.known && s.patient.id.value.normalized).not.toBe(digits(responsible.personnummer));
    }
  });

  it('R-J-3/R-J-5: chat authors, channels, priority, state, and the clinician from the name block', () => {
    const s = load(skin, `/besok/${cases.adult}`);
    expect(s.priority).toEqual({ known: true, value: 3 });
    expect(s.visitState).toEqual({ known: true, value: 'ongoing' });
    expect(s.channels).toEqual({ known: true, value: { chat: true, phone: false, video: false } });
    expect(s.chat.known && s.chat.value.every((m) => m.author !== 'unknown' && m.at !== null)).toBe(true);
    expect(s.imagesSent.known && s.imagesSent.value).toBeGreaterThan(0);
    expect(s.clinician).toEqual({
      unit: { known: true, value: '1177 direkt Uppsala län' },
      role: { known: true, value: 'Sjuksköterska' },
    });
    expect(s.shift).toEqual({ known: true, value: 'ongoing' });
  });

  it("R-Q-1: Drop in's waiting queue, every row with priority, name and a wait (past an hour in minutes)", () => {
    const s = load(skin, '/drop-in');
    const waiting = store.getState().cases.filter((c) => c.state === 'waiting');
    expect(s.queue.known && s.queue.value.map((r) => r.patientName).sort()).toEqual(
      waiting.map((c) => c.patient.name).sort(),
    );
    for (const row of s.queue.known ? s.queue.value : []) {
      const c = waiting.find((w) => w.patient.name === row.patientName)!;
      expect(row.priority, row.patientName).toBe(c.priority);
      expect(row.waitedMinutes, row.patientName).toBe(Math.round((NOW.getTime() - Date.parse(c.arrivedAt)) / 60_000));
    }
    expect(waitingQueuePlaces(document, SELECTORS)?.length).toBe(waiting.length);
    expect(load(skin, '/drop-in/mottagna').queue.known).toBe(false);
  });
});

describe('the foreign skin: patched without a release', () => {
  it('is unreadable with the defaults (unknown, never a guess) and readable with vocabulary and overrides only', () => {
    const plain = load(FOREIGN_SKIN, `/besok/${cases.adult}`);
    expect(plain.patient.id.known).toBe(false);
    expect(plain.route).not.toBe('visit');
    const rules = parseRuleSet({ ...defaultRuleSet, ...FOREIGN_PATCH });
    expect(rules.ok).toBe(true);
    const patched = registryFor({ ...defaultRuleSet, ...FOREIGN_PATCH });
    const s = load(FOREIGN_SKIN, `/besok/${cases.adult}`, patched);
    expect(s.patient.id).toMatchObject({ known: true, value: { normalized: '199001012385' } });
    expect(load(FOREIGN_SKIN, `/besok/${cases.protected}`, patched).patient.protectionMarker).toEqual({
      known: true,
      value: true,
    });
    expect(load(FOREIGN_SKIN, '/drop-in', patched).queue.known).toBe(true);
  });
});

describe('saved pages of every skin (test/fixtures/pages/<skin>/)', () => {
  const FILES: Record<string, ScenarioPatientKey> = {
    'visit-adult': 'adult',
    'visit-infant': 'infant',
    'visit-child': 'child',
    'visit-teen': 'teen',
    'visit-protected': 'protected',
    'visit-centenarian': 'centenarian',
    'visit-coordination': 'coordination',
  };
  it.each(SKINS)("R-ID-1: %s — every saved visit reads the patient's own number or unknown, never another", (skin) => {
    for (const [file, key] of Object.entries(FILES)) {
      const html = readFileSync(`test/fixtures/pages/${skin}/${file}.html`, 'utf8');
      showPage(html);
      const id = readSnapshot(document, SELECTORS, NOW).patient.id;
      if (MASKED[skin]?.includes(key)) expect(id.known, `${skin}/${file}`).toBe(false);
      else
        expect(id, `${skin}/${file}`).toMatchObject({
          known: true,
          value: { normalized: digits(PATIENTS[key].personnummer) },
        });
    }
  });
});
