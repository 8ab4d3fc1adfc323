// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { known, readSnapshot, SELECTORS, unknown } from '../../extension/clinic';
import { journalFactsFor, visitFactsForBuilder } from '../../extension/lib/journal-facts';
import { SCENARIO_CLOCK } from '../fixtures/patients';
import { showPage } from './show-page';

/** The journal panel's facts from saved simulator pages: what the page shows, unknown as null. */
function load(name: string) {
  const html = readFileSync(`test/fixtures/pages/${name}.html`, 'utf8');
  showPage(html);
  return readSnapshot(document, SELECTORS, new Date(SCENARIO_CLOCK));
}

describe('journal facts from the page adapter (R-J-2..R-J-6)', () => {
  it('visit-adult: chat by the clinician, 2 images (upload + chat), the clinician’s unit and role', () => {
    const facts = journalFactsFor({ ...load('visit-adult'), visitKey: '/besok/x' });
    expect(facts).toMatchObject({
      visitKey: '/besok/x',
      priority: 3,
      channels: { chat: true, phone: false, video: false },
      imagesSent: 2,
      clinician: { unit: '1177 direkt Uppsala län', role: 'Sjuksköterska' },
      patient: { name: 'Anna Testsson', personnummer: '199001012385', protectedIdentity: false },
    });
    expect(facts?.anamnesis).toContain('Vad söker du för?: Sveda när jag kissar');
    expect(facts?.visitStartedAt).toMatch(/^2024-06-03T/);
  });

  it('no visit in view (Drop in) → null: the panel says so', () => {
    expect(journalFactsFor(load('dropin-queue'))).toBeNull();
  });

  it('no ID in the header → personnummer null (never a guess); protected marker read', () => {
    expect(journalFactsFor({ ...load('visit-no-id'), visitKey: '/b' })?.patient.personnummer).toBeNull();
    expect(journalFactsFor({ ...load('visit-protected'), visitKey: '/b' })?.patient.protectedIdentity).toBe(true);
  });

  it('unknown chat → channels null → the builder sees none used (asks), or the clinician’s choice', () => {
    const base = journalFactsFor({ ...load('visit-adult'), visitKey: '/b' })!;
    const unknown = { ...base, channels: null, imagesSent: null };
    expect(visitFactsForBuilder(unknown, { noReply: false })).toMatchObject({
      channels: { chat: false, phone: false, video: false },
      imagesSent: 0,
    });
    expect(visitFactsForBuilder(unknown, { noReply: true, chosen: 'telefon' })).toMatchObject({
      channels: { chat: false, phone: true, video: false },
      noReply: true,
    });
  });

  it('R-J-5: unit and role come from the logged-in clinician (snapshot.clinician), never the global filter', () => {
    const snapshot = { ...load('visit-adult'), visitKey: '/b' };
    // A nurse who filters the queue to Läkare is still a nurse.
    const filtered = Object.assign(snapshot, {
      clinician: { unit: known('1177 direkt Uppsala län'), role: known('Sjuksköterska') },
      filter: { unit: known('Testviken hälsocentral'), role: known('Läkare') },
    });
    expect(journalFactsFor(filtered)?.clinician).toEqual({ unit: '1177 direkt Uppsala län', role: 'Sjuksköterska' });
    const unread = Object.assign(filtered, { clinician: { unit: unknown('missing'), role: unknown('missing') } });
    expect(journalFactsFor(unread)?.clinician).toEqual({ unit: null, role: null });
  });

  it('R-J-1: the visit state travels to the panel; unreadable is null, never "closed"', () => {
    const snapshot = { ...load('visit-adult'), visitKey: '/b' };
    expect(journalFactsFor({ ...snapshot, visitState: known('closed') })?.visitState).toBe('closed');
    expect(journalFactsFor({ ...snapshot, visitState: unknown('missing') })?.visitState).toBeNull();
    const old = { ...journalFactsFor(snapshot)! };
    delete old.visitState;
    expect(visitFactsForBuilder(old, { noReply: false }).visitState).toBeNull();
  });
});
