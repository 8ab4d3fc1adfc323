import { describe, expect, it } from 'vitest';
import { underEachHostZone } from '../test/fixtures/host-zones';
import {
  MAX_CASE_NOTIFICATIONS,
  orderHandedOver,
  orderQueue,
  overdueCases,
  type QueueCase,
  queueNotifications,
  queueNotifierStep,
  queueThresholdsFrom,
  queueUrgency,
  urgencyOfWait,
  waitingMinutes,
} from './queue';
import { DEFAULT_QUEUE_THRESHOLDS } from './queue-defaults';
import { defaultRuleSet } from './rules/default';

// Fake time: a fixed origin, offsets in seconds; nothing here reads the clock.
const T0 = Date.parse('2024-06-03T07:00:00.000Z');
const iso = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const mmss = (m: number, s = 0) => m * 60 + s;
const kase = (id: string, priority: number | null, arrivedSeconds: number, accepted?: boolean): QueueCase => ({
  id,
  priority,
  arrivedAt: iso(arrivedSeconds),
  ...(accepted === undefined ? {} : { accepted }),
});
const ids = (cases: { id: string }[]) => cases.map((c) => c.id);

describe('waitingMinutes', () => {
  it('returns fractional minutes since arrival', () => {
    expect(waitingMinutes(iso(0), at(mmss(9, 30)))).toBe(9.5);
    expect(waitingMinutes(iso(0), at(0))).toBe(0);
  });

  it('compares instants across offsets', () => {
    expect(waitingMinutes('2024-06-03T09:00:00+02:00', at(mmss(12)))).toBe(12);
  });

  it('never goes negative: an arrival after now is clock skew', () => {
    expect(waitingMinutes(iso(120), at(0))).toBe(0);
  });

  it('is NaN for an unreadable arrival time', () => {
    expect(waitingMinutes('igår', at(0))).toBeNaN();
    expect(waitingMinutes('2024-02-30T10:00:00Z', at(0))).toBeNaN();
  });
});

describe('urgencyOfWait', () => {
  it('R-Q-1: the same marks from minutes already worked out; an unreadable wait is red, never ok', () => {
    const u = (minutes: number) => urgencyOfWait(minutes, DEFAULT_QUEUE_THRESHOLDS);
    expect([u(0), u(9.99), u(10), u(14.99), u(15), u(120)]).toEqual(['ok', 'ok', 'amber', 'amber', 'red', 'red']);
    expect(u(Number.NaN)).toBe('red');
  });
});

describe('queueUrgency', () => {
  it('R-Q-1: defaults are amber from 10 and red from 15 minutes', () => {
    expect(DEFAULT_QUEUE_THRESHOLDS).toEqual({ amberAfterMinutes: 10, redAfterMinutes: 15 });
    expect(Object.isFrozen(DEFAULT_QUEUE_THRESHOLDS)).toBe(true);
  });

  it('R-Q-1: 9:59 ok, 10:00 amber, 14:59 amber, 15:00 red', () => {
    const u = (seconds: number) => queueUrgency(iso(0), at(seconds), DEFAULT_QUEUE_THRESHOLDS);
    expect(u(0)).toBe('ok');
    expect(u(mmss(9, 59))).toBe('ok');
    expect(u(mmss(10))).toBe('amber');
    expect(u(mmss(14, 59))).toBe('amber');
    expect(u(mmss(15))).toBe('red');
    expect(u(mmss(240))).toBe('red');
  });

  it('R-Q-1: thresholds are reached at the exact millisecond', () => {
    expect(queueUrgency(iso(0), new Date(T0 + 10 * 60_000 - 1), DEFAULT_QUEUE_THRESHOLDS)).toBe('ok');
    expect(queueUrgency(iso(0), new Date(T0 + 15 * 60_000 - 1), DEFAULT_QUEUE_THRESHOLDS)).toBe('amber');
  });

  it('uses the defaults when no thresholds are given, and honours custom ones', () => {
    expect(queueUrgency(iso(0), at(mmss(10)), DEFAULT_QUEUE_THRESHOLDS)).toBe('amber');
    const custom = { amberAfterMinutes: 5, redAfterMinutes: 8 };
    expect(queueUrgency(iso(0), at(mmss(4, 59)), custom)).toBe('ok');
    expect(queueUrgency(iso(0), at(mmss(5)), custom)).toBe('amber');
    expect(queueUrgency(iso(0), at(mmss(8)), custom)).toBe('red');
  });

  it('R-Q-1: an unreadable arrival time is red, never silently ok', () => {
    expect(queueUrgency('', at(0), DEFAULT_QUEUE_THRESHOLDS)).toBe('red');
    expect(queueUrgency('okänd', at(0), DEFAULT_QUEUE_THRESHOLDS)).toBe('red');
  });
});

