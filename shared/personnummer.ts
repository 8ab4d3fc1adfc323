import { stockholmYmd, type Ymd } from './stockholm-time';

/**
 * Swedish personnummer, samordningsnummer and interim numbers: parse, validate, normalise,
 * format for Cosmic *Sök patient* (R-ID-1), mask, and find candidates in page text.
 * Pure: no DOM, no node APIs, so the extension, the bridge and tests share it.
 */

export type PersonnummerKind = 'personnummer' | 'samordningsnummer' | 'interim';
export type PersonnummerSex = 'female' | 'male';

export interface PersonnummerOptions {
  /**
   * Decides the century of 10-digit input and whether a '+' (100 years or older) holds. Default:
   * now. Its Swedish calendar date (Europe/Stockholm) is used, whatever the host's time zone.
   */
  today?: Date;
  /** Default true. */
  allowCoordinationNumber?: boolean;
  /** Default false. */
  allowInterimNumber?: boolean;
}

export interface ValidPersonnummer {
  valid: true;
  /** `YYYYMMDDNNNC`, no separator (an interim number keeps its letter in position 9). */
  normalized: string;
  kind: PersonnummerKind;
  sex: PersonnummerSex;
  /** `YYYY-MM-DD`, or null when a samordningsnummer leaves the birth date (partly) unknown. */
  birthDate: string | null;
}

/** Reasons are shown to the clinician as they are, hence Swedish. */
export const PERSONNUMMER_REASONS = {
  format: 'Fel format: ange ÅÅÅÅMMDD-NNNN',
  checkDigit: 'Kontrollsiffran stämmer inte',
  date: 'Ogiltigt datum',
  futureDate: 'Ogiltigt datum: födelsedatumet ligger i framtiden',
  serial000: 'Ogiltigt födelsenummer: de tre siffrorna efter datumet kan inte vara 000',
  plusUnder100: 'Fel format: "+" skrivs bara för den som fyllt 100 år',
  organisationNumber: 'Organisationsnummer är inget personnummer',
  coordinationNotAllowed: 'Samordningsnummer är inte tillåtet här',
  interimNotAllowed: 'Interimsnummer (med bokstav) är inte tillåtet här',
} as const;

export type PersonnummerReason = (typeof PERSONNUMMER_REASONS)[keyof typeof PERSONNUMMER_REASONS];

export interface InvalidPersonnummer {
  valid: false;
  reason: PersonnummerReason;
}

export type PersonnummerResult = ValidPersonnummer | InvalidPersonnummer;

export type CosmicPnrFormat = 'YYYYMMDD-NNNN' | 'YYYYMMDDNNNN';

/**
 * Interim numbers put one of these letters where the serial's first digit would be (position 9
 * of the 12-digit form). For the check digit the letter counts as the digit 1. Sex is read
 * from position 11, as for the other kinds.
 */
const INTERIM_LETTERS = 'PTRSUWXJKLMN';

// century? YY MM DD separator? serial (interim letter allowed in first place) check digit
const INPUT_RE = new RegExp(`^(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([-+]?)([\\d${INTERIM_LETTERS}]\\d{2})(\\d)$`);

// Earliest century accepted in 12-digit input: nobody alive or on file was born before it.
const MIN_YEAR = 1800;

const COORDINATION_DAY_OFFSET = 60;

