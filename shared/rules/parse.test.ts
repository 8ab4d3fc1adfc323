import { describe, expect, it } from 'vitest';
import { applyRuleSetUpdate, CURRENT_SCHEMA_VERSION, defaultRuleSet, parseRuleSet, type RuleSet } from './index';

describe('parseRuleSet never throws', () => {
  it.each([
    [null, 'regeluppsättningen: måste vara ett objekt', { id: 'must-be-object' }],
    [42, 'regeluppsättningen: måste vara ett objekt', { id: 'must-be-object' }],
    [[], 'regeluppsättningen: måste vara ett objekt', { id: 'must-be-object' }],
    [undefined, 'regeluppsättningen: måste vara ett objekt', { id: 'must-be-object' }],
    [
      '{inte json',
      expect.stringMatching(/^regeluppsättningen: är inte giltig JSON/),
      { id: 'not-json', values: [expect.any(String)] },
    ],
  ])('%j → one clear error', (input, message, words) => {
    expect(parseRuleSet(input)).toEqual({ ok: false, errors: [{ path: '', message, ...words }] });
  });

  it('a throwing getter is an error, not an exception', () => {
    const hostile = {
      schemaVersion: 2,
      get meta(): never {
        throw new Error('boom');
      },
    };
    const result = parseRuleSet(hostile);
    expect(result.ok).toBe(false);
  });

  it('accepts the rule set as JSON text (a superuser pasting a file)', () => {
    expect(parseRuleSet(JSON.stringify(defaultRuleSet))).toEqual({ ok: true, rules: defaultRuleSet });
  });

  it('schemaVersion missing, malformed or from the future → a clear error', () => {
    const { schemaVersion: _, ...noVersion } = defaultRuleSet;
    expect(parseRuleSet(noVersion)).toEqual({
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: 'schemaVersion: saknas (nuvarande version är 3)',
          id: 'version-missing',
          values: ['3'],
        },
      ],
    });
    expect(parseRuleSet({ ...defaultRuleSet, schemaVersion: '2' })).toEqual({
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: 'schemaVersion: måste vara ett heltal från 1 till 3',
          id: 'version-not-integer',
          values: ['3'],
        },
      ],
    });
    const future = parseRuleSet({ ...defaultRuleSet, schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    expect(future).toEqual({
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: `schemaVersion: version ${CURRENT_SCHEMA_VERSION + 1} är nyare än den här versionen av Clinic Companion kan läsa (högst ${CURRENT_SCHEMA_VERSION}) – uppdatera tillägget`,
          id: 'version-too-new',
          values: [String(CURRENT_SCHEMA_VERSION + 1), String(CURRENT_SCHEMA_VERSION)],
        },
      ],
    });
  });
});

describe('applyRuleSetUpdate: a malformed rule set is refused with every error listed; the last good stays', () => {
  const good: RuleSet = { ...defaultRuleSet, meta: { ...defaultRuleSet.meta, version: '1.1.0' } };

  it('accepts a valid update', () => {
    expect(applyRuleSetUpdate(defaultRuleSet, good)).toEqual({ rules: good });
  });

  it('refuses a malformed one, keeping the current rules, with all errors', () => {
    const bad = {
      ...good,
      timers: { ...good.timers, replyWindowMinutes: 0, queueAmberAfterMinutes: 20 },
      phrases: { ...good.phrases, pauseNotice: '' },
    };
    const update = applyRuleSetUpdate(good, bad);
    expect(update.rules).toBe(good);
    expect(update.refused).toHaveLength(3);
    expect(update.refused?.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'timers.replyWindowMinutes: måste vara ett heltal större än 0',
        'timers.acceptWithinMinutes: måste vara större än queueAmberAfterMinutes',
        'phrases.pauseNotice: får inte vara tom',
      ]),
    );
  });

  it('refuses garbage and a future version alike', () => {
    expect(applyRuleSetUpdate(good, 'nonsens').rules).toBe(good);
    expect(applyRuleSetUpdate(good, { ...good, schemaVersion: 99 }).refused).toHaveLength(1);
  });
});
