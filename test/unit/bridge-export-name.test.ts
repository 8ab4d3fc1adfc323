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
