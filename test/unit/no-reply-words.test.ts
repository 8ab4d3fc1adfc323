// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Chip } from '../../extension/entrypoints/sidepanel/no-reply-card';
import { chipView } from '../../extension/lib/no-reply-chip';
import { chipModel } from '../../extension/lib/no-reply-model';
import { dueNotification, durationWords, type NoReplyTimer, readTimer } from '../../extension/lib/no-reply-timers';
import { reasonTexts, reasonWords } from '../../extension/lib/no-reply-words';
import { splitRuleIds } from '../../extension/lib/rule-ids';
import {
  DEFAULT_NO_REPLY_SETTINGS,
  type NoReplyEvent,
  type NoReplyEventType,
  type NoReplyReason,
  type NoReplyReasonId,
  type NoReplySettings,
  readNoReply,
} from '../../shared/no-reply';
import { durationText } from '../../shared/rules/phrases';
import { inEnglish } from './in-english';

/**
 * Issue 14: the no-reply status's reasons (R-NR-1..5) are worded by the extension in the browser's
 * language. In Swedish they must say exactly what shared/no-reply.ts says, for every state,
 * attempt count, phone requirement, priority and ignored-event count, under any timers.
 */
const T0 = Date.parse('2024-06-03T07:00:00.000Z');
const MIN = 60_000;
const iso = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();
const ev = (type: NoReplyEventType, minutes: number): NoReplyEvent => ({ type, at: iso(minutes) });
const S = DEFAULT_NO_REPLY_SETTINGS;

const SETTINGS: NoReplySettings[] = [
  S,
  { replyWindowMinutes: 60, minAttempts: 1, phonePriorities: [1], noticeAfterMinutes: 1 },
  { replyWindowMinutes: 90, minAttempts: 3, phonePriorities: [], noticeAfterMinutes: 60 },
  { replyWindowMinutes: 1, minAttempts: 5, phonePriorities: [1, 2, 3, 4, 5], noticeAfterMinutes: 90 },
  { replyWindowMinutes: 720, minAttempts: 2, phonePriorities: [3], noticeAfterMinutes: 15 },
  { replyWindowMinutes: 780, minAttempts: 2, phonePriorities: [1, 2], noticeAfterMinutes: 45 },
  { replyWindowMinutes: 1440, minAttempts: 1, phonePriorities: [2], noticeAfterMinutes: 120 },
];
const BAD = [
  { type: 'bogus', at: iso(1) },
  { type: 'clinician-message', at: 'not a time' },
] as unknown as NoReplyEvent[];

/** Every kind of log: chats, a notice, a phone attempt, closing, a late answer, bad events. */
function* everyLog(): Generator<NoReplyEvent[]> {
  for (const patientFirst of [true, false])
    for (const chats of [0, 1, 2, 3])
      for (const notice of [true, false])
        for (const phone of [true, false])
          for (const closed of [true, false])
            for (const answered of [true, false])
              for (const bad of [0, 1, 2])
                yield [
                  ...(patientFirst ? [ev('patient-message', 0)] : []),
                  ...Array.from({ length: chats }, (_, i) => ev('clinician-message', 5 + i)),
                  ...(notice ? [ev('notice-sent', 8)] : []),
                  ...(phone ? [ev('phone-attempt', 9)] : []),
                  ...(closed ? [ev('visit-closed', 10)] : []),
                  ...(answered ? [ev('patient-message', 11)] : []),
                  ...BAD.slice(0, bad),
                ];
}

const SWEDISH = /[åäöÅÄÖ]|\b(och|att|inte|inget|patienten|ärendet|svar|timmar|timme|minuter|minut|prioritet|ring)\b/i;
const ALL_IDS: NoReplyReasonId[] = [
  'ignored-events',
  'closed',
  'idle',
  'awaiting-patient',
  'notice-suggested',
  'notice-sent',
  'window-passed',
  'attempts-missing',
  'call-required',
  'call-attempted',
  'no-sms',
  'close-now',
];

