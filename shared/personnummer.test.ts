import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ageAt,
  ageInMonthsAt,
  findPersonnummerCandidates,
  formatForCosmic,
  maskPersonnummer,
  parsePersonnummer,
  PERSONNUMMER_REASONS as R,
  type ValidPersonnummer,
} from './personnummer';

// Skatteverket's test numbers: the only identity numbers this project may use (see the fixture README).
const fixture = (name: string): string[] =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/testpersonnummer/${name}`, import.meta.url), 'utf8'));
const ALL_PINS = fixture('allPins.json');
const ALL_COORDS = fixture('allCoords.json');

/** 10:00 UTC: the same calendar day in Stockholm (11:00 or 12:00) and in UTC, on any host. */
const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d, 10));
const TODAY = day(2025, 6, 15);

/** Independent Luhn, to derive invalid numbers whose only fault is the one under test. */
function withCheckDigit(twelve: string): string {
  const body = twelve.slice(2, 11);
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return twelve.slice(0, 11) + String((10 - (sum % 10)) % 10);
}

const split = (twelve: string) => ({
  century: twelve.slice(0, 2),
  yymmdd: twelve.slice(2, 8),
  last4: twelve.slice(8),
  ymd: [Number(twelve.slice(0, 4)), Number(twelve.slice(4, 6)), Number(twelve.slice(6, 8))] as const,
});

function expectValid(input: string, options?: Parameters<typeof parsePersonnummer>[1]): ValidPersonnummer {
  const r = parsePersonnummer(input, options);
  if (!r.valid) throw new Error(`${JSON.stringify(input)} rejected: ${r.reason}`);
  return r;
}

function expectReason(input: string, reason: string, options?: Parameters<typeof parsePersonnummer>[1]): void {
  expect(parsePersonnummer(input, options), input).toEqual({ valid: false, reason });
}

// Hand-picked list numbers.
const PIN_F = '198501012382'; // female (sex digit 8)
const PIN_M = '198501012390'; // male (sex digit 9)
const PIN_1920 = '192001011564'; // serial starts with 1: its interim twin keeps the same check digit
const PIN_1890 = '189001019802';
const PIN_LEAP_2000 = '200002292399';
const PIN_LEAP_1904 = '190402299812';
const PIN_LAST = '202312312388';
const PIN_1925 = '192501239202';
const COORD_PLAIN = '198001662397'; // 1980-01-06
const COORD_MONTH_00 = '191500722390';
const COORD_DAY_60 = '191711602399';
const COORD_MONTH_00_DAY_60 = '193100602394';
const COORD_31_APRIL = '192004912388';
const COORD_30_FEB = '193002902397';
const COORD_29_FEB_NON_LEAP = '195102892386';

describe('fixtures', () => {
  it('every hand-picked number is in the Skatteverket lists', () => {
    for (const n of [PIN_F, PIN_M, PIN_1920, PIN_1890, PIN_LEAP_2000, PIN_LEAP_1904, PIN_LAST, PIN_1925]) {
      expect(ALL_PINS, n).toContain(n);
    }
    for (const n of [
      COORD_PLAIN,
      COORD_MONTH_00,
      COORD_DAY_60,
      COORD_MONTH_00_DAY_60,
      COORD_31_APRIL,
      COORD_30_FEB,
      COORD_29_FEB_NON_LEAP,
    ]) {
      expect(ALL_COORDS, n).toContain(n);
    }
    expect(ALL_PINS.length).toBeGreaterThan(40_000);
    expect(ALL_COORDS.length).toBeGreaterThan(2_000);
  });
});

describe('parsePersonnummer: Skatteverket lists in full (R-ID-1)', () => {
  function expectedFor(n: string, kind: 'personnummer' | 'samordningsnummer'): ValidPersonnummer {
    const [y, m, rawD] = split(n).ymd;
    const d = kind === 'samordningsnummer' ? rawD - 60 : rawD;
    const utc = new Date(Date.UTC(y, m - 1, d));
    const isDate = m >= 1 && d >= 1 && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
    return {
      valid: true,
      normalized: n,
      kind,
      sex: Number(n[10]) % 2 === 1 ? 'male' : 'female',
      birthDate: isDate ? `${n.slice(0, 4)}-${n.slice(4, 6)}-${String(d).padStart(2, '0')}` : null,
    };
  }

  /** The separator Skatteverket would write for this number on TODAY: '+' from the 100th birthday. */
  function separatorOn(n: string, kind: 'personnummer' | 'samordningsnummer', today: Date): '-' | '+' {
    const [y, m, rawD] = split(n).ymd;
    const d = kind === 'samordningsnummer' ? rawD - 60 : rawD;
    const hundredth = [today.getUTCFullYear() - 100, today.getUTCMonth() + 1, today.getUTCDate()];
    const key = y * 10_000 + m * 100 + d;
    const limit = (hundredth[0] ?? 0) * 10_000 + (hundredth[1] ?? 0) * 100 + (hundredth[2] ?? 0);
    return key <= limit ? '+' : '-';
  }

  for (const [name, list, kind] of [
    ['allPins.json', ALL_PINS, 'personnummer'],
    ['allCoords.json', ALL_COORDS, 'samordningsnummer'],
  ] as const) {
    it(`${name}: every number is valid in 12-digit and YYYYMMDD-NNNN form (default today)`, () => {
      const bad: string[] = [];
      for (const n of list) {
        const expected = expectedFor(n, kind);
        for (const input of [n, `${n.slice(0, 8)}-${n.slice(8)}`]) {
          const r = parsePersonnummer(input);
          if (JSON.stringify(r) !== JSON.stringify(expected)) bad.push(`${input} → ${JSON.stringify(r)}`);
        }
      }
      expect(bad.slice(0, 10)).toEqual([]);
    });

    it(`${name}: every number is valid in 10-digit form with the right separator for a fixed today`, () => {
      const bad: string[] = [];
      for (const n of list) {
        const expected = expectedFor(n, kind);
        const { yymmdd, last4 } = split(n);
        const sep = separatorOn(n, kind, TODAY);
        const inputs = sep === '+' ? [`${yymmdd}+${last4}`] : [`${yymmdd}-${last4}`, `${yymmdd}${last4}`];
        for (const input of inputs) {
          const r = parsePersonnummer(input, { today: TODAY });
          if (JSON.stringify(r) !== JSON.stringify(expected)) bad.push(`${input} → ${JSON.stringify(r)}`);
        }
      }
      expect(bad.slice(0, 10)).toEqual([]);
    });
  }

  it('allCoords.json: every samordningsnummer is rejected when samordningsnummer are not allowed', () => {
    const accepted = ALL_COORDS.filter((n) => parsePersonnummer(n, { allowCoordinationNumber: false }).valid);
    expect(accepted).toEqual([]);
  });

  it('allPins.json: personnummer stay valid when samordningsnummer are not allowed', () => {
    const rejected = ALL_PINS.filter((n) => !parsePersonnummer(n, { allowCoordinationNumber: false }).valid);
    expect(rejected).toEqual([]);
  });

  it('formatForCosmic output of every list number parses back to the same number (R-ID-1)', () => {
    const bad = [...ALL_PINS, ...ALL_COORDS].filter((n) => {
      const r = parsePersonnummer(formatForCosmic(expectValid(n).normalized));
      return !r.valid || r.normalized !== n;
    });
    expect(bad).toEqual([]);
  });
});

describe('parsePersonnummer: accepted formats (R-ID-1)', () => {
  it.each([
    ['YYYYMMDDNNNC', '198501012382'],
    ['YYYYMMDD-NNNC', '19850101-2382'],
    ['YYMMDD-NNNC', '850101-2382'],
    ['YYMMDDNNNC', '8501012382'],
  ])('%s → normalized 12 digits', (_format, input) => {
    expect(parsePersonnummer(input, { today: TODAY })).toEqual({
      valid: true,
      normalized: PIN_F,
      kind: 'personnummer',
      sex: 'female',
      birthDate: '1985-01-01',
    });
  });

  it('YYMMDD+NNNC: 100 years or older', () => {
    expect(expectValid('200101+1564', { today: TODAY }).normalized).toBe(PIN_1920);
    expect(expectValid('900101+9802', { today: TODAY }).normalized).toBe(PIN_1890);
  });

  it.each([
    ['leading and trailing spaces', `  ${PIN_F}  `],
    ['tabs and newlines', '\t19850101-2382\n'],
    ['non-breaking spaces', '\u00a0850101-2382\u00a0'],
  ])('surrounding white space is ignored: %s', (_name, input) => {
    expect(expectValid(input, { today: TODAY }).normalized).toBe(PIN_F);
  });

  it('sex: odd second-to-last digit is male, even is female', () => {
    expect(PIN_F[10]).toBe('8');
    expect(expectValid(PIN_F).sex).toBe('female');
    expect(PIN_M[10]).toBe('9');
    expect(expectValid(PIN_M).sex).toBe('male');
    expect(expectValid(COORD_PLAIN).sex).toBe('male'); // sex digit 9
  });

  it('result has exactly the contract fields', () => {
    expect(Object.keys(expectValid(PIN_F)).sort()).toEqual(['birthDate', 'kind', 'normalized', 'sex', 'valid']);
    expect(Object.keys(parsePersonnummer('x')).sort()).toEqual(['reason', 'valid']);
  });
});

describe('parsePersonnummer: century of 10-digit input', () => {
  it("'-' on the birthday itself: this century (a birth date today is not in the future)", () => {
    expect(expectValid('231231-2388', { today: day(2023, 12, 31) }).normalized).toBe(PIN_LAST);
    expect(expectValid('2312312388', { today: day(2023, 12, 31) }).normalized).toBe(PIN_LAST);
  });

  it("'-' the day before that date: previous century (this century's date would be in the future)", () => {
    expect(expectValid('250123-9202', { today: day(2025, 1, 22) }).normalized).toBe(PIN_1925);
    expect(expectValid('2501239202', { today: day(2025, 1, 22) }).normalized).toBe(PIN_1925);
  });

  it("'+' on the 100th birthday: 100 years back", () => {
    expect(expectValid('250123+9202', { today: day(2025, 1, 23) }).normalized).toBe(PIN_1925);
  });

  it("'+' for a 1920 birth and an 1890 birth", () => {
    expect(expectValid('200101+1564', { today: day(2026, 1, 1) }).normalized).toBe(PIN_1920);
    expect(expectValid('900101+9802', { today: day(2026, 1, 1) }).normalized).toBe(PIN_1890);
  });

  it('uses the Swedish calendar date of today, whatever the time of day', () => {
    // 00:00 and 23:59 on 31 December in Stockholm (CET, +01:00), whatever the host's zone.
    expect(expectValid('231231-2388', { today: new Date('2023-12-31T00:00:00+01:00') }).normalized).toBe(PIN_LAST);
    expect(expectValid('231231-2388', { today: new Date('2023-12-31T23:59:00+01:00') }).normalized).toBe(PIN_LAST);
    // 23:59 on 30 December in Stockholm is already 31 December in Tokyo: still a future date here.
    expectReason(PIN_LAST, R.futureDate, { today: new Date('2023-12-30T23:59:00+01:00') });
  });

  it('samordningsnummer: the century uses day − 60, and month 00 counts as not after today', () => {
    expect(expectValid('800166-2397', { today: TODAY }).normalized).toBe(COORD_PLAIN);
    expect(expectValid('150072+2390', { today: TODAY }).normalized).toBe(COORD_MONTH_00);
    expect(expectValid('310060-2394', { today: TODAY }).normalized).toBe(COORD_MONTH_00_DAY_60);
  });
});

describe('parsePersonnummer: leap years', () => {
  it('29 February in 2000 (divisible by 400) and 1904 is valid', () => {
    expect(expectValid(PIN_LEAP_2000).birthDate).toBe('2000-02-29');
    expect(expectValid(PIN_LEAP_1904).birthDate).toBe('1904-02-29');
    expect(expectValid('000229-2399', { today: TODAY }).normalized).toBe(PIN_LEAP_2000);
  });

  it('29 February in 1900 (divisible by 100, not 400) is an invalid date', () => {
    // Same 10 digits as the 2000 list number, but '+' puts it in 1900.
    expectReason('000229+2399', R.date, { today: TODAY });
    expectReason(withCheckDigit('190002299825'), R.date);
  });

  it('29 February in a common year is an invalid date', () => {
    expectReason(withCheckDigit('202302292399'), R.date);
  });

  it('with today before 29 February 2000, 000229-NNNC means 1900 and is invalid', () => {
    expectReason('000229-2399', R.date, { today: day(2000, 1, 1) });
  });
});

describe('parsePersonnummer: samordningsnummer (day + 60)', () => {
  it('a plain samordningsnummer has its real birth date', () => {
    expect(expectValid(COORD_PLAIN)).toEqual({
      valid: true,
      normalized: COORD_PLAIN,
      kind: 'samordningsnummer',
      sex: 'male',
      birthDate: '1980-01-06',
    });
  });

  it.each([
    ['month 00', COORD_MONTH_00],
    ['day 60 (day 0)', COORD_DAY_60],
    ['month 00 and day 60', COORD_MONTH_00_DAY_60],
    ['day 91 in a 30-day month (31 April)', COORD_31_APRIL],
    ['30 February', COORD_30_FEB],
    ['29 February in a common year', COORD_29_FEB_NON_LEAP],
  ])('%s: valid, birthDate null', (_name, n) => {
    const r = expectValid(n);
    expect(r.kind).toBe('samordningsnummer');
    expect(r.normalized).toBe(n);
    expect(r.birthDate).toBeNull();
  });

  it('rejected when samordningsnummer are not allowed here', () => {
    expectReason(COORD_PLAIN, R.coordinationNotAllowed, { allowCoordinationNumber: false });
    expectReason(COORD_MONTH_00, R.coordinationNotAllowed, { allowCoordinationNumber: false });
    expectReason('800166-2397', R.coordinationNotAllowed, { allowCoordinationNumber: false, today: TODAY });
  });

  it('allowed by default and with allowCoordinationNumber: true', () => {
    expect(expectValid(COORD_PLAIN, { allowCoordinationNumber: true }).kind).toBe('samordningsnummer');
  });

  it('month 13 or day 92 (day 32) is an invalid date', () => {
    expectReason(withCheckDigit('198013662397'), R.date);
    expectReason(withCheckDigit('198001922397'), R.date);
  });

  it('a wrong check digit is still reported as such, not as "not allowed"', () => {
    expectReason(`${COORD_PLAIN.slice(0, 11)}8`, R.checkDigit, { allowCoordinationNumber: false });
  });
});

describe('parsePersonnummer: rejections with a reason the clinician understands (R-ID-1)', () => {
  it('bad check digit', () => {
    for (let d = 0; d <= 9; d++) {
      if (String(d) === PIN_F[11]) continue;
      expectReason(`${PIN_F.slice(0, 11)}${d}`, R.checkDigit);
    }
    expectReason('850101-2383', R.checkDigit, { today: TODAY });
    expectReason('19850101-2392', R.checkDigit); // two serial digits swapped
    expect(R.checkDigit).toBe('Kontrollsiffran stämmer inte');
  });

  it.each([
    ['month 00', '198500012382'],
    ['month 13', '198513012382'],
    ['day 00', '198501002382'],
    ['day 32', '198501322382'],
    ['day 59', '198501592382'],
    ['31 April', '198504312382'],
    ['30 February', '198502302382'],
    ['year before 1800', '178501012382'],
  ])('impossible date: %s (Luhn otherwise correct)', (_name, n) => {
    expectReason(withCheckDigit(n), R.date);
    expect(R.date).toBe('Ogiltigt datum');
  });

  it('birth date in the future', () => {
    expectReason(PIN_LAST, R.futureDate, { today: day(2023, 12, 30) });
    expect(expectValid(PIN_LAST, { today: day(2023, 12, 31) }).normalized).toBe(PIN_LAST);
  });

  it('serial 000', () => {
    expectReason(withCheckDigit('198501010002'), R.serial000);
    expectReason(withCheckDigit('198001660002'), R.serial000);
  });

  it('organisation number (month part 20 or more)', () => {
    const org = withCheckDigit('198521012382'); // month + 20
    expectReason(org, R.organisationNumber);
    expectReason(`${org.slice(2, 8)}-${org.slice(8)}`, R.organisationNumber, { today: TODAY });
    expectReason(org.slice(2), R.organisationNumber, { today: TODAY });
    expectReason(withCheckDigit('198599992382'), R.organisationNumber);
    expect(R.organisationNumber).toBe('Organisationsnummer är inget personnummer');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['text', 'inget nummer'],
    ['too short', '19850101-238'],
    ['9 digits', '850101238'],
    ['11 digits', '19850101238'],
    ['13 digits', '1985010123820'],
    ['two separators', '19850101--2382'],
    ['space inside', '19850101 2382'],
    ['other separator', '19850101/2382'],
    ['separator in the wrong place', '1985010-12382'],
    ['trailing text', '19850101-2382 x'],
    ['letter in the date', 'A9850101-2382'],
    ['letter that is no interim letter', '19850101-A382'],
    ['interim letter in the wrong position', '19850101-2T82'],
  ])('wrong format: %s', (_name, input) => {
    expectReason(input, R.format);
    expect(R.format).toBe('Fel format: ange ÅÅÅÅMMDD-NNNN');
  });

  it('every reason is Swedish text', () => {
    for (const reason of Object.values(R)) expect(reason).toMatch(/^[A-ZÅÄÖ][a-zåäö]/);
  });
});

describe('parsePersonnummer: interim numbers (letter in position 9)', () => {
  // PIN_1920's serial starts with 1; an interim letter counts as 1 in Luhn, so its check digit holds.
  const INTERIM = '19200101-T564';

  it('rejected by default', () => {
    expectReason(INTERIM, R.interimNotAllowed);
    expectReason(INTERIM, R.interimNotAllowed, { allowInterimNumber: false });
  });

  it('accepted with allowInterimNumber, letter kept in normalized', () => {
    expect(parsePersonnummer(INTERIM, { allowInterimNumber: true })).toEqual({
      valid: true,
      normalized: '19200101T564',
      kind: 'interim',
      sex: 'female',
      birthDate: '1920-01-01',
    });
  });

  it('every interim letter maps to 1 for the check digit; lower case is accepted', () => {
    for (const letter of 'PTRSUWXJKLMN') {
      expect(expectValid(`19200101-${letter}564`, { allowInterimNumber: true }).normalized).toBe(
        `19200101${letter}564`,
      );
    }
    expect(expectValid('19200101-t564', { allowInterimNumber: true }).normalized).toBe('19200101T564');
    expect(expectValid('200101+T564', { allowInterimNumber: true, today: TODAY }).normalized).toBe('19200101T564');
  });

  it('a wrong check digit, an invalid date or day + 60 is rejected', () => {
    expectReason('19200101-T565', R.checkDigit, { allowInterimNumber: true });
    expectReason('19200132-T564', R.date, { allowInterimNumber: true });
    expectReason('19200161-T564', R.date, { allowInterimNumber: true });
  });

  it('formatter and mask accept the normalized interim number', () => {
    expect(formatForCosmic('19200101T564')).toBe('19200101-T564');
    expect(maskPersonnummer('19200101T564')).toBe('19200101-••64');
  });
});

describe('formatForCosmic (R-ID-1)', () => {
  it('R-ID-1: default is YYYYMMDD-NNNN, the form Cosmic Sök patient takes', () => {
    expect(formatForCosmic(PIN_F)).toBe('19850101-2382');
    expect(formatForCosmic(PIN_F, 'YYYYMMDD-NNNN')).toBe('19850101-2382');
    expect(formatForCosmic(COORD_MONTH_00)).toBe('19150072-2390');
  });

  it('R-ID-1: YYYYMMDDNNNN is configurable', () => {
    expect(formatForCosmic(PIN_F, 'YYYYMMDDNNNN')).toBe(PIN_F);
  });

  it('R-ID-1: anything but a normalized number throws rather than being copied', () => {
    for (const bad of ['', '8501012382', '19850101-2382', ' 198501012382', '1985010123820', '19850101A382']) {
      expect(() => formatForCosmic(bad), bad).toThrow(RangeError);
    }
  });
});

describe('maskPersonnummer', () => {
  it('keeps the birth date and last two digits, masks the first two serial digits', () => {
    expect(maskPersonnummer(PIN_F)).toBe('19850101-••82');
    expect(maskPersonnummer(COORD_PLAIN)).toBe('19800166-••97');
  });

  it('throws on anything but a normalized number', () => {
    expect(() => maskPersonnummer('19850101-2382')).toThrow(RangeError);
    expect(() => maskPersonnummer('8501012382')).toThrow(RangeError);
  });
});

describe('ageAt', () => {
  it('completed years: day before, on and after the birthday', () => {
    const born = expectValid(PIN_F).birthDate ?? '';
    expect(born).toBe('1985-01-01');
    expect(ageAt(born, day(2024, 12, 31))).toBe(39);
    expect(ageAt(born, day(2025, 1, 1))).toBe(40);
    expect(ageAt(born, day(2025, 1, 2))).toBe(40);
    expect(ageAt(born, new Date('2024-12-31T23:59:00+01:00'))).toBe(39);
  });

  it('R-GU-5: turns 13 on the 13th birthday', () => {
    expect(ageAt('2012-06-15', day(2025, 6, 14))).toBe(12);
    expect(ageAt('2012-06-15', day(2025, 6, 15))).toBe(13);
  });

  it('born 29 February: in common years the birthday is 28 February (lag (1930:173) 2 §)', () => {
    const born = expectValid(PIN_LEAP_2000).birthDate ?? '';
    expect(ageAt(born, day(2023, 2, 27))).toBe(22);
    expect(ageAt(born, day(2023, 2, 28))).toBe(23);
    expect(ageAt(born, day(2023, 3, 1))).toBe(23);
    expect(ageAt(born, day(2024, 2, 28))).toBe(23);
    expect(ageAt(born, day(2024, 2, 29))).toBe(24);
  });

  it('0 on the day of birth', () => {
    expect(ageAt('2023-12-31', day(2023, 12, 31))).toBe(0);
  });

  it('throws on a birth date that is not YYYY-MM-DD or not a date', () => {
    for (const bad of ['1985-1-1', '19850101', '2023-02-29', '1985-13-01', '']) {
      expect(() => ageAt(bad, TODAY), bad).toThrow(RangeError);
    }
  });
});

describe('ageInMonthsAt', () => {
  it('R-GU-4: under 1 year until the first birthday', () => {
    expect(ageInMonthsAt('2024-06-15', day(2025, 6, 14))).toBe(11);
    expect(ageInMonthsAt('2024-06-15', day(2025, 6, 15))).toBe(12);
    expect(ageInMonthsAt('2024-06-15', day(2024, 6, 15))).toBe(0);
  });

  it("a month is completed on the same day of the month, or the month's last day when it has none", () => {
    expect(ageInMonthsAt('2024-01-31', day(2024, 2, 28))).toBe(0);
    expect(ageInMonthsAt('2024-01-31', day(2024, 2, 29))).toBe(1);
    expect(ageInMonthsAt('2024-01-31', day(2024, 3, 1))).toBe(1);
    expect(ageInMonthsAt('2023-01-31', day(2023, 2, 28))).toBe(1);
    expect(ageInMonthsAt('2024-03-31', day(2024, 4, 30))).toBe(1);
    expect(ageInMonthsAt('2024-01-15', day(2024, 2, 14))).toBe(0);
    expect(ageInMonthsAt('2024-01-15', day(2024, 2, 15))).toBe(1);
  });
});

describe('findPersonnummerCandidates', () => {
  it('finds two numbers in a text, in order, in any accepted shape', () => {
    expect(findPersonnummerCandidates(`Patient 19850101-2382, mamma ${PIN_LEAP_2000}.`)).toEqual([
      '19850101-2382',
      PIN_LEAP_2000,
    ]);
    expect(findPersonnummerCandidates('850101-2382 och 200101+1564 och 8501012382')).toEqual([
      '850101-2382',
      '200101+1564',
      '8501012382',
    ]);
  });

  it('does not find a number inside a longer digit run', () => {
    expect(findPersonnummerCandidates(`ref 12${PIN_F}`)).toEqual([]);
    expect(findPersonnummerCandidates(`${PIN_F}3`)).toEqual([]);
    expect(findPersonnummerCandidates('19850101-23821')).toEqual([]);
    expect(findPersonnummerCandidates('12345678901')).toEqual([]);
    expect(findPersonnummerCandidates('1234567890123')).toEqual([]);
  });

  it('does not validate', () => {
    expect(findPersonnummerCandidates('nr 19850101-2383')).toEqual(['19850101-2383']);
  });

  it('finds nothing in text without such a number', () => {
    expect(findPersonnummerCandidates('')).toEqual([]);
    expect(findPersonnummerCandidates('Ring 070-123 45 67 kl 14')).toEqual([]);
    expect(findPersonnummerCandidates('19850101 2382')).toEqual([]);
  });

  it('a number next to letters or punctuation is found', () => {
    expect(findPersonnummerCandidates(`(${PIN_F})`)).toEqual([PIN_F]);
    expect(findPersonnummerCandidates(`PNR:${PIN_F}`)).toEqual([PIN_F]);
  });
});
