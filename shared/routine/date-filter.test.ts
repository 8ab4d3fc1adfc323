import { describe, expect, it } from 'vitest';
import { freshness, STALE_AFTER_MINUTES } from './date-filter';

const T0 = Date.parse('2024-06-03T07:00:00Z');
const at = (minutes: number, seconds = 0) => T0 + minutes * 60_000 + seconds * 1000;

describe('R-D-1: a date-filtered view', () => {
  it('R-D-1: says how many whole minutes ago it was loaded', () => {
    expect(freshness(T0, at(0, 59)).text).toContain('uppdaterad för 0 min sedan');
    expect(freshness(T0, at(3, 10)).text).toContain('uppdaterad för 3 min sedan');
    expect(freshness(T0, at(3)).text).toContain('uppdateras inte av sig själv');
  });
  it(`R-D-1: from ${STALE_AFTER_MINUTES} minutes it asks for a refresh`, () => {
    expect(freshness(T0, at(STALE_AFTER_MINUTES - 1, 59)).stale).toBe(false);
    expect(freshness(T0, at(STALE_AFTER_MINUTES)).stale).toBe(true);
    expect(freshness(T0, at(STALE_AFTER_MINUTES)).text).toContain('uppdatera den');
  });
  it('R-D-1: a clock gone backwards reads 0, never negative', () => {
    expect(freshness(T0, at(-5)).minutes).toBe(0);
  });
});
