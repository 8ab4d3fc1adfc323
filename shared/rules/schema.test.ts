import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { SelectorOverrides, SelectorStrategy } from '../selector-strategy';
import {
  defaultRuleSet,
  parseRuleSet,
  type RuleSet,
  ruleSetSchema,
  type selectorOverridesSchema,
  type selectorStrategySchema,
} from './index';
import { fillPhrase } from './phrases';

/** A deep copy to break in one place. */
const copy = (): Record<string, unknown> & RuleSet => structuredClone(defaultRuleSet) as never;

function errorsOf(input: unknown) {
  const result = parseRuleSet(input);
  if (result.ok) throw new Error('expected the rule set to be refused');
  return result.errors;
}

describe('defaultRuleSet (Region Uppsala)', () => {
  it('passes its own schema', () => {
    expect(ruleSetSchema.safeParse(defaultRuleSet).success).toBe(true);
    const result = parseRuleSet(defaultRuleSet);
    expect(result).toEqual({ ok: true, rules: defaultRuleSet });
  });

  it('carries the 1177 direkt rules as data', () => {
    expect(defaultRuleSet.contactChannels.chatt.vardkontakt).toBe(
      'Skriftlig kontakt kvalificerad utan ekonomi (chatt)',
    );
    expect(defaultRuleSet.contactChannels.chatt.vardtjanst.allowed).toEqual(['ingen']); // R-J-3
    expect(defaultRuleSet.contactChannels.telefon.vardtjanst.allowed).toEqual(['ingen']); // R-J-3
    expect(defaultRuleSet.contactChannels.video.vardtjanst).toEqual({
      required: true,
      allowed: ['1177 direkt Nytt hälsotillstånd', '1177 direkt Känt hälsotillstånd'],
    }); // R-J-4
    expect(defaultRuleSet.restrictions).toContainEqual(
      expect.objectContaining({ id: 'R-J-5', role: 'Sjuksköterska', forbidKontaktsatt: 'video', fallback: 'telefon' }),
    );
    expect(defaultRuleSet.channelPrecedence).toEqual(['video', 'telefon', 'chatt']);
    expect(defaultRuleSet.timers).toEqual({
      replyWindowMinutes: 120,
      minAttempts: 2,
      phonePriorities: [1, 2],
      noticeAfterMinutes: 10,
      acceptWithinMinutes: 15,
      queueAmberAfterMinutes: 10,
    });
    // R-NR-1: the window is a placeholder filled from the timers: "två (2) timmar" with 120 minutes.
    expect(defaultRuleSet.phrases.noReplyNotice).toContain('{svarstid}');
    expect(fillPhrase(defaultRuleSet.phrases.noReplyNotice, defaultRuleSet.timers)).toMatch(/inom två \(2\) timmar,/);
    expect(defaultRuleSet.protectedIdentity.routine.placeholder).toBe(true);
  });
});

describe('selector overrides mirror shared/selector-strategy.ts', () => {
  it('has exactly the same types', () => {
    expectTypeOf<z.infer<typeof selectorStrategySchema>>().toEqualTypeOf<SelectorStrategy>();
    expectTypeOf<z.infer<typeof selectorOverridesSchema>>().toEqualTypeOf<SelectorOverrides>();
  });

  it('accepts every strategy kind and refuses unknown fields, kinds and uncompilable patterns', () => {
    const rules = copy();
    rules.selectorOverrides = {
      patientId: [
        { kind: 'label', label: 'Personnummer', exact: true },
        { kind: 'heading', text: 'Patient' },
        { kind: 'role', role: 'heading', name: 'Patient' },
        { kind: 'term', term: 'Personnummer' },
        { kind: 'text-pattern', pattern: '\\d{8}-\\d{4}' },
        { kind: 'css', selector: '[data-testid="pnr"]' },
      ],
    };
    expect(parseRuleSet(rules).ok).toBe(true);

    const bad = copy() as Record<string, unknown>;
    bad.selectorOverrides = {
      patientId: [
        { kind: 'text-pattern', pattern: '(\\d{8}' },
        { kind: 'xpath', path: '//div' },
      ],
      patientNamn: [{ kind: 'css', selector: 'h1' }],
      anamnesis: [],
    };
    const messages = errorsOf(bad).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^selectorOverrides\.patientId\[0\]\.pattern: är inget giltigt reguljärt uttryck/),
        "selectorOverrides.patientId[1].kind: måste vara något av: 'label', 'heading', 'role', 'term', 'text-pattern', 'css'",
        'selectorOverrides.patientNamn: okänd nyckel – ta bort den eller rätta stavningen',
        'selectorOverrides.anamnesis: får inte vara en tom lista',
      ]),
    );
  });
});

