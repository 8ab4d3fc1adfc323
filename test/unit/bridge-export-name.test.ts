import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkRequestedFileName,
  ExportFolderError,
  foldToAscii,
  isDefaultFileName,
  prepareExportDir,
  saveExclusive,
} from '../../bridge/pdf/export-path';
import { PATIENTS } from '../fixtures/patients';

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

describe('personnummer in any grouping (issue 11)', () => {
  // Another person's number (not the request's patient), written with separators.
  const other = PATIENTS.adult2.personnummer; // 19750107-9292
  const grouped = [
    `p ${other.slice(0, 4)}-${other.slice(4, 6)}-${other.slice(6, 8)}-${other.slice(9)}.pdf`,
    `p ${other.slice(2, 4)} ${other.slice(4, 6)} ${other.slice(6, 8)} ${other.slice(9, 11)} ${other.slice(11)}.pdf`,
    `a${other.slice(2, 5)}b${other.slice(5, 8)}c${other.slice(9)}.pdf`,
    `${other.slice(2, 7)}_${other.slice(7, 8)}${other.slice(9)}.pdf`,
  ];
  it.each(grouped)('refuses %j (10 or more digits in all)', (fileName) => {
    expect(() => checkRequestedFileName(fileName, patient)).toThrow(/personnummer/);
  });
  it('accepts a name with a few digits', () => {
    expect(checkRequestedFileName('remiss 2 av 3 v12', patient)).toBe('remiss 2 av 3 v12.pdf');
  });
});

describe('the export folder belongs to the user alone (issue 11)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const tmp = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'cc-export-dir-'));
    dirs.push(d);
    return d;
  };

  it.skipIf(process.platform === 'win32')('an existing folder open to others is tightened to 0700', async () => {
    const dir = path.join(tmp(), 'Journalexport');
    mkdirSync(dir, { mode: 0o777 });
    chmodSync(dir, 0o777);
    await prepareExportDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32')('a missing folder is created 0700', async () => {
    const dir = path.join(tmp(), 'a', 'b');
    await prepareExportDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() !== 0)(
    "another user's folder is refused with the reason, and no file is written there",
    async () => {
      const dir = path.join(tmp(), 'theirs');
      mkdirSync(dir, { mode: 0o755 });
      chownSync(dir, 65534, 65534);
      await expect(prepareExportDir(dir)).rejects.toThrow(/belongs to another user/);
      await expect(saveExclusive(dir, 'x.pdf', new Uint8Array([1]), false)).rejects.toBeInstanceOf(ExportFolderError);
      expect(readdirSync(dir)).toEqual([]);
      expect(statSync(dir).mode & 0o777).toBe(0o755);
    },
  );

  it('a file where the folder should be is refused', async () => {
    const file = path.join(tmp(), 'not-a-folder');
    writeFileSync(file, '');
    await expect(prepareExportDir(file)).rejects.toThrow();
  });
});

describe('the log names only the bridge’s own file names', () => {
  it('default-style names are recognised, requested ones are not', () => {
    expect(isDefaultFileName('journal-2024-06-03-0900-kbtqwe.pdf')).toBe(true);
    expect(isDefaultFileName('journal-2024-06-03-0900-kbtqwe-2.pdf')).toBe(true);
    expect(isDefaultFileName('remiss anna.pdf')).toBe(false);
    expect(isDefaultFileName('journal-2024-06-03-0900-kbtqwe.pdf.anna.pdf')).toBe(false);
  });
});