function fail(reason: PersonnummerReason): InvalidPersonnummer {
  return { valid: false, reason };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Lexicographic order; month 00 / day 0 (unknown) sort first, i.e. "not after" any day in that year/month. */
function compareYmd(a: Ymd, b: Ymd): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Luhn over the 10-digit form; an interim letter counts as 1. */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    const ch = tenDigits.charAt(i);
    let v = INTERIM_LETTERS.includes(ch) ? 1 : Number(ch);
    if (i % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

/**
 * Parse and validate a personnummer / samordningsnummer (/ interim number when allowed).
 * Never throws: an invalid value gives a reason the clinician can act on (R-ID-1).
 */
export function parsePersonnummer(input: string, options: PersonnummerOptions = {}): PersonnummerResult {
  const { today = new Date(), allowCoordinationNumber = true, allowInterimNumber = false } = options;
  const m = INPUT_RE.exec(input.trim().toUpperCase());
  if (!m) return fail(PERSONNUMMER_REASONS.format);
  const [, century, yy = '', mm = '', dd = '', sep = '', serial = '', check = ''] = m;

  const month = Number(mm);
  const rawDay = Number(dd);
  // Organisation numbers put 20 or more in the month position (structural, before anything else).
  if (month >= 20) return fail(PERSONNUMMER_REASONS.organisationNumber);

  const interim = INTERIM_LETTERS.includes(serial.charAt(0));
  const coordination = rawDay >= COORDINATION_DAY_OFFSET;
  if (interim && coordination) return fail(PERSONNUMMER_REASONS.date);
  const day = coordination ? rawDay - COORDINATION_DAY_OFFSET : rawDay;

  // Skatteverket issues samordningsnummer with unknown month (00), unknown day (60) and dates that
  // are not calendar dates (e.g. 30 February), so only their ranges are checked.
  if (coordination ? month > 12 || day > 31 : month < 1 || month > 12 || day < 1 || day > 31) {
    return fail(PERSONNUMMER_REASONS.date);
  }

  const todayYmd = stockholmYmd(today);
  let year: number;
  if (century !== undefined) {
    year = Number(century + yy);
  } else {
    // Most recent year ending in yy whose date is not after today; '+' = 100 years further back.
    year = todayYmd[0] - ((((todayYmd[0] - Number(yy)) % 100) + 100) % 100);
    if (compareYmd([year, month, day], todayYmd) > 0) year -= 100;
    if (sep === '+') year -= 100;
  }
  if (year < MIN_YEAR) return fail(PERSONNUMMER_REASONS.date);

  const calendarDate = isCalendarDate(year, month, day);
  if (!coordination && !calendarDate) return fail(PERSONNUMMER_REASONS.date);
  if (compareYmd([year, month, day], todayYmd) > 0) return fail(PERSONNUMMER_REASONS.futureDate);
  // With the century written out, a '+' is redundant but must agree: the person is 100 or older.
  if (century !== undefined && sep === '+' && !hundredOrOlder([year, month, day], todayYmd, calendarDate)) {
    return fail(PERSONNUMMER_REASONS.plusUnder100);
  }

  if (serial === '000') return fail(PERSONNUMMER_REASONS.serial000);
  if (!luhnValid(yy + mm + dd + serial + check)) return fail(PERSONNUMMER_REASONS.checkDigit);

  // Policy checks last, so they are only reported for numbers that are otherwise valid.
  if (interim && !allowInterimNumber) return fail(PERSONNUMMER_REASONS.interimNotAllowed);
  if (coordination && !allowCoordinationNumber) return fail(PERSONNUMMER_REASONS.coordinationNotAllowed);

  const sexDigit = Number(serial.charAt(2));
  return {
    valid: true,
    normalized: `${year}${mm}${dd}${serial}${check}`,
    kind: interim ? 'interim' : coordination ? 'samordningsnummer' : 'personnummer',
    sex: sexDigit % 2 === 1 ? 'male' : 'female',
    birthDate: calendarDate ? `${year}-${mm}-${pad2(day)}` : null,
  };
}

const NORMALIZED_RE = new RegExp(`^\\d{8}[\\d${INTERIM_LETTERS}]\\d{3}$`);

function assertNormalized(normalized: string): void {
  if (!NORMALIZED_RE.test(normalized)) {
    throw new RangeError('Expected a normalized 12-character personnummer (YYYYMMDDNNNC)');
  }
}

/**
 * The form Cosmic *Sök patient* takes (R-ID-1), default `YYYYMMDD-NNNN`.
 * Takes `normalized` from a valid parse result; throws on anything else so that a wrong value is
 * never copied silently.
 */
export function formatForCosmic(normalized: string, format: CosmicPnrFormat = 'YYYYMMDD-NNNN'): string {
  assertNormalized(normalized);
  return format === 'YYYYMMDDNNNN' ? normalized : `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/**
 * For a chip bystanders may see: birth date and last two digits stay (enough for the clinician to
 * recognise the patient), the first two serial digits become '•'. E.g. `YYYYMMDD-••NC`.
 */
export function maskPersonnummer(normalized: string): string {
  assertNormalized(normalized);
  return `${normalized.slice(0, 8)}-••${normalized.slice(10)}`;
}

function parseBirthDate(birthDate: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const ymd: Ymd | null = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  if (!ymd || !isCalendarDate(...ymd)) throw new RangeError(`Expected a birth date YYYY-MM-DD, got "${birthDate}"`);
  return ymd;
}

/**
 * The day of `month` in `year` on which a period counted from day `day` of some month ends: the
 * same day, or the month's last day when it has no such day (lag (1930:173) om beräkning av
 * lagstadgad tid, 2 §). So a 29 February birthday falls on 28 February in a common year.
 */
function anniversaryDay(year: number, month: number, day: number): number {
  return Math.min(day, daysInMonth(year, month));
}

function ageInYears([by, bm, bd]: Ymd, [ay, am, ad]: Ymd): number {
  const years = ay - by;
  return am < bm || (am === bm && ad < anniversaryDay(ay, bm, bd)) ? years - 1 : years;
}

/** For a '+': 100 or older on `today`. A partly unknown date (samordningsnummer) sorts earliest. */
function hundredOrOlder(born: Ymd, today: Ymd, calendarDate: boolean): boolean {
  if (calendarDate) return ageInYears(born, today) >= 100;
  return compareYmd([born[0] + 100, born[1], born[2]], today) <= 0;
}

/**
 * Completed years on the Swedish calendar day of `at` (Europe/Stockholm, whatever the host's
 * zone): the new year of age is reached on the birthday, a 29 February birthday on 28 February
 * in a common year (lag (1930:173) 2 §).
 */
export function ageAt(birthDate: string, at: Date): number {
  return ageInYears(parseBirthDate(birthDate), stockholmYmd(at));
}

/**
 * Completed months on the Swedish calendar day of `at` (e.g. R-GU-4, under 1 year). A month is
 * completed on the same day of the month as the birth date; when that day does not exist (31st
 * in a 30-day month), on the month's last day, by the same law as 29 February birthdays.
 */
export function ageInMonthsAt(birthDate: string, at: Date): number {
  const [by, bm, bd] = parseBirthDate(birthDate);
  const [ay, am, ad] = stockholmYmd(at);
  const months = (ay - by) * 12 + (am - bm);
  return ad < anniversaryDay(ay, am, bd) ? months - 1 : months;
}

// 6 or 8 digits, optional '-'/'+', 4 digits; not preceded or followed by another digit.
const CANDIDATE_RE = /(?<!\d)(?:\d{8}|\d{6})[-+]?\d{4}(?!\d)/g;

/**
 * Substrings of free text that look like a personnummer (10 or 12 digits, optional separator),
 * in order of appearance, repeats included. Does not validate: pass each to parsePersonnummer.
 */
export function findPersonnummerCandidates(text: string): string[] {
  return text.match(CANDIDATE_RE) ?? [];
}
