// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChatCache, type ClinicSnapshot, pageHealth, readSnapshot, SELECTORS } from '../../extension/clinic';
import { SCENARIO_CLOCK } from '../fixtures/patients';
import { showPage } from './show-page';

/**
 * The selector registry against saved simulator pages (test/fixtures/pages, written by
 * test/clinic-sim/save-pages.ts): every field is found where it must be, exactly once, and reads
 * the value the page shows. This is how a changed console is noticed before clinicians do.
 */
const NOW = new Date(SCENARIO_CLOCK);

function load(name: string): ClinicSnapshot {
  const html = readFileSync(`test/fixtures/pages/${name}.html`, 'utf8');
  showPage(html);
  return readSnapshot(document, SELECTORS, NOW);
}

const VISIT_FIELDS = [
  'visitView',
  'patientHeader',
  'patientName',
  'patientId',
  'priority',
  'anamnesis',
  'uploads',
  'chatLog',
  'visitState',
  'visitStartedAt',
  'globalFilter',
  'shiftState',
] as const;

describe('selector registry on saved simulator pages', () => {
  it('visit-adult: every visit field found once, values as shown', () => {
    const s = load('visit-adult');
    for (const field of VISIT_FIELDS) expect.soft(s.health[field], field).toBe('found');
    expect(s.route).toBe('visit');
    expect(s.patient.id).toEqual({
      known: true,
      value: { normalized: '199001012385', kind: 'personnummer', birthDate: '1990-01-01' },
    });
    expect(s.patient.name).toEqual({ known: true, value: 'Anna Testsson' });
    expect(s.patient.protectionMarker).toEqual({ known: true, value: false });
    expect(s.priority).toEqual({ known: true, value: 3 });
    expect(s.visitState).toEqual({ known: true, value: 'ongoing' });
    expect(s.clinician.unit).toEqual({ known: true, value: '1177 direkt Uppsala län' });
    expect(s.clinician.role).toEqual({ known: true, value: 'Sjuksköterska' });
    expect(s.shift).toEqual({ known: true, value: 'ongoing' });
    expect(s.anamnesis.known && s.anamnesis.value).toContain('Vad söker du för?: Sveda när jag kissar');
    // No guardians section: unknown (absence of evidence is not "no guardian", issue 8).
    expect(s.guardians).toEqual({ known: false, reason: 'missing' });
    const chat = s.chat.known ? s.chat.value : [];
    expect(chat.length).toBeGreaterThan(3);
    expect(chat.some((m) => m.author === 'patient')).toBe(true);
    expect(chat.some((m) => m.author === 'clinician')).toBe(true);
    expect(chat.every((m) => m.at === null || !Number.isNaN(Date.parse(m.at)))).toBe(true);
    expect(s.channels).toEqual({ known: true, value: { chat: true, phone: false, video: false } });
    expect(s.imagesSent.known && s.imagesSent.value).toBeGreaterThan(0);
  });

  it('R-GU-1: visit-infant lists the guardian who booked as responsible', () => {
    const s = load('visit-infant');
    expect(s.patient.id.known && s.patient.id.value.birthDate).toBe('2023-12-31');
    expect(s.guardians).toEqual({
      known: true,
      value: [
        {
          name: 'Anna Testsson',
          id: { known: true, value: { normalized: '199001012385', kind: 'personnummer', birthDate: '1990-01-01' } },
          responsible: true,
          protectionMarker: { known: true, value: false },
        },
      ],
    });
  });

  it('visit-child: two guardians, one responsible', () => {
    const s = load('visit-child');
    const guardians = s.guardians.known ? s.guardians.value : [];
    expect(guardians.map((g) => [g.name, g.responsible])).toEqual([
      ['Ida Exempelsson', true],
      ['Johan Exempelsson', false],
    ]);
  });

  it('R-PI-2: visit-protected shows the protection marker', () => {
    expect(load('visit-protected').patient.protectionMarker).toEqual({ known: true, value: true });
  });

  it('R-ID-1: visit-no-id reads the ID as unknown (missing), visit-two-ids as unknown (ambiguous)', () => {
    expect(load('visit-no-id').patient.id).toMatchObject({ known: false, reason: 'missing' });
    expect(load('visit-two-ids').patient.id).toMatchObject({ known: false, reason: 'ambiguous' });
  });

  it('R-Q-1: dropin-queue reads the waiting rows with priority, arrival and waiting time', () => {
    const s = load('dropin-queue');
    expect(s.route).toBe('drop-in');
    expect(s.health.queueTable).toBe('found');
    const rows = s.queue.known ? s.queue.value : [];
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      expect(row.patientName).not.toBe('');
      expect(row.arrivedAt && !Number.isNaN(Date.parse(row.arrivedAt))).toBe(true);
      expect(row.waitedMinutes).toBeTypeOf('number');
    }
    expect(new Set(rows.map((r) => r.priority)).size).toBeGreaterThan(1);
  });

  it('on Drop in a visit’s parts are reported as not on this page, not as missing (selector health)', () => {
    const s = load('dropin-queue');
    expect(s.route).toBe('drop-in');
    for (const field of ['visitView', 'chatLog', 'chatComposer', 'anamnesis', 'originalAnswers'] as const)
      expect(s.health[field], field).toBe('not-applicable');
    // What Drop in does hold is still read and reported.
    expect(s.health.clinicianIdentity).toBe('found');
    expect(pageHealth(s).status).toBe('ok');
  });

  it('the chat cache gives the same messages as a full parse, and sees an edited message', () => {
    load('visit-adult');
    const cache = new ChatCache();
    const observer = new MutationObserver((records) => cache.invalidate(records));
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    const first = readSnapshot(document, SELECTORS, NOW, cache);
    expect(first.chat).toEqual(readSnapshot(document, SELECTORS, NOW).chat);
    const lastText = Array.from(document.querySelectorAll('[role="log"] > li p')).at(-1)!;
    lastText.textContent = 'Ändrad text';
    cache.invalidate(observer.takeRecords());
    const second = readSnapshot(document, SELECTORS, NOW, cache);
    const messages = second.chat.known ? second.chat.value : [];
    expect(messages.some((m) => m.text === 'Ändrad text')).toBe(true);
    observer.disconnect();
  });

  it('a chat rendered anew with the same markup (back to a visit) is the same messages, not parsed again; a changed one is read', () => {
    load('visit-adult');
    const cache = new ChatCache();
    const before = readSnapshot(document, SELECTORS, NOW, cache).chat;
    const log = document.querySelector('[role="log"]')!;
    // What an SPA does on coming back: new elements, same markup, and one message edited.
    const markup = log.innerHTML;
    log.innerHTML = markup;
    const last = Array.from(log.querySelectorAll(':scope > li p')).at(-1)!;
    last.textContent = 'Ändrad text';
    const after = readSnapshot(document, SELECTORS, NOW, cache).chat;
    expect(before.known && after.known).toBe(true);
    if (!before.known || !after.known) return;
    expect(after.value).toHaveLength(before.value.length);
    // Unchanged messages: the very objects read before (no new parse, no new object).
    expect(after.value.slice(0, -1).every((m, i) => m === before.value[i])).toBe(true);
    expect(after.value.at(-1)).not.toBe(before.value.at(-1));
    expect(after.value.at(-1)!.text).toBe('Ändrad text');
    expect(after).toEqual(readSnapshot(document, SELECTORS, NOW).chat);
  });
});