describe('the no-reply reasons’ words', () => {
  // Every distinct reason the sweep met, with shared/'s Swedish for it.
  const met = new Map<string, { reason: NoReplyReason; swedish: string }>();

  it('say in Swedish exactly what shared/ says, in every state, under every kind of timers', () => {
    let readings = 0;
    for (const settings of SETTINGS) {
      const instants = [9.5, 5 + settings.noticeAfterMinutes, 8 + settings.replyWindowMinutes - 0.5, 100_000];
      for (const events of everyLog())
        for (const minutes of instants)
          for (const priority of [null, 1, 2, 3, 4, 5, 7]) {
            const { status, notes } = readNoReply(events, new Date(T0 + minutes * MIN), settings, priority);
            expect(notes.length).toBe(status.reasons.length);
            notes.forEach((reason, i) => {
              const key = JSON.stringify(reason);
              if (met.has(key)) return;
              met.set(key, { reason, swedish: status.reasons[i]! });
              expect(reasonWords(reason), key).toBe(status.reasons[i]);
            });
            readings++;
          }
    }
    expect(readings).toBeGreaterThan(10_000);
    expect(new Set([...met.values()].map((m) => m.reason.id))).toEqual(new Set(ALL_IDS));
  });

  it('say them in English with no Swedish, led by the same rule ID', () => {
    expect(met.size).toBeGreaterThan(30);
    for (const { reason, swedish } of met.values()) {
      const english = inEnglish(() => reasonWords(reason));
      expect(english, swedish).not.toMatch(SWEDISH);
      expect(english).not.toBe(swedish);
      expect(splitRuleIds(english).ids, english).toEqual(splitRuleIds(swedish).ids);
    }
  });

  it('word the durations as shared/ does in Swedish, and plainly in English', () => {
    for (const minutes of [1, 2, 10, 15, 45, 59, 60, 61, 90, 120, 180, 720, 780, 1440])
      expect(durationWords(minutes), String(minutes)).toBe(durationText(minutes));
    const english = (minutes: number) => inEnglish(() => durationWords(minutes));
    expect([1, 10, 90, 60, 120, 780].map(english)).toEqual([
      '1 minute',
      '10 minutes',
      '90 minutes',
      '1 hour',
      '2 hours',
      '13 hours',
    ]);
  });
});

describe('a record written before the reasons had IDs', () => {
  // As the previous version stored it: the status's Swedish reasons, no IDs anywhere.
  const old: NoReplyTimer = {
    id: '0123456789abcdef0123456789abcdef',
    updatedAt: iso(20),
    visitUrl: 'https://clinic.example/arende/1',
    tabId: null,
    windowId: null,
    priority: 2,
    events: [ev('patient-message', 0), ev('clinician-message', 5), ev('notice-sent', 15)],
    status: {
      state: 'notice-sent',
      attempts: 2,
      deadline: iso(135),
      phoneRequired: true,
      canClose: false,
      reasons: [
        'R-NR-1: Patienten har fått besked att svara inom två (2) timmar; ärendet kan stängas tidigast när svarstiden gått ut',
      ],
    },
    evaluatedAt: iso(20),
    wakeAt: iso(135),
    notified: null,
  };
  const page = { events: [], untimed: 0, unknownAuthors: 0, unsure: [], priority: 2 };
  const now = new Date(T0 + 200 * MIN);

  it('is read again from its events: the card words the reasons of now, in either language', () => {
    const model = chipModel(page, old, now, S);
    expect(model.status.state).toBe('deadline-passed');
    expect(reasonTexts(model.status, model.notes)).toEqual(model.status.reasons);
    const english = inEnglish(() => reasonTexts(model.status, model.notes));
    expect(english).toContain('R-NR-3: Priority 2 – call the patient before the case is closed');
    for (const line of english) expect(line).not.toMatch(SWEDISH);
  });

  it('its stored status alone, without IDs, still shows its Swedish reasons as they are', () => {
    expect(reasonTexts(old.status)).toEqual(old.status.reasons);
    expect(inEnglish(() => reasonTexts(old.status))).toEqual(old.status.reasons);
  });

  it('R-NR-3: its notification asks for the call by the reason’s ID, in the browser’s language', () => {
    const due = (timer: NoReplyTimer) => dueNotification(timer, readTimer(timer, now, S), S)!;
    expect(due(old).message).toContain('Ring patienten innan ärendet stängs (R-NR-3).');
    expect(inEnglish(() => due(old).message)).toContain('Call the patient before the case is closed (R-NR-3).');
    const called = { ...old, events: [...old.events, ev('phone-attempt', 30)] };
    expect(due(called).message).not.toContain('R-NR-3');
    expect(due({ ...old, priority: 3 }).message).not.toContain('R-NR-3');
  });
});

describe('the no-reply card in an English browser', () => {
  it('shows the reasons in English, none of shared/’s Swedish sentences', () => {
    const events = [ev('patient-message', 0), ev('notice-sent', 15)];
    const page = { events, untimed: 0, unknownAuthors: 0, unsure: [], priority: 2 };
    const model = chipModel(page, null, new Date(T0 + 200 * MIN), S);
    expect(model.status.state).toBe('deadline-passed');
    const root = document.createElement('div');
    const noop = () => {};
    inEnglish(() =>
      render(
        h(Chip, {
          model: chipView(model, null, false),
          actions: { onInsert: noop, onPhone: noop, onUndoPhone: noop, onMarkNotice: noop, onClose: noop },
        }),
        root,
      ),
    );
    const text = root.textContent ?? '';
    for (const swedish of model.status.reasons) expect(text).not.toContain(splitRuleIds(swedish).text);
    expect(text).toContain('1 of at least 2 contact attempts made by chat');
    expect(text).toContain('Priority 2 – call the patient before the case is closed');
    expect(text).toContain('The patient gets no text message about new chat messages');
    render(null, root);
  });
});
