import { describe, expect, it } from 'vitest';
import { waitedMinutes } from '../../extension/clinic/identity-text';

// R-Q-1: the queue's "Väntat" cell is the fallback for a case's arrival; a text that states no
// time is null, never a guess. The usual "12 min" takes a fast path: same answers as the rest.
describe('waitedMinutes (R-Q-1)', () => {
  it.each([
    ['12 min', 12],
    ['0 min', 0],
    ['012 min', 12],
    ['600 min', 600],
    ['12\u00a0min', 12],
    ['12 minuter', 12],
    ['12min', 12],
    ['Väntat 12 min', 12],
    ['1 tim', 60],
    ['1 tim 5 min', 65],
    ['2 timmar 3 minuter', 123],
    ['1 h 5 min', 65],
    ['1h5m', 65],
    ['1:05', 65],
  ])('"%s" is %d minutes', (text, minutes) => {
    expect(waitedMinutes(text)).toBe(minutes);
  });

  it.each(['', '–', 'min', '12 mins', '12 minus', 'Prio 2'])('"%s" states no time: null', (text) => {
    expect(waitedMinutes(text)).toBeNull();
  });
});
