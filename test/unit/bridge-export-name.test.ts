import { describe, expect, it } from 'vitest';
import { checkRequestedFileName, foldToAscii } from '../../bridge/pdf/export-path';

/** R-PI-2: an export's file name never carries the patient's name, however it is spelled. */
const patient = { personnummer: '19900101-2385', name: 'Łukasz Øvergård Ğül' };

describe('requested export file names', () => {
  it.each(['lukasz.pdf', 'Overgard-journal.pdf', 'gul anteckning.pdf', 'LUKASZ_OVERGARD.pdf'])(
    'refuses %j: the name written without diacritics is still the name',
    (fileName) => {
      expect(() => checkRequestedFileName(fileName, patient)).toThrow(/patient's name/);
    },
  );

  it('accepts a neutral name and adds .pdf', () => {
    expect(checkRequestedFileName('remiss-bedomning', patient)).toBe('remiss-bedomning.pdf');
  });

  it('folds Nordic and Polish letters the way they are typed in ASCII', () => {
    expect(foldToAscii('Åsa Öberg Ærø Łódź Straße')).toBe('asa oberg aero lodz strasse');
  });
});

describe('default export file names', () => {
  it('never hold a run of six digits, however the random suffix falls (500 names)', async () => {
    const { defaultFileName } = await import('../../bridge/pdf/export-path');
    for (let i = 0; i < 500; i++) {
      const name = defaultFileName('2024-06-03T07:00:00Z');
      expect(name).toMatch(/^journal-2024-06-03-0900-[a-z]{6}\.pdf$/);
      expect(name).not.toMatch(/\d{6}/);
    }
  });
});
