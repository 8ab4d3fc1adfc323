import { describe, expect, it } from 'vitest';
import { ordinalText } from '../../extension/lib/queue-view';

describe('ordinalText: the turn in the queue as Swedish text (issue 14)', () => {
  it('1:a, 2:a, then :e, with 11:e and 12:e, and :a again from 21', () => {
    expect([1, 2, 3, 4, 10, 11, 12, 13, 21, 22, 23, 101, 111, 112, 122].map(ordinalText)).toEqual([
      '1:a',
      '2:a',
      '3:e',
      '4:e',
      '10:e',
      '11:e',
      '12:e',
      '13:e',
      '21:a',
      '22:a',
      '23:e',
      '101:a',
      '111:e',
      '112:e',
      '122:a',
    ]);
  });
});
