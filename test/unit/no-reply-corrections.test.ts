import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../extension/clinic/snapshot';
import {
  closedTimer,
  isNoReplyAction,
  undoablePhoneAttempts,
  withLoggedPhoneAttempt,
  withMarkedNotice,
  withoutLastPhoneAttempt,
} from '../../extension/lib/no-reply-actions';
import { chatEvents, noticeMatch, noticePhraseOf } from '../../extension/lib/no-reply-chat';
import { chipText, noticeLabel } from '../../extension/lib/no-reply-chip';
import { type NoReplyTimer, readTimer, STATE_TEXT, settingsFrom } from '../../extension/lib/no-reply-timers';
import type { NoReplyEvent, NoReplyEventType } from '../../shared/no-reply';
import { defaultRuleSet } from '../../shared/rules/default';

const T0 = Date.parse('2024-06-03T07:00:00.000Z');
const MIN = 60_000;
const iso = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();
const ev = (type: NoReplyEventType, minutes: number): NoReplyEvent => ({ type, at: iso(minutes) });
const msg = (author: ChatMessage['author'], minutes: number, text = 'Hej'): ChatMessage => ({
  author,
  at: iso(minutes),
  text,
  images: 0,
});
const S = settingsFrom(defaultRuleSet.timers);
const NOTICE = noticePhraseOf(defaultRuleSet);
const PHONE_CALL = /^(Ljudsamtal|Telefonsamtal)\b/u;
const OPTS = { phrase: NOTICE, replyWindowMinutes: 120, isPhoneCall: (t: string) => PHONE_CALL.test(t) };
const record = (events: NoReplyEvent[]): Pick<NoReplyTimer, 'events' | 'loggedPhoneAttempts' | 'markedNotices'> => ({
  events,
});

describe('R-NR-1: an edited notice still counts when it keeps its essentials', () => {
  it('R-NR-1: the rule set’s phrase, filled from the timers, is the notice', () => {
    expect(NOTICE).toContain('svara inom två (2) timmar, annars avslutas ärendet');
    expect(noticeMatch(`Hej Anna! ${NOTICE}`, NOTICE, 120)).toBe('notice');
  });

  it('R-NR-1: reworded but with the window and the closing → counts as the notice', () => {
    for (const text of [
      'Hej! Vi behöver ditt svar inom 2 timmar, annars stängs ärendet.',
      'Svara inom två (2) timmar, annars avslutas ditt ärende och du får göra en ny kontakt.',
    ])
      expect(noticeMatch(text, NOTICE, 120), text).toBe('notice');
  });

  it('R-NR-1: a window other than the rule set’s, or missing the closing, is unsure (the clinician may mark it)', () => {
    expect(noticeMatch('Svara inom 1 timme, annars avslutas ärendet.', NOTICE, 120)).toBe('unsure');
    expect(noticeMatch('Svara gärna inom två timmar.', NOTICE, 120)).toBe('unsure');
    expect(noticeMatch('Om du inte svarar avslutas ärendet.', NOTICE, 120)).toBe('unsure');
    expect(noticeMatch('Har du haft feber i 2 timmar?', NOTICE, 120)).toBe('none');
  });

  it('R-NR-1: chatEvents reports unsure messages; marking one makes it the notice, only an existing message', () => {
    const read = chatEvents(
      [msg('patient', 0), msg('clinician', 5, 'Har du feber?'), msg('clinician', 20, 'Svara inom en timme tack.')],
      OPTS,
    );
    expect(read.unsure).toEqual([iso(20)]);
    expect(read.events.map((e) => e.type)).toEqual(['patient-message', 'clinician-message', 'clinician-message']);
    const marked = withMarkedNotice(record(read.events), iso(20))!;
    expect(readTimer({ events: marked.events, priority: 3 }, new Date(T0 + 30 * MIN), S).status.state).toBe(
      'notice-sent',
    );
    expect(marked.markedNotices).toEqual([iso(20)]);
    // No such message: nothing is invented.
    expect(withMarkedNotice(record(read.events), iso(21))).toBeNull();
    expect(withMarkedNotice(record(read.events), 'igår')).toBeNull();
  });
});

