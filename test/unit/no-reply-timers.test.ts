import { describe, expect, it } from 'vitest';
import type { ClinicSnapshot } from '../../extension/clinic';
import type { ChatMessage } from '../../extension/clinic/snapshot';
import { handedOverRows } from '../../extension/lib/handed-over-view';
import { chatEvents, noticePhraseOf } from '../../extension/lib/no-reply-chat';
import { chipText } from '../../extension/lib/no-reply-chip';
import {
  dueNotification,
  formatRemaining,
  MAX_EVENTS,
  mergeEvents,
  noReplyKeyFor,
  overviewOrder,
  readTimer,
  settingsFrom,
  timerIdOfKey,
} from '../../extension/lib/no-reply-timers';
import { notifyStateOf, queueView, thresholdsFrom } from '../../extension/lib/queue-view';
import type { NoReplyEvent, NoReplyEventType } from '../../shared/no-reply';
import { defaultRuleSet } from '../../shared/rules/default';

const T0 = Date.parse('2024-06-03T07:00:00.000Z');
const MIN = 60_000;
const iso = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();
const ev = (type: NoReplyEventType, minutes: number): NoReplyEvent => ({ type, at: iso(minutes) });
const msg = (author: ChatMessage['author'], minutes: number | null, text = 'Hej'): ChatMessage => ({
  author,
  at: minutes === null ? null : iso(minutes),
  text,
  images: 0,
});
/** The notice as sent: the rule set's template with the window filled in. */
const NOTICE = noticePhraseOf(defaultRuleSet);
const S = settingsFrom(defaultRuleSet.timers);
const OPTS = { phrase: NOTICE, replyWindowMinutes: S.replyWindowMinutes };

describe('chatEvents: the chat as no-reply events', () => {
  it('R-NR-1/R-NR-2: patient and clinician messages; a message with the notice phrase is the notice', () => {
    const { events, untimed } = chatEvents(
      [
        msg('system', 0, 'Välkommen!'),
        msg('patient', 1),
        msg('clinician', 2, 'Har du feber?'),
        msg('clinician', 15, `Hej Anna!  ${NOTICE.toUpperCase()}\nMvh Sara`),
        msg('unknown', 16),
      ],
      OPTS,
    );
    // The message whose author is unknown (16) may be the patient's answer: kept as one (R-NR-4:
    // never close on a reply we failed to see).
    expect(events).toEqual([
      ev('patient-message', 1),
      ev('clinician-message', 2),
      ev('notice-sent', 15),
      ev('patient-message', 16),
    ]);
    expect(untimed).toBe(0);
  });

  it('R-NR-2: a message whose time cannot be read is counted as untimed, never given a guessed time', () => {
    const { events, untimed } = chatEvents([msg('clinician', null), msg('patient', 3)], OPTS);
    expect(events).toEqual([ev('patient-message', 3)]);
    expect(untimed).toBe(1);
  });
});

describe('mergeEvents: the union of the page log and the clinician log', () => {
  it('dedupes by type and instant whatever the spelling, sorts by time, drops invalid times', () => {
    const merged = mergeEvents(
      [ev('clinician-message', 5), ev('patient-message', 0)],
      [
        { type: 'clinician-message', at: '2024-06-03T09:05:00+02:00' },
        { type: 'phone-attempt', at: iso(6) },
        { type: 'phone-attempt', at: 'nonsense' },
      ],
    );
    expect(merged).toEqual([ev('patient-message', 0), ev('clinician-message', 5), ev('phone-attempt', 6)]);
  });

  it('keeps the newest MAX_EVENTS', () => {
    const many = Array.from({ length: MAX_EVENTS + 10 }, (_, i) => ev('clinician-message', i));
    const merged = mergeEvents(many);
    expect(merged).toHaveLength(MAX_EVENTS);
    expect(merged.at(-1)).toEqual(ev('clinician-message', MAX_EVENTS + 9));
  });
});

