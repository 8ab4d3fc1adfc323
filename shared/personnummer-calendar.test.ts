import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOST_ZONES, underEachHostZone } from '../test/fixtures/host-zones';
import { ageAt, parsePersonnummer, PERSONNUMMER_REASONS as R } from './personnummer';

// Ages, "under 1 year", "13 or older" and the '+' of 100-year-olds, on the Swedish calendar
// (Europe/Stockholm) whatever the host's zone, and by lag (1930:173) 2 § for 29 February.

const ALL_PINS: string[] = JSON.parse(
  readFileSync(new URL('../test/fixtures/testpersonnummer/allPins.json', import.meta.url), 'utf8'),
);
const PIN_1909 = '190905279816';
const PIN_1925 = '192501239202';
const PIN_LEAP_2000 = '200002292399';
const PIN_F = '198501012382';

describe('R-GU-5: 13 or older on the Swedish calendar day, under any host zone', () => {
  it('R-GU-5: a child who turns 13 at 00:30 Swedish time is 13, not 12 (the host on UTC, New York, Tokyo …)', () => {
    const ran = underEachHostZone(() => {
      expect(ageAt('2012-06-15', new Date('2025-06-15T00:30:00+02:00'))).toBe(13);
      expect(ageAt('2012-06-15', new Date('2025-06-14T23:59:00+02:00'))).toBe(12);
      // Late on the birthday in Sweden: already the next day in Tokyo, still the birthday here.
      expect(ageAt('2012-06-15', new Date('2025-06-15T23:59:00+02:00'))).toBe(13);
    });
    expect(ran).toEqual([...HOST_ZONES]);
  });

  it('R-GU-5: born 29 February, 13 on 28 February of a common year (lag (1930:173) 2 §)', () => {
    underEachHostZone(() => {
      expect(ageAt('2008-02-29', new Date('2021-02-27T23:59:00+01:00'))).toBe(12);
      expect(ageAt('2008-02-29', new Date('2021-02-28T00:00:00+01:00'))).toBe(13);
      // A leap year: the birthday itself.
      expect(ageAt('2008-02-29', new Date('2020-02-28T12:00:00+01:00'))).toBe(11);
      expect(ageAt('2008-02-29', new Date('2020-02-29T00:00:00+01:00'))).toBe(12);
    });
  });
});

describe('R-GU-4: under 1 year on the Swedish calendar day, under any host zone', () => {
  it('R-GU-4: 1 year old from 00:00 Swedish time on the first birthday', () => {
    underEachHostZone(() => {
      expect(ageAt('2024-06-15', new Date('2025-06-14T23:59:00+02:00'))).toBe(0);
      expect(ageAt('2024-06-15', new Date('2025-06-15T00:00:00+02:00'))).toBe(1);
      expect(ageAt('2024-02-29', new Date('2025-02-27T23:59:00+01:00'))).toBe(0);
      expect(ageAt('2024-02-29', new Date('2025-02-28T00:00:00+01:00'))).toBe(1);
    });
  });
});

describe("R-ID-1: '+' (100 years or older) on the Swedish calendar", () => {
  it("R-ID-1: a 12-digit number with '+' is valid for someone 100 or older (the '+' agrees with the century)", () => {
    const today = new Date('2025-06-15T12:00:00+02:00');
    expect(parsePersonnummer('19090527+9816', { today })).toMatchObject({ valid: true, normalized: PIN_1909 });
    expect(parsePersonnummer(`${PIN_1909.slice(0, 8)}+${PIN_1909.slice(8)}`, { today }).valid).toBe(true);
  });

  it("R-ID-1: a 12-digit number with '+' for someone under 100 is refused: it contradicts the century", () => {
    expect(parsePersonnummer('19850101+2382', { today: new Date('2025-06-15T12:00:00+02:00') })).toEqual({
      valid: false,
      reason: R.plusUnder100,
    });
    expect(R.plusUnder100).toMatch(/100 år/);
  });

  it("R-ID-1: '+' holds from 00:00 Swedish time on the 100th birthday, under any host zone", () => {
    underEachHostZone(() => {
      const on = new Date('2025-01-23T00:10:00+01:00');
      const before = new Date('2025-01-22T23:50:00+01:00');
      expect(parsePersonnummer('19250123+9202', { today: on })).toMatchObject({ valid: true, normalized: PIN_1925 });
      expect(parsePersonnummer('19250123+9202', { today: before })).toEqual({ valid: false, reason: R.plusUnder100 });
      // The 10-digit form reads its century by the same day.
      expect(parsePersonnummer('250123+9202', { today: on })).toMatchObject({ valid: true, normalized: PIN_1925 });
      expect(parsePersonnummer('250123-9202', { today: before })).toMatchObject({ valid: true, normalized: PIN_1925 });
    });
  });

  it("R-ID-1: born 29 February 2000, 100 years old on 28 February 2100 (a common year), '+' from then", () => {
    const plus = `${PIN_LEAP_2000.slice(0, 8)}+${PIN_LEAP_2000.slice(8)}`;
    expect(parsePersonnummer(plus, { today: new Date('2100-02-28T08:00:00+01:00') }).valid).toBe(true);
    expect(parsePersonnummer(plus, { today: new Date('2100-02-27T20:00:00+01:00') })).toEqual({
      valid: false,
      reason: R.plusUnder100,
    });
  });

  it("R-ID-1: every listed personnummer with '+' is valid exactly when its holder is 100 or older", () => {
    const today = new Date('2025-06-15T12:00:00+02:00');
    let old = 0;
    let young = 0;
    const wrong: string[] = [];
    for (const n of ALL_PINS) {
      // Independent oracle: born on or before 15 June 1925 (no 29 February near that day).
      const isOld = Number(n.slice(0, 8)) <= 19250615;
      const r = parsePersonnummer(`${n.slice(0, 8)}+${n.slice(8)}`, { today });
      if (isOld) old++;
      else young++;
      const ok = isOld ? r.valid && r.normalized === n : !r.valid && r.reason === R.plusUnder100;
      if (!ok) wrong.push(`${n} → ${JSON.stringify(r)}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // Both branches were exercised on thousands of numbers, not on none.
    expect(old).toBeGreaterThan(1_000);
    expect(young).toBeGreaterThan(1_000);
  });

  it("R-ID-1: a '-' (or no separator) in 12-digit form stays valid at any age", () => {
    expect(parsePersonnummer(`${PIN_1909.slice(0, 8)}-${PIN_1909.slice(8)}`).valid).toBe(true);
    expect(parsePersonnummer(PIN_F).valid).toBe(true);
  });
});
