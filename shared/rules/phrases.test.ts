import { describe, expect, it } from 'vitest';
import { defaultRuleSet, parseRuleSet, type RuleSet } from './index';
import { countText, durationText, fillPhrase, statedAttempts, statedDurations } from './phrases';

const withTimers = (timers: Partial<RuleSet['timers']>, phrases: Partial<RuleSet['phrases']> = {}): RuleSet => ({
  ...defaultRuleSet,
  timers: { ...defaultRuleSet.timers, ...timers },
  phrases: { ...defaultRuleSet.phrases, ...phrases },
});
const errorsOf = (rules: RuleSet) => {
  const r = parseRuleSet(rules);
  return r.ok ? [] : r.errors.map((e) => e.message);
};

describe('phrase templates filled from the timers (R-NR-1, R-NR-2)', () => {
  it('R-NR-1: {svarstid} → "två (2) timmar" / "1 timme" / "90 minuter"', () => {
    expect(durationText(120)).toBe('två (2) timmar');
    expect(durationText(60)).toBe('1 timme');
    expect(durationText(90)).toBe('90 minuter');
    expect(durationText(1)).toBe('1 minut');
    expect(durationText(15)).toBe('15 minuter');
    expect(durationText(24 * 60)).toBe('24 timmar');
    const t = defaultRuleSet.timers;
    expect(fillPhrase('Svara inom {svarstid}.', { ...t, replyWindowMinutes: 60 })).toBe('Svara inom 1 timme.');
    expect(fillPhrase('Svara inom {svarstid}.', { ...t, replyWindowMinutes: 90 })).toBe('Svara inom 90 minuter.');
  });

  it('R-NR-2: {försök} → "två (2)"; the other timers too; an unknown placeholder is left as it is', () => {
    expect(countText(2)).toBe('två (2)');
    expect(countText(1)).toBe('ett (1)');
    expect(countText(20)).toBe('20');
    const t = defaultRuleSet.timers;
    expect(fillPhrase('{försök} försök, {påminnelsetid}, {mottagningstid}, {okänd}', t)).toBe(
      'två (2) försök, 10 minuter, 15 minuter, {okänd}',
    );
  });

  it('reads the times and counts a text states', () => {
    expect(
      statedDurations('svara inom två (2) timmar eller 90 minuter, 1 timme, 15 min').map((d) => d.minutes),
    ).toEqual([120, 90, 60, 15]);
    expect(statedDurations('ring 1177 eller 112, nästa dag')).toEqual([]);
    expect(statedDurations('två (3) timmar')[0]!.minutes).toBeNaN();
    expect(statedAttempts('Minst två (2) kontaktförsök').map((a) => a.count)).toEqual([2]);
  });
});

describe('the schema refuses a phrase contradicting the timers (R-NR-1, R-NR-2)', () => {
  it('R-NR-1: literal "2 timmar" while replyWindowMinutes is 60 → refused, in Swedish, naming the path', () => {
    const rules = withTimers(
      { replyWindowMinutes: 60 },
      { noReplyNotice: 'Du behöver svara inom 2 timmar, annars avslutas ärendet.' },
    );
    expect(errorsOf(rules)).toEqual([
      'phrases.noReplyNotice: anger tiden "2 timmar", men timers.replyWindowMinutes är 1 timme – skriv {svarstid} så följer texten reglerna',
    ]);
  });

  it('R-NR-1: the old literal "två (2) timmar" is refused once the window changes; the template follows it', () => {
    const literal = fillPhrase(defaultRuleSet.phrases.noReplyNotice, defaultRuleSet.timers);
    expect(errorsOf(withTimers({}, { noReplyNotice: literal }))).toEqual([]);
    expect(errorsOf(withTimers({ replyWindowMinutes: 90 }, { noReplyNotice: literal }))[0]).toMatch(
      /^phrases\.noReplyNotice: anger tiden "två \(2\) timmar", men timers\.replyWindowMinutes är 90 minuter/,
    );
    const rules = withTimers({ replyWindowMinutes: 90 });
    expect(errorsOf(rules)).toEqual([]);
    expect(fillPhrase(rules.phrases.noReplyNotice, rules.timers)).toContain('inom 90 minuter, annars');
  });

  it('R-NR-2: a note stating another number of attempts than minAttempts is refused', () => {
    const rules = withTimers({ minAttempts: 3 }, { noReplyNote: 'Inget svar trots två (2) kontaktförsök.' });
    expect(errorsOf(rules)).toEqual([
      'phrases.noReplyNote: anger "två (2) kontaktförsök", men timers.minAttempts är 3 – skriv {försök} så följer texten reglerna',
    ]);
  });

  it('a misspelt placeholder is refused in any phrase; other phrases may state other times', () => {
    expect(errorsOf(withTimers({}, { pauseNotice: 'Vi hör av oss inom {svarstd}.' }))[0]).toMatch(
      /^phrases\.pauseNotice: okänd platshållare \{svarstd\}/,
    );
    expect(errorsOf(withTimers({}, { pauseNotice: 'Vi hör av oss inom 24 timmar.' }))).toEqual([]);
  });
});
