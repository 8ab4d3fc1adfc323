import { describe, expect, it } from 'vitest';
import { mergeEvents } from '../../extension/lib/no-reply-timers';
import {
  DEFAULT_NO_REPLY_SETTINGS,
  type NoReplyEvent,
  type NoReplyEventType,
  readNoReply,
} from '../../shared/no-reply';
import { condenseNoReplyEvents } from '../../shared/no-reply-condense';
import { prng as random } from '../fixtures/prng';

const T0 = Date.parse('2024-06-03T07:00:00.000Z');
const TYPES: NoReplyEventType[] = [
  'patient-message',
  'clinician-message',
  'notice-sent',
  'phone-attempt',
  'visit-closed',
];

function randomLog(next: () => number, length: number): NoReplyEvent[] {
  return Array.from({ length }, () => {
    const roll = next();
    // Mostly chat; now and then a call, a closing, a tie in time, an unreadable time or an odd type.
    const type = roll < 0.4 ? 'patient-message' : roll < 0.8 ? 'clinician-message' : TYPES[Math.floor(next() * 5)]!;
    const minutes = Math.floor(next() * 400);
    if (next() < 0.02) return { type, at: 'inte en tid' };
    if (next() < 0.01) return { type: 'sms' as NoReplyEventType, at: new Date(T0).toISOString() };
    return { type, at: new Date(T0 + minutes * 60_000).toISOString() };
  });
}

const reading = (log: readonly NoReplyEvent[], minutes: number, priority: number | null) =>
  readNoReply(log, new Date(T0 + minutes * 60_000), DEFAULT_NO_REPLY_SETTINGS, priority);

describe('condenseNoReplyEvents (issue 16: the log reduced to what R-NR-1..R-NR-3 read)', () => {
  it('reads the same as the whole log, for 2,000 random logs at random times and priorities', () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const next = random(seed);
      const log = randomLog(next, Math.floor(next() * 60));
      const at = Math.floor(next() * 700);
      const priority = [1, 2, 3, 4, 5, null][Math.floor(next() * 6)]!;
      expect(reading(condenseNoReplyEvents(log), at, priority), `seed ${seed}`).toEqual(reading(log, at, priority));
    }
  });

  it('condensing two logs before merging them reads the same as merging the whole logs (page + record)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const next = random(seed * 7919);
      const page = randomLog(next, Math.floor(next() * 40));
      const record = randomLog(next, Math.floor(next() * 40));
      const whole = mergeEvents(page, record);
      const condensed = mergeEvents(condenseNoReplyEvents(page), condenseNoReplyEvents(record));
      expect(reading(condensed, 450, 3), `seed ${seed}`).toEqual(reading(whole, 450, 3));
    }
  });

  it("keeps the patient's last message, what follows it and every phone attempt; drops older chat", () => {
    const at = (m: number) => new Date(T0 + m * 60_000).toISOString();
    const log: NoReplyEvent[] = [
      { type: 'clinician-message', at: at(0) },
      { type: 'phone-attempt', at: at(1) },
      { type: 'patient-message', at: at(2) },
      { type: 'patient-message', at: at(5) },
      { type: 'clinician-message', at: at(5) },
      { type: 'clinician-message', at: at(6) },
      { type: 'notice-sent', at: at(7) },
    ];
    expect(condenseNoReplyEvents(log)).toEqual([log[1], log[3], log[5], log[6]]);
  });

  it('a 2,000-message chat condenses to its tail', () => {
    const log: NoReplyEvent[] = Array.from({ length: 2_000 }, (_, i) => ({
      type: i % 2 === 0 ? 'patient-message' : 'clinician-message',
      at: new Date(T0 + i * 60_000).toISOString(),
    }));
    expect(condenseNoReplyEvents(log)).toEqual(log.slice(-2));
  });
});
