// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../extension/clinic';
import { prng } from '../fixtures/prng';

const TAGS = [
  'div',
  'section',
  'span',
  'h1',
  'h2',
  'p',
  'li',
  'ol',
  'table',
  'tr',
  'td',
  'time',
  'main',
  'label',
  'select',
];
const TEXTS = [
  'Patient',
  '19900101-2385',
  '19900101-2386',
  '900101-2385',
  '20231231-2388',
  'Skyddade personuppgifter',
  'Prioritet 2',
  'Prioritet 9',
  'Anamnes',
  'Triage resultat och prioritet',
  'Vårdnadshavare',
  'Ansvarig vårdnadshavare',
  '0701234567',
  '',
  '<script>',
  '💥',
];
const ATTRS: [string, string][] = [
  ['aria-label', 'Patient'],
  ['role', 'log'],
  ['role', 'main'],
  ['aria-label', 'Globalt filter'],
  ['datetime', 'not a date'],
  ['datetime', '2024-06-03T09:00:00+02:00'],
  ['aria-labelledby', 'nope'],
  ['role', 'heading'],
];

function randomTree(doc: Document, rand: () => number, depth: number): Element {
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!;
  const el = doc.createElement(pick(TAGS));
  if (rand() < 0.4) {
    const [name, value] = pick(ATTRS);
    el.setAttribute(name, value);
  }
  const children = depth > 0 ? Math.floor(rand() * 4) : 0;
  for (let i = 0; i < children; i++) {
    if (rand() < 0.5) el.append(doc.createTextNode(pick(TEXTS)));
    else el.append(randomTree(doc, rand, depth - 1));
  }
  return el;
}

describe('page adapter on fuzzed DOM (never a throw, never a guess)', () => {
  it('reads 300 random pages without throwing, every patient ID either unknown or a real parse', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = prng(seed);
      document.body.innerHTML = '';
      document.body.append(randomTree(document, rand, 5));
      const snapshot = readSnapshot(document);
      const id = snapshot.patient.id;
      if (id.known) {
        // Known only when exactly one valid number is in the header: it must be on the page.
        expect(document.body.textContent?.replace(/\D/g, '')).toContain(id.value.normalized.slice(2));
      }
      if (snapshot.priority.known) expect([1, 2, 3, 4, 5]).toContain(snapshot.priority.value);
    }
  });

  it('R-ID-1: two different valid numbers in the header give unknown (ambiguous), not the first', () => {
    document.body.innerHTML = `<main><section aria-label="Patient"><h1>Anna Testsson</h1>
      <span>19900101-2385</span><span>19750107-9292</span></section></main>`;
    const id = readSnapshot(document).patient.id;
    expect(id).toMatchObject({ known: false, reason: 'ambiguous' });
  });

  it('R-ID-1: the same number shown twice in two forms is one identity', () => {
    document.body.innerHTML = `<main><section aria-label="Patient"><h1>Anna Testsson</h1>
      <span>19900101-2385</span><small>900101-2385</small></section></main>`;
    const id = readSnapshot(document, undefined, new Date('2024-06-03'));
    expect(id.patient.id).toEqual({
      known: true,
      value: { normalized: '199001012385', kind: 'personnummer', birthDate: '1990-01-01' },
    });
  });

  it('R-ID-1: an invalid number is unknown with the reason, and the text kept for the refusal', () => {
    document.body.innerHTML = `<main><section aria-label="Patient"><h1>Anna Testsson</h1>
      <span>19900101-2386</span></section></main>`;
    const snapshot = readSnapshot(document);
    expect(snapshot.patient.id).toMatchObject({ known: false, reason: 'invalid' });
    expect(snapshot.patient.idText).toBe('19900101-2386');
  });

  it('a number-like text beside the ID (a phone number) makes the ID uncertain', () => {
    document.body.innerHTML = `<main><section aria-label="Patient"><h1>Anna Testsson</h1>
      <span>19900101-2385</span><span>Tel 0701234567</span></section></main>`;
    expect(readSnapshot(document).patient.id).toMatchObject({ known: false, reason: 'ambiguous' });
  });

  it('our own UI inside the header is never read as the console', () => {
    document.body.innerHTML = `<main><section aria-label="Patient"><h1>Anna Testsson</h1>
      <span>19900101-2385</span><span data-clinic-companion="x" aria-label="Patient">19750107-9292</span></section></main>`;
    const snapshot = readSnapshot(document);
    expect(snapshot.health.patientHeader).toBe('found');
  });

  it('a page that is not a visit reads as route other, every visit field unknown', () => {
    document.body.innerHTML = '<main><h1>Inställningar</h1></main>';
    const snapshot = readSnapshot(document);
    expect(snapshot.route).toBe('other');
    expect(snapshot.patient.id.known).toBe(false);
    expect(snapshot.priority.known).toBe(false);
  });
});