describe('dueNotification: the system notification a stage calls for', () => {
  const timer = (events: NoReplyEvent[], priority: number | null) => ({ events, priority });

  it('R-NR-1: the notice becoming due is one stage, keyed by the last clinician message', () => {
    const events = [ev('patient-message', 0), ev('clinician-message', 5)];
    const reading = readTimer(timer(events, 2), new Date(T0 + 16 * MIN), S);
    const due = dueNotification(timer(events, 2), reading, S)!;
    expect(due.key).toBe(`notice@${T0 + 5 * MIN}`);
    expect(due.dueAt).toBe(iso(15));
    expect(due.title).toBe('Besök prio 2: patienten har inte svarat');
  });

  it('R-NR-1/R-NR-3: at the deadline, "svarstiden har gått ut", naming what is missing (phone for prio 2)', () => {
    const events = [ev('patient-message', 0), ev('clinician-message', 5), ev('notice-sent', 15)];
    const reading = readTimer(timer(events, 2), new Date(T0 + 136 * MIN), S);
    expect(reading.status.state).toBe('deadline-passed');
    const due = dueNotification(timer(events, 2), reading, S)!;
    expect(due).toMatchObject({ key: `deadline@${iso(135)}`, dueAt: iso(135) });
    expect(due.title).toBe('Besök prio 2: svarstiden har gått ut');
    expect(due.message).toContain('Ring patienten');
  });

  it('R-NR-4: ready to close says so; phone logged later keeps the same key (no second notification)', () => {
    const events = [ev('patient-message', 0), ev('clinician-message', 5), ev('notice-sent', 15)];
    const before = dueNotification(timer(events, 2), readTimer(timer(events, 2), new Date(T0 + 136 * MIN), S), S)!;
    const withPhone = [...events, ev('phone-attempt', 140)];
    const reading = readTimer(timer(withPhone, 2), new Date(T0 + 141 * MIN), S);
    expect(reading.status.canClose).toBe(true);
    const after = dueNotification(timer(withPhone, 2), reading, S)!;
    expect(after.key).toBe(before.key);
    expect(after.message).toContain('R-NR-4');
  });

  it('R-NR-3: unknown priority is told as such; no stage while awaiting or idle', () => {
    const events = [ev('patient-message', 0), ev('clinician-message', 5), ev('notice-sent', 15)];
    const reading = readTimer(timer(events, null), new Date(T0 + 200 * MIN), S);
    expect(dueNotification(timer(events, null), reading, S)!.title).toBe(
      'Besök prioritet okänd: svarstiden har gått ut',
    );
    const waiting = readTimer(timer(events.slice(0, 2), 3), new Date(T0 + 6 * MIN), S);
    expect(dueNotification(timer(events.slice(0, 2), 3), waiting, S)).toBeNull();
  });

  // The texts are built from the priority and the settings only (dueNotification takes no
  // patient data at all, by its type); what can still go wrong is a number-like run.
  it('R-PI-2: notification texts exist for every priority and stage and hold no six-digit run', () => {
    for (const priority of [null, 1, 2, 3, 4, 5]) {
      for (const minutes of [16, 136, 300]) {
        const events = [
          ev('patient-message', 0),
          ev('clinician-message', 5),
          ...(minutes > 16 ? [ev('notice-sent', 15)] : []),
        ];
        const reading = readTimer(timer(events, priority), new Date(T0 + minutes * MIN), S);
        const due = dueNotification(timer(events, priority), reading, S);
        expect(due).not.toBeNull();
        const text = `${due!.title} ${due!.message}`;
        expect(text).toMatch(/^Besök prio/);
        expect(text).not.toMatch(/\d{6}/);
      }
    }
  });
});

describe('overview and formatting', () => {
  const status = (state: 'notice-sent' | 'idle' | 'notice-suggested' | 'deadline-passed', deadline: string | null) => ({
    state,
    attempts: 1,
    deadline,
    phoneRequired: false,
    canClose: false,
    reasons: [],
  });

  it('lists running timers only, earliest deadline first (passed first), then priority', () => {
    const timers = [
      { id: 'a', priority: 3, wakeAt: iso(135), status: status('notice-sent', iso(135)) },
      { id: 'b', priority: 2, wakeAt: null, status: status('idle', null) },
      { id: 'c', priority: 4, wakeAt: null, status: status('deadline-passed', iso(20)) },
      { id: 'd', priority: 1, wakeAt: null, status: status('notice-suggested', null) },
      { id: 'e', priority: 1, wakeAt: iso(135), status: status('notice-sent', iso(135)) },
    ];
    expect(overviewOrder(timers).map((t) => t.id)).toEqual(['c', 'e', 'a', 'd']);
  });

  it('formats time left and time passed in Swedish', () => {
    expect(formatRemaining(2 * 3600_000 - 1000)).toBe('1 tim 59 min');
    expect(formatRemaining(4 * MIN + 9000)).toBe('4 min 09 s');
    expect(formatRemaining(12_000)).toBe('12 s');
    expect(formatRemaining(-3 * MIN)).toBe('för 3 min 00 s sedan');
  });

  it('storage keys: one per visit beside the visit record, and back', () => {
    const id = '0123456789abcdef0123456789abcdef';
    expect(noReplyKeyFor(id)).toBe(`visit:${id}:no-reply`);
    expect(timerIdOfKey(noReplyKeyFor(id))).toBe(id);
    expect(timerIdOfKey(`visit:${id}`)).toBeNull();
  });

  it('R-NR-2/R-NR-3: the chip line shows state, attempts, time left and the phone requirement', () => {
    const events = [ev('patient-message', 0), ev('clinician-message', 5), ev('notice-sent', 15)];
    const { status: s } = readTimer({ events, priority: 1 }, new Date(T0 + 75 * MIN), S);
    expect(
      chipText({
        status: s,
        settings: S,
        priority: 1,
        now: T0 + 75 * MIN,
        noticeDueAt: null,
        untimed: 0,
        phoneLogged: false,
      }),
    ).toBe('Påminnelse skickad · försök 2 av 2 · 1 tim 00 min kvar · telefon krävs');
  });
});

