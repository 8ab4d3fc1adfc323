/**
 * Where an exported PDF goes: always inside the export folder, under a name that carries no
 * personnummer and no name, never over an existing file, never through a symlink.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { ExportFileName } from '../../shared/bridge-protocol';
import { ClientInputError } from '../services/types';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;

function refuse(message: string): never {
  throw new ClientInputError('invalid_file_name', message);
}

/**
 * Checks a file name suggested by the request; returns it with ".pdf" added when missing.
 * `patient` is what must not appear in it.
 */
export function checkRequestedFileName(name: string, patient: { personnummer: string; name: string }): string {
  if (!ExportFileName.safeParse(name).success) {
    refuse('fileName: a plain file name (letters, digits, space, . _ -), no folders');
  }
  if (name.includes('..')) refuse('fileName: ".." is not allowed');
  if (/[ .]$/.test(name)) refuse('fileName: must not end with a dot or a space');
  const base = name.split('.')[0]!.trim();
  if (WINDOWS_RESERVED.test(base)) refuse('fileName: a reserved device name (CON, NUL, COM1, …)');
  const digits = name.replace(/\D/g, '');
  const pnrDigits = patient.personnummer.replace(/\D/g, '');
  // Anyone's personnummer, however it is grouped ("p 1975-01-07-9292"): 10 digits are enough.
  if (/\d{6}/.test(name) || digits.length >= 10 || digits.includes(pnrDigits.slice(2, 8))) {
    refuse('fileName: must not contain a personnummer (no runs of 6 digits, at most 9 digits in all)');
  }
  // File names are ASCII: compare with the name written without diacritics too ("Åsa" → "asa").
  const lower = foldToAscii(name);
  const nameParts = foldToAscii(patient.name)
    .split(/[\s,-]+/)
    .filter((p) => p.length >= 2);
  if (nameParts.some((p) => lower.includes(p))) refuse("fileName: must not contain the patient's name");
  return lower.endsWith('.pdf') ? name : `${name}.pdf`;
}

const LETTER_FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', ł: 'l', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case without diacritics, the way a name is typed in an ASCII file name. */
export function foldToAscii(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæłßđðþı]/g, (c) => LETTER_FOLDS[c] ?? c);
}

/**
 * A random suffix of letters only: hex could come out as six digits, a run the export names
 * never contain (it could read as part of a personnummer).
 */
function randomLetters(count: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz';
  return Array.from(randomBytes(count), (b) => alphabet[b % alphabet.length]).join('');
}

/** `journal-2024-06-03-0900-kbtqwe.pdf` (visit time in Swedish time; no long digit runs). */
export function defaultFileName(visitStartedAt: string): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(visitStartedAt));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `journal-${get('year')}-${get('month')}-${get('day')}-${get('hour')}${get('minute')}-${randomLetters(6)}.pdf`;
}

/** The bridge's own names (defaultFileName, perhaps with -2, -3 …): safe to write in a log. */
export function isDefaultFileName(name: string): boolean {
  return /^journal-\d{4}-\d{2}-\d{2}-\d{4}-[a-z]{6}(?:-\d{1,4})?\.pdf$/.test(name);
}

export interface SavedFile {
  fileName: string;
  path: string;
}

/** The export folder cannot be used: another user's, not a folder, or it cannot be tightened. */
export class ExportFolderError extends Error {
  readonly code = 'export_folder_refused';
}

/**
 * The export folder belongs to the user alone (patients' notes): created 0700 when missing, an
 * existing one with wider permissions tightened to 0700, refused (with the reason) when it is
 * someone else's or cannot be tightened. Windows: the folder's ACL is the profile's, left alone.
 */
export async function prepareExportDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const stat = await fs.stat(dir);
  if (!stat.isDirectory()) throw new ExportFolderError(`${dir}: not a folder`);
  if (process.platform === 'win32') return;
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    throw new ExportFolderError(`${dir}: belongs to another user (uid ${stat.uid}), not to this one (uid ${uid})`);
  }
  if ((stat.mode & 0o077) === 0) return;
  try {
    await fs.chmod(dir, 0o700);
  } catch (err) {
    throw new ExportFolderError(
      `${dir}: permissions could not be tightened to 0700 (${(err as NodeJS.ErrnoException).code})`,
    );
  }
}

/**
 * Writes `bytes` to a new file in `dir` (see prepareExportDir). A taken name gets -2, -3 …;
 * a requested name that exists as a symlink is refused. O_EXCL means no write ever follows a
 * link or replaces a file.
 */
export async function saveExclusive(
  dir: string,
  fileName: string,
  bytes: Uint8Array,
  requested: boolean,
): Promise<SavedFile> {
  await prepareExportDir(dir);
  const realDir = await fs.realpath(dir);
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let i = 1; i <= 1000; i++) {
    const candidateName = i === 1 ? fileName : `${stem}-${i}${ext}`;
    const candidate = path.join(realDir, candidateName);
    if (path.dirname(candidate) !== realDir || path.basename(candidate) !== candidateName) {
      refuse('fileName: must stay in the export folder');
    }
    const existing = await fs.lstat(candidate).catch(() => null);
    if (existing?.isSymbolicLink()) {
      if (requested) refuse('fileName: names a symbolic link');
      continue;
    }
    if (existing) continue;
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(candidate, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    return { fileName: candidateName, path: candidate };
  }
  throw new Error('no free file name');
}