describe('orderQueue', () => {
  it('R-Q-1/R-Q-4: priority 1 first, then earlier arrival', () => {
    const cases = [kase('p3-early', 3, 0), kase('p1-late', 1, 300), kase('p2', 2, 100), kase('p1-early', 1, 200)];
    expect(ids(orderQueue(cases))).toEqual(['p1-early', 'p1-late', 'p2', 'p3-early']);
  });

  it('R-Q-4: arrival is compared as an instant, not as text', () => {
    const a = { id: 'a', priority: 2, arrivedAt: '2024-06-03T09:05:00+02:00' }; // 07:05Z
    const b = { id: 'b', priority: 2, arrivedAt: '2024-06-03T07:10:00Z' };
    const c = { id: 'c', priority: 2, arrivedAt: '2024-06-03T08:00:00+02:00' }; // 06:00Z
    expect(ids(orderQueue([b, a, c]))).toEqual(['c', 'a', 'b']);
  });

  it('R-Q-1: unknown priority (null or outside 1–5) sorts as the most urgent (with priority 1, by arrival), never last or dropped', () => {
    const cases = [
      kase('null', null, 0),
      kase('p5', 5, 500),
      kase('zero', 0, 10),
      kase('nan', Number.NaN, 20),
      kase('p1', 1, 900),
      kase('seven', 7, 5),
    ];
    const ordered = orderQueue(cases);
    expect(ordered).toHaveLength(cases.length);
    expect(ids(ordered)).toEqual(['null', 'seven', 'zero', 'nan', 'p1', 'p5']);
  });

  it('is stable for equal priority and arrival', () => {
    const cases = ['a', 'b', 'c', 'd'].map((id) => kase(id, 2, 60));
    expect(ids(orderQueue(cases))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(orderQueue([...cases].reverse()))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('puts an unreadable arrival after the readable ones of its priority', () => {
    const cases = [{ id: 'bad', priority: 1, arrivedAt: 'x' }, kase('late', 1, 900), kase('p2', 2, 0)];
    expect(ids(orderQueue(cases))).toEqual(['late', 'bad', 'p2']);
  });

  it('returns a new array and keeps extra fields', () => {
    const cases = Object.freeze([kase('b', 2, 0), { ...kase('a', 1, 0), name: 'kept' }]);
    const ordered = orderQueue(cases as QueueCase[]);
    expect(ordered).not.toBe(cases);
    expect(ordered[0]).toBe(cases[1]);
    expect(ids(cases as QueueCase[])).toEqual(['b', 'a']);
  });

  it('handles an empty queue', () => {
    expect(orderQueue([])).toEqual([]);
  });
});

describe('overdueCases', () => {
  const now = at(mmss(30));
  it('R-Q-1: cases waiting 15 minutes or more and not accepted, most urgent first', () => {
    const cases = [
      kase('p3-20min', 3, mmss(10)),
      kase('p1-15min', 1, mmss(15)),
      kase('p2-14:59', 2, mmss(15, 1)),
      kase('p1-accepted', 1, 0, true),
      kase('p2-30min-not-accepted', 2, 0, false),
    ];
    expect(ids(overdueCases(cases, now, DEFAULT_QUEUE_THRESHOLDS))).toEqual([
      'p1-15min',
      'p2-30min-not-accepted',
      'p3-20min',
    ]);
  });

  it('R-Q-1: includes a case whose arrival time cannot be read', () => {
    expect(ids(overdueCases([{ id: 'x', priority: 3, arrivedAt: 'okänd' }], now, DEFAULT_QUEUE_THRESHOLDS))).toEqual([
      'x',
    ]);
  });

  it('honours custom thresholds', () => {
    const cases = [kase('a', 3, mmss(25))];
    expect(overdueCases(cases, now, DEFAULT_QUEUE_THRESHOLDS)).toEqual([]);
    expect(ids(overdueCases(cases, now, { amberAfterMinutes: 2, redAfterMinutes: 5 }))).toEqual(['a']);
  });
});

describe('queueNotifierStep', () => {
  it('R-Q-1: notifies each overdue case once and remembers it', () => {
    const first = queueNotifierStep([], [kase('a', 1, 0), kase('b', 2, 0)]);
    expect(ids(first.notify)).toEqual(['a', 'b']);
    expect(first.notified).toEqual(['a', 'b']);

    const second = queueNotifierStep(first.notified, [kase('a', 1, 0), kase('b', 2, 0), kase('c', 3, 0)]);
    expect(ids(second.notify)).toEqual(['c']);
    expect(second.notified).toEqual(['a', 'b', 'c']);

    expect(queueNotifierStep(second.notified, [kase('a', 1, 0), kase('c', 3, 0)]).notify).toEqual([]);
  });

  it('R-Q-1: a case that leaves the overdue list and comes back is not notified again', () => {
    const s1 = queueNotifierStep([], [kase('a', 1, 0)]);
    const s2 = queueNotifierStep(s1.notified, []);
    expect(s2.notified).toEqual(['a']);
    expect(queueNotifierStep(s2.notified, [kase('a', 1, 0)]).notify).toEqual([]);
  });

  it('R-Q-1: the same case twice in one scrape is notified once', () => {
    const step = queueNotifierStep(new Set<string>(), [kase('a', 1, 0), kase('a', 1, 0)]);
    expect(ids(step.notify)).toEqual(['a']);
    expect(step.notified).toEqual(['a']);
  });

  it('does not mutate the given set', () => {
    const notified = new Set(['a']);
    queueNotifierStep(notified, [kase('b', 1, 0)]);
    expect([...notified]).toEqual(['a']);
  });

  it('R-Q-1: driven by a minute tick, every unaccepted case is notified exactly once, at 15 minutes', () => {
    const cases = [kase('a', 1, 0), kase('b', 3, mmss(2)), kase('c', null, mmss(7)), kase('d', 2, mmss(1), true)];
    const notifiedAt = new Map<string, number>();
    let store: string[] = [];
    for (let minute = 0; minute <= 60; minute++) {
      const step = queueNotifierStep(store, overdueCases(cases, at(mmss(minute)), DEFAULT_QUEUE_THRESHOLDS));
      for (const c of step.notify) {
        expect(notifiedAt.has(c.id)).toBe(false);
        notifiedAt.set(c.id, minute);
      }
      store = step.notified;
    }
    expect(Object.fromEntries(notifiedAt)).toEqual({ a: 15, b: 17, c: 22 });
  });
});

describe('R-Q-1: the 15-minute mark is acceptWithinMinutes', () => {
  it('R-Q-1: red comes from the rule set’s acceptWithinMinutes, no second constant', () => {
    expect(DEFAULT_QUEUE_THRESHOLDS.redAfterMinutes).toBe(defaultRuleSet.timers.acceptWithinMinutes);
    expect(queueThresholdsFrom({ ...defaultRuleSet.timers, acceptWithinMinutes: 20 })).toEqual({
      amberAfterMinutes: 10,
      redAfterMinutes: 20,
    });
  });

  it('R-Q-1: an arrival time without offset is Swedish time (the console clock), on any host zone', () => {
    underEachHostZone(() => {
      // 09:00 in Stockholm (CEST) is 07:00 UTC: 12 minutes later it has waited 12 minutes.
      expect(waitingMinutes('2024-06-03T09:00:00', new Date('2024-06-03T07:12:00Z'))).toBe(12);
      expect(queueUrgency('2024-06-03T09:00:00', new Date('2024-06-03T07:15:00Z'), DEFAULT_QUEUE_THRESHOLDS)).toBe(
        'red',
      );
      expect(queueUrgency('2024-06-03T09:00:00', new Date('2024-06-03T07:14:59Z'), DEFAULT_QUEUE_THRESHOLDS)).toBe(
        'amber',
      );
    });
  });
});

describe('orderHandedOver (R-Q-4: Mina aktuella, Synk Överlämning)', () => {
  it('R-Q-4: priority first, then when the case came in', () => {
    const cases = [kase('p2-early', 2, 0), kase('p1-late', 1, 900), kase('p1-early', 1, 300), kase('p3', 3, 10)];
    expect(ids(orderHandedOver(cases))).toEqual(['p1-early', 'p1-late', 'p2-early', 'p3']);
  });

  it('R-Q-4: an unreadable arrival goes after the readable ones of its priority; unknown priority as urgent as 1, never dropped', () => {
    const cases = [
      { id: 'p1-unread', priority: 1, arrivedAt: '' },
      kase('none', null, 0),
      kase('p1', 1, 600),
      kase('p2', 2, 0),
    ];
    expect(ids(orderHandedOver(cases))).toEqual(['none', 'p1', 'p1-unread', 'p2']);
  });
});

describe('queueNotifications', () => {
  let n = 0;
  const overdue = (priority: number | null, waited: number | null) => ({ id: `c${++n}`, priority, waited });

  it('R-Q-1: up to three newly overdue cases each get their own notification, in the order given', () => {
    const cases = [overdue(2, 17), overdue(1, 30), overdue(null, null)];
    expect(MAX_CASE_NOTIFICATIONS).toBe(3);
    expect(queueNotifications(cases)).toEqual(cases.map((c) => ({ kind: 'case', case: c })));
    expect(queueNotifications([])).toEqual([]);
  });

  it('R-Q-1: more at once become one notification with the count, the highest priority and the longest wait', () => {
    const cases = [overdue(3, 16), overdue(2, 40), overdue(5, 18), overdue(4, 22)];
    expect(queueNotifications(cases)).toEqual([
      { kind: 'group', firstId: cases[0]!.id, count: 4, highestPriority: 2, longestWaited: 40 },
    ]);
    const many = Array.from({ length: 125 }, (_, i) => overdue((i % 5) + 1, 15 + i));
    expect(queueNotifications(many)).toEqual([
      { kind: 'group', firstId: many[0]!.id, count: 125, highestPriority: 1, longestWaited: 139 },
    ]);
  });

  it("R-Q-1: one unreadable priority or wait makes the group's unknown (it may be prio 1, or the longest), never a made-up value", () => {
    const cases = [overdue(3, 16), overdue(null, 40), overdue(2, null), overdue(4, 22)];
    expect(queueNotifications(cases)).toEqual([
      { kind: 'group', firstId: cases[0]!.id, count: 4, highestPriority: null, longestWaited: null },
    ]);
    const allUnknown = Array.from({ length: 5 }, () => overdue(null, null));
    expect(queueNotifications(allUnknown)).toMatchObject([{ count: 5, highestPriority: null, longestWaited: null }]);
  });
});