describe('R-NR-3: a telephone attempt is one fact', () => {
  it('R-NR-3: the console’s own phone call is a phone attempt for the chip', () => {
    const read = chatEvents(
      [
        msg('patient', 0),
        msg('clinician', 5, 'Har du feber?'),
        msg('system', 8, 'Ljudsamtal avslutat (3 min)'),
        msg('system', 9, 'Videosamtal avslutat (3 min)'),
        msg('system', 10, 'Besöket har avslutats'),
      ],
      OPTS,
    );
    expect(read.events).toEqual([ev('patient-message', 0), ev('clinician-message', 5), ev('phone-attempt', 8)]);
    const events = [...read.events, ev('clinician-message', 9), ev('notice-sent', 15)];
    const { status } = readTimer({ events, priority: 2 }, new Date(T0 + 136 * MIN), S);
    expect(status.state).toBe('ready-to-close');
  });

  it('R-NR-3: "Ringt patienten" logs an attempt that can be undone; a console call cannot be undone', () => {
    const base = record([ev('patient-message', 0), ev('clinician-message', 5), ev('phone-attempt', 6)]);
    const logged = withLoggedPhoneAttempt(base, new Date(T0 + 10 * MIN));
    expect(logged.events.filter((e) => e.type === 'phone-attempt')).toHaveLength(2);
    expect(undoablePhoneAttempts(logged)).toEqual([iso(10)]);
    const undone = withoutLastPhoneAttempt(logged)!;
    expect(undone.events).toEqual(base.events);
    expect(undoablePhoneAttempts(undone)).toEqual([]);
    // Nothing logged by the clinician: nothing to undo (the console's call at 6 stays).
    expect(withoutLastPhoneAttempt(undone)).toBeNull();
  });

  it('R-NR-3: an undone attempt no longer satisfies the phone requirement', () => {
    const base = record([ev('patient-message', 0), ev('clinician-message', 5), ev('notice-sent', 15)]);
    const at = new Date(T0 + 140 * MIN);
    const logged = withLoggedPhoneAttempt(base, at);
    expect(readTimer({ events: logged.events, priority: 1 }, at, S).status.canClose).toBe(true);
    const undone = withoutLastPhoneAttempt(logged)!;
    expect(readTimer({ events: undone.events, priority: 1 }, at, S).status.state).toBe('deadline-passed');
  });
});

describe('R-NR-4: a closed visit stops the timer', () => {
  it('R-NR-4: closing adds one visit-closed event; the status is closed, facts kept', () => {
    const base = record([ev('patient-message', 0), ev('clinician-message', 5), ev('phone-attempt', 7)]);
    const closed = closedTimer(base, new Date(T0 + 8 * MIN));
    expect(readTimer({ events: closed.events, priority: 1 }, new Date(T0 + 500 * MIN), S).status.state).toBe('closed');
    expect(closed.events.some((e) => e.type === 'phone-attempt')).toBe(true);
    expect(closedTimer(closed, new Date(T0 + 9 * MIN))).toBe(closed);
  });
});

describe('R-NR-1: every time in the chip comes from the rule set', () => {
  it('R-NR-1: no "2 timmar" hard-coded: labels follow replyWindowMinutes', () => {
    expect(Object.values(STATE_TEXT).join(' ')).not.toMatch(/\d/);
    expect(noticeLabel(S)).toBe('Infoga meddelandet om svarstid (två (2) timmar)');
    const hour = { ...S, replyWindowMinutes: 60 };
    expect(noticeLabel(hour)).toBe('Infoga meddelandet om svarstid (1 timme)');
    const events = [ev('patient-message', 0), ev('clinician-message', 5)];
    const { status } = readTimer({ events, priority: 3 }, new Date(T0 + 16 * MIN), hour);
    const text = chipText({
      status,
      settings: hour,
      priority: 3,
      now: T0 + 16 * MIN,
      noticeDueAt: null,
      untimed: 0,
      phoneLogged: false,
    });
    expect(text).toContain('Skicka påminnelse om svarstid (1 timme)');
    expect(text).not.toContain('2 timmar');
  });
});

describe('no-reply action messages', () => {
  it('only well-formed actions are accepted by the background', () => {
    const ok = {
      type: 'no-reply-action',
      action: 'undo-phone-attempt',
      visitKey: '/besok/1',
      visitUrl: 'http://x/besok/1',
    };
    expect(isNoReplyAction(ok)).toBe(true);
    expect(isNoReplyAction({ ...ok, action: 'delete' })).toBe(false);
    expect(isNoReplyAction({ ...ok, at: 5 })).toBe(false);
    expect(isNoReplyAction(null)).toBe(false);
  });
});

describe('R-NR-4: a chat author that could not be recognised', () => {
  it('R-NR-4: a message of unknown author after the notice keeps the case open (it may be the reply)', () => {
    const read = chatEvents(
      [
        msg('patient', 0),
        msg('clinician', 5, 'Har du feber?'),
        msg('clinician', 15, NOTICE),
        msg('unknown', 60, 'Ja, lite'),
      ],
      OPTS,
    );
    expect(read.unknownAuthors).toBe(1);
    const { status } = readTimer({ events: read.events, priority: 3 }, new Date(T0 + 200 * MIN), S);
    expect(status.canClose).toBe(false);
    expect(status.state).not.toBe('ready-to-close');
  });
});
