import { describe, expect, it } from 'vitest';
import { chipView } from '../../extension/lib/no-reply-chip';
import { feedbackOf } from '../../extension/lib/no-reply-feedback';
import { chipModel, type PageFacts } from '../../extension/lib/no-reply-model';
import { settingsFrom } from '../../extension/lib/no-reply-timers';
import { defaultRuleSet } from '../../shared/rules/default';

const T0 = Date.parse('2024-06-03T07:00:00.000Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const S = settingsFrom(defaultRuleSet.timers);
/** The notice sent 5 minutes after the patient's message: a two-hour countdown runs. */
const PAGE: PageFacts = {
  events: [
    { type: 'patient-message', at: iso(T0) },
    { type: 'clinician-message', at: iso(T0 + 2 * MIN) },
    { type: 'notice-sent', at: iso(T0 + 5 * MIN) },
  ],
  untimed: 0,
  unknownAuthors: 0,
  unsure: [],
  priority: 3,
  closed: false,
};
const viewAt = (ms: number) => JSON.stringify(chipView(chipModel(PAGE, null, new Date(ms), S), null, false));

describe('the no-reply card’s model for the side panel (issue 14)', () => {
  it('plain JSON with the line worded: no clock in it, so an unchanged line is an unchanged model', () => {
    const view = chipView(chipModel(PAGE, null, new Date(T0 + 10 * MIN), S), null, false);
    expect(view).not.toHaveProperty('now');
    expect(view).not.toHaveProperty('noticeDueAt');
    expect(view.line).toContain('1 tim 55 min kvar');
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    // The one-second tick: the same minute shows the same line, so nothing is sent.
    expect(viewAt(T0 + 10 * MIN + 1_000)).toBe(viewAt(T0 + 10 * MIN + 20_000));
    // A new minute is a new line, sent once.
    expect(viewAt(T0 + 11 * MIN + 1_000)).not.toBe(viewAt(T0 + 10 * MIN + 1_000));
  });
  it('feedback and a pending action are part of what is shown', () => {
    const m = chipModel(PAGE, null, new Date(T0 + 10 * MIN), S);
    expect(chipView(m, { ok: true, text: 'Klart' }, true)).toMatchObject({
      feedback: { ok: true, text: 'Klart' },
      busy: true,
    });
  });
});

describe('the card words what the tab did (issue 14: the tab sends outcomes, not sentences)', () => {
  const phrases = defaultRuleSet.phrases;
  it('done: the same sentences, with their rule IDs and the phone attempt’s Swedish time', () => {
    expect(feedbackOf({ done: 'insert-notice' }, phrases)).toEqual({
      ok: true,
      text: 'Meddelandet ligger i chattrutan – läs igenom och skicka det själv.',
    });
    // 07:00 UTC in June is 09:00 in Stockholm.
    expect(feedbackOf({ done: 'phone-attempt', at: iso(T0) }, phrases)?.text).toBe(
      'Telefonförsök registrerat kl. 09:00 (R-NR-3).',
    );
    expect(feedbackOf({ done: 'undo-phone-attempt' }, phrases)?.text).toBe('Telefonförsöket är borttaget.');
    expect(feedbackOf({ done: 'mark-notice' }, phrases)?.text).toContain('(R-NR-1)');
    expect(feedbackOf({ done: 'close-no-reply' }, phrases)?.text).toBe(
      'Journalpanelen är öppen: anteckning om uteblivet svar (R-NR-4).',
    );
    expect(feedbackOf(null, phrases)).toBeNull();
  });
  it('failed: said as errors, with the text to copy where there is one (the notice tried, the rule set’s note)', () => {
    expect(feedbackOf({ failed: 'insert-notice', composer: 'disabled', copy: 'Svara' }, phrases)).toEqual({
      ok: false,
      text: 'Chattrutan är låst (besöket pågår inte). Texten:',
      copy: 'Svara',
    });
    expect(feedbackOf({ failed: 'insert-notice', composer: 'missing', copy: 'Svara' }, phrases)?.text).toContain(
      'Hittade inte chattrutan',
    );
    const close = feedbackOf({ failed: 'close-no-reply' }, phrases);
    expect(close).toMatchObject({ ok: false, copy: phrases.noReplyNote });
    expect(close?.text).toContain('Journalpanelen kunde inte ställas om');
    expect(feedbackOf({ failed: 'phone-attempt' }, phrases)).toEqual({
      ok: false,
      text: 'Telefonförsöket kunde inte registreras – försök igen.',
    });
  });
});