describe('queueView: order and colours of Väntar i kö (R-Q-1)', () => {
  const t = thresholdsFrom(defaultRuleSet.timers);
  const now = new Date(T0 + 60 * MIN);
  const item = (index: number, priority: number | null, arrivedMin: number | null) => ({
    index,
    key: `/besok/${index}`,
    priority,
    patientName: `P${index}`,
    arrivedAt: arrivedMin === null ? '' : iso(arrivedMin),
  });

  it('R-Q-1: order is priority then arrival; amber from 10 min, red from 15; unreadable arrival is red', () => {
    const views = queueView(
      [
        item(0, 3, 10),
        item(1, 5, 30),
        item(2, 2, 48),
        item(3, 1, 57),
        item(4, 2, 45),
        item(5, null, 0),
        item(6, 4, null),
      ],
      now,
      t,
    );
    // An unknown priority is worked as urgent as 1 (fail safe, shared/queue.ts), by arrival.
    expect(views.map((v) => v.order)).toEqual([5, 7, 4, 2, 3, 1, 6]);
    expect(views.map((v) => v.urgency)).toEqual(['red', 'red', 'amber', 'ok', 'red', 'red', 'red']);
    expect(views[3]!.waited).toBe(3);
  });

  it('R-Q-1: the 1 s tick on the same rows moves the minutes and colours; new rows are ordered anew', () => {
    const rows = [item(0, 3, 50), item(1, 2, 55)];
    expect(queueView(rows, now, t).map((v) => [v.order, v.urgency])).toEqual([
      [2, 'amber'],
      [1, 'ok'],
    ]);
    const later = new Date(now.getTime() + 6 * MIN);
    expect(queueView(rows, later, t).map((v) => [v.order, v.waited, v.urgency])).toEqual([
      [2, 16, 'red'],
      [1, 11, 'amber'],
    ]);
    // The next change of the page: another array, another order (priority 1 arrived).
    const next = [...rows, item(2, 1, 59)];
    expect(queueView(next, later, t).map((v) => v.order)).toEqual([3, 2, 1]);
  });

  it('R-Q-1: thresholds come from the rule set', () => {
    const views = queueView([item(0, 3, 58)], now, { amberAfterMinutes: 1, redAfterMinutes: 2 });
    expect(views[0]!.urgency).toBe('red');
  });
});

describe('queue notifications and the shift (R-Q-1, R-S-4)', () => {
  it('R-Q-1: an unreadable shift turns the queue check off and says why, never silently', () => {
    expect(notifyStateOf({ known: false, reason: 'missing' })).toBe('off-unknown');
    expect(notifyStateOf({ known: true, value: 'none' })).toBe('off-no-shift');
    expect(notifyStateOf({ known: true, value: 'ongoing' })).toBe('on');
  });

  it('R-Q-1: the red mark is acceptWithinMinutes, also when a rule set changes it', () => {
    expect(thresholdsFrom({ ...defaultRuleSet.timers, acceptWithinMinutes: 20 }).redAfterMinutes).toBe(20);
  });

  it('R-Q-4: the handed-over list is shown only when the snapshot carries it (unknown is not "none")', () => {
    const unread = { handedOver: { known: false, reason: 'missing' } } as unknown as ClinicSnapshot;
    expect(handedOverRows(unread)).toBeNull();
    const rows = [{ priority: 2, patientName: 'A', arrivedAt: '2024-06-03T07:00:00Z', handedOverAt: null }];
    expect(handedOverRows({ handedOver: { known: true, value: rows } } as unknown as ClinicSnapshot)).toEqual(rows);
  });
});
