import { describe, expect, it } from 'vitest';
import { HOST_ZONES, underEachHostZone } from '../test/fixtures/host-zones';
import { stockholmOffsetMs, stockholmTimeText, stockholmWallTimeToMs, stockholmYmd } from './stockholm-time';

describe('the Swedish calendar and clock, on any host', () => {
  it('stockholmYmd: the Swedish date of an instant, whatever the host zone', () => {
    const ran = underEachHostZone(() => {
      // 22:30 UTC on 14 June is 00:30 on 15 June in Stockholm (CEST).
      expect(stockholmYmd(new Date('2025-06-14T22:30:00Z'))).toEqual([2025, 6, 15]);
      expect(stockholmYmd(new Date('2025-06-14T21:59:59Z'))).toEqual([2025, 6, 14]);
      // 23:30 UTC on 31 December is 00:30 on 1 January in Stockholm (CET).
      expect(stockholmYmd(new Date('2023-12-31T23:30:00Z'))).toEqual([2024, 1, 1]);
    });
    expect(ran).toEqual([...HOST_ZONES]);
  });

  it('offsets: +1 h in winter, +2 h in summer, switching at 01:00 UTC', () => {
    expect(stockholmOffsetMs(Date.parse('2024-01-15T12:00:00Z'))).toBe(3_600_000);
    expect(stockholmOffsetMs(Date.parse('2024-07-15T12:00:00Z'))).toBe(7_200_000);
    expect(stockholmOffsetMs(Date.parse('2024-03-31T00:59:59Z'))).toBe(3_600_000);
    expect(stockholmOffsetMs(Date.parse('2024-03-31T01:00:00Z'))).toBe(7_200_000);
    expect(stockholmOffsetMs(Date.parse('2024-10-27T00:59:59Z'))).toBe(7_200_000);
    expect(stockholmOffsetMs(Date.parse('2024-10-27T01:00:00Z'))).toBe(3_600_000);
  });

  it('wall time → instant agrees with a host set to Europe/Stockholm, every 15 minutes around both switches', () => {
    // The oracle: the engine's own local-time arithmetic with TZ=Europe/Stockholm.
    const saved = process.env.TZ;
    const cases: [number, number, number, number, number][] = [];
    for (const [month, day] of [
      [3, 30],
      [3, 31],
      [4, 1],
      [10, 26],
      [10, 27],
      [10, 28],
      [6, 15],
      [12, 31],
    ] as const) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        cases.push([2024, month, day, Math.floor(minutes / 60), minutes % 60]);
      }
    }
    let expected: number[];
    try {
      process.env.TZ = 'Europe/Stockholm';
      expected = cases.map(([y, mo, d, h, mi]) => new Date(y, mo - 1, d, h, mi).getTime());
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    underEachHostZone(() => {
      const actual = cases.map(([y, mo, d, h, mi]) => stockholmWallTimeToMs(y, mo, d, h, mi));
      expect(actual).toEqual(expected);
    });
    expect(cases.length).toBe(8 * 96);
  });

  it('the autumn hour that occurs twice is read as the first; the skipped spring hour as one later', () => {
    expect(new Date(stockholmWallTimeToMs(2024, 10, 27, 2, 30)).toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(new Date(stockholmWallTimeToMs(2024, 3, 31, 2, 30)).toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });

  it('stockholmTimeText: the Swedish clock, whatever the host zone', () => {
    underEachHostZone(() => {
      expect(stockholmTimeText(new Date('2024-06-03T07:05:00Z'))).toBe('09:05');
      expect(stockholmTimeText(new Date('2024-01-03T23:30:00Z'))).toBe('00:30');
    });
  });
});