describe('validation messages (Swedish, naming the path)', () => {
  it('a bad timer', () => {
    const rules = copy();
    (rules.timers as Record<string, unknown>).replyWindowMinutes = 0;
    expect(errorsOf(rules)).toEqual([
      {
        path: 'timers.replyWindowMinutes',
        message: 'timers.replyWindowMinutes: måste vara ett heltal större än 0',
        id: 'positive-int',
      },
    ]);
    (rules.timers as Record<string, unknown>).replyWindowMinutes = 1.5;
    expect(errorsOf(rules)[0]!.message).toBe('timers.replyWindowMinutes: måste vara ett heltal större än 0');
    (rules.timers as Record<string, unknown>).replyWindowMinutes = '120';
    expect(errorsOf(rules)[0]!.message).toBe('timers.replyWindowMinutes: måste vara ett heltal större än 0');
  });

  it('lists several errors at once, structural and cross-field together', () => {
    const rules = copy() as Record<string, unknown> & RuleSet;
    rules.timers = { ...rules.timers, replyWindowMinutes: -5, queueAmberAfterMinutes: 20 };
    rules.restrictions = [{ ...rules.restrictions[0]!, unit: '1177 direkt Upsala län', role: 'Sjukskoterska' }];
    rules.phrases = { ...rules.phrases, noReplyNote: '  ' };
    (rules.meta as Record<string, unknown>).updatedAt = 'igår';
    rules.cosmicIdFormat = 'ÅÅÅÅMMDD' as never;
    rules.reservnummerPatterns = ['[A-Z'];
    rules.protectedIdentity = { ...rules.protectedIdentity, markers: [] };
    rules.units = [...rules.units, '1177 direkt Uppsala län'];
    rules.extra = true;
    delete (rules as Partial<RuleSet>).retention;

    const errors = errorsOf(rules);
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'timers.replyWindowMinutes',
        'restrictions[0].unit',
        'restrictions[0].role',
        'phrases.noReplyNote',
        'meta.updatedAt',
        'cosmicIdFormat',
        'reservnummerPatterns[0]',
        'protectedIdentity.markers',
        'units[1]',
        'extra',
        'retention',
      ]),
    );
    const messages = errors.map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "restrictions[0].unit: '1177 direkt Upsala län' finns inte i units",
        "restrictions[0].role: 'Sjukskoterska' finns inte i roles",
        'phrases.noReplyNote: får inte vara tom',
        'meta.updatedAt: måste vara ett datum i formatet ÅÅÅÅ-MM-DD',
        "cosmicIdFormat: måste vara något av: 'YYYYMMDD-NNNN', 'YYYYMMDDNNNN'",
        'protectedIdentity.markers: får inte vara en tom lista',
        "units[1]: '1177 direkt Uppsala län' förekommer mer än en gång",
        'extra: okänd nyckel – ta bort den eller rätta stavningen',
        'retention: saknas',
      ]),
    );
    for (const e of errors) expect(e.message.startsWith(`${e.path}: `)).toBe(true);
  });

  it('amber must come before red (the R-Q-1 deadline); a separate red mark no longer exists in version 3', () => {
    const rules = copy();
    rules.timers = { ...rules.timers, queueAmberAfterMinutes: 15 };
    expect(errorsOf(rules)).toEqual([
      {
        path: 'timers.acceptWithinMinutes',
        message: 'timers.acceptWithinMinutes: måste vara större än queueAmberAfterMinutes',
        id: 'after-amber',
      },
    ]);
    const withRed = { ...copy(), timers: { ...copy().timers, queueRedAfterMinutes: 15 } };
    expect(errorsOf(withRed as unknown as RuleSet).map((e) => e.path)).toEqual(['timers.queueRedAfterMinutes']);
  });

  it('channels: precedence must name each kontaktsätt once; a required vårdtjänst cannot be "ingen"', () => {
    const rules = copy();
    rules.channelPrecedence = ['video', 'video', 'chatt'];
    rules.contactChannels.video.vardtjanst.allowed = ['ingen'];
    expect(errorsOf(rules).map((e) => e.message)).toEqual(
      expect.arrayContaining([
        "channelPrecedence[1]: 'video' förekommer mer än en gång",
        "channelPrecedence: saknar 'telefon'",
        "contactChannels.video.vardtjanst.allowed: 'ingen' kan inte vara tillåten när en vårdtjänst krävs",
      ]),
    );
  });

  it('restriction: the fallback cannot be the forbidden contact; ids are unique', () => {
    const rules = copy();
    const r = rules.restrictions[0]!;
    rules.restrictions = [{ ...r, fallback: 'video' }, { ...r }];
    expect(errorsOf(rules).map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'restrictions[0].fallback: får inte vara samma kontaktsätt som forbidKontaktsatt',
        "restrictions[1].id: 'R-J-5' förekommer mer än en gång",
      ]),
    );
  });

  it('template: R-J-6 keywords required once each; the no-reply keyword must exist', () => {
    const rules = copy();
    rules.template = {
      ...rules.template,
      keywords: rules.template.keywords.filter((k) => k.fill !== 'images'),
      noReplyKeyword: 'Anteckning',
    };
    expect(errorsOf(rules).map((e) => e.message)).toEqual(
      expect.arrayContaining([
        "template.keywords: måste ha exakt ett sökord med fill 'images' (R-J-6), har 0",
        "template.noReplyKeyword: 'Anteckning' finns inte bland keywords",
      ]),
    );
  });

  it('the routine link must be a web address', () => {
    const rules = copy();
    rules.protectedIdentity.routine.url = 'intranät/rutin';
    expect(errorsOf(rules)).toEqual([
      {
        path: 'protectedIdentity.routine.url',
        message: 'protectedIdentity.routine.url: måste vara en giltig webbadress (http eller https)',
        id: 'invalid-url',
      },
    ]);
  });

  it('wrong types say what was expected and what was found', () => {
    const rules = copy() as Record<string, unknown>;
    rules.units = 'Uppsala';
    expect(errorsOf(rules)[0]!.message).toBe('units: måste vara en lista, inte text');
  });
});
