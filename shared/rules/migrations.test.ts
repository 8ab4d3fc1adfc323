import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, defaultRuleSet, MIGRATIONS, parseRuleSet, ruleSetSchema } from './index';
import { isPlaceholderUrl, v001ToV002 } from './migrations/v001-to-v002';
import { v002ToV003 } from './migrations/v002-to-v003';
import { fillPhrase } from './phrases';

const examplesDir = path.join(import.meta.dirname, 'examples');
const readExample = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(examplesDir, file), 'utf8'));

describe('migration list', () => {
  it('is one contiguous chain from version 1 to the current version', () => {
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => [i + 1, i + 2]),
    );
  });
});

describe('every stored example migrates to the current schema', () => {
  const files = readdirSync(examplesDir).filter((f) => /^v\d+\.json$/.test(f));

  it('has an example for every old version', () => {
    expect(files.sort()).toEqual(MIGRATIONS.map((m) => `v${m.from}.json`).sort());
  });

  it.each(files)('%s', (file) => {
    const example = readExample(file);
    const result = parseRuleSet(example);
    expect(result.ok && result.rules).toBeTruthy();
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(Number(file.match(/\d+/)![0]));
    expect(ruleSetSchema.safeParse(result.rules).success).toBe(true);
  });
});

describe('v001-to-v002', () => {
  it('the stored v1 example (Region Uppsala) becomes the current default rule set', () => {
    const result = parseRuleSet(readExample('v1.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.migratedFrom).toBe(1);
    expect(result.rules.meta.version).toBe('0.9.0');
    // What version 2 added since (phrase templates, keywords marked "region to confirm", the
    // R-J-6 code reminder, the red mark = acceptWithinMinutes) is the only difference.
    const { timers, phrases, template, ...rest } = result.rules;
    const { timers: dt, phrases: dp, template: dtemplate, ...defaultRest } = defaultRuleSet;
    expect({ ...rest, meta: defaultRuleSet.meta }).toEqual(defaultRest);
    expect(timers).toEqual(dt);
    const filled = (p: typeof phrases) =>
      Object.fromEntries(Object.entries(p).map(([k, v]) => [k, fillPhrase(v, defaultRuleSet.timers)]));
    expect(filled(phrases)).toEqual(filled(dp));
    const { codeReminder, keywords, ...templateRest } = dtemplate;
    expect(template).toEqual({
      ...templateRest,
      keywords: JSON.parse(JSON.stringify(keywords, (key, v) => (key === 'regionToConfirm' ? undefined : v))),
    });
    expect(codeReminder).toMatch(/diagnos- och\/eller åtgärdskod/);
  });

  it('converts hours to minutes and derives the queue colours from the R-Q-1 deadline', () => {
    const v1 = readExample('v1.json');
    v1.timers = { replyWindowHours: 1.5, minAttempts: 3, phonePriorities: [1], acceptWithinMinutes: 20 };
    const run = v001ToV002.run(v1);
    if (!run.ok) throw new Error(JSON.stringify(run.errors));
    expect((run.value as { timers: unknown }).timers).toEqual({
      replyWindowMinutes: 90,
      minAttempts: 3,
      phonePriorities: [1],
      noticeAfterMinutes: 10,
      acceptWithinMinutes: 20,
      queueAmberAfterMinutes: 10,
      queueRedAfterMinutes: 20,
    });
  });

  it('nests protected identity; a real routine URL is not a placeholder', () => {
    const v1 = readExample('v1.json');
    v1.protectedIdentityRoutineUrl = 'https://publikdocplus.regionuppsala.se/rutin.pdf';
    const result = parseRuleSet(v1);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rules.protectedIdentity.routine).toMatchObject({
      url: 'https://publikdocplus.regionuppsala.se/rutin.pdf',
      placeholder: false,
    });
    expect(isPlaceholderUrl('https://intranet.example/x')).toBe(true);
    expect(isPlaceholderUrl('https://www.example.com/x')).toBe(true);
  });

  it('a malformed v1 file is refused in version-1 terms, every error listed', () => {
    const v1 = readExample('v1.json');
    v1.timers = { replyWindowHours: 1 / 7, minAttempts: 0, phonePriorities: [1], acceptWithinMinutes: 15 };
    v1.selectorOverrides = {};
    const result = parseRuleSet(v1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.message)).toEqual([
      'timers.replyWindowHours: måste vara ett antal timmar större än 0 som blir hela minuter (schemaversion 1)',
      'timers.minAttempts: måste vara ett heltal större än 0 (schemaversion 1)',
      'selectorOverrides: finns inte i schemaversion 1 – ange schemaVersion 2 om filen använder selectorOverrides (schemaversion 1)',
    ]);
  });

  it('errors in parts the migration only carries over are reported after migration, with their path', () => {
    const v1 = readExample('v1.json');
    v1.phrases = { ...(v1.phrases as object), noReplyNote: '' };
    const result = parseRuleSet(v1);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'phrases.noReplyNote',
          message: 'phrases.noReplyNote: får inte vara tom (efter migrering från schemaversion 1)',
          id: 'empty-text',
          versionNote: { kind: 'after-migration', version: 1 },
        },
      ],
    });
  });
});

describe('v002-to-v003', () => {
  it('the stored v2 example (as released) migrates: the red mark becomes the R-Q-1 deadline, nothing else changes', () => {
    const v2 = readExample('v2.json');
    const result = parseRuleSet(v2);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.migratedFrom).toBe(2);
    expect(result.rules.timers.acceptWithinMinutes).toBe(15);
    expect('queueRedAfterMinutes' in result.rules.timers).toBe(false);
    expect(result.rules.protectedIdentity).toEqual(v2.protectedIdentity);
  });

  it('R-Q-1: where version 2 gave red and the deadline different values, the stricter one is kept', () => {
    const v2 = readExample('v2.json');
    const timers = v2.timers as Record<string, number>;
    for (const [accept, red, kept] of [
      [15, 12, 12],
      [12, 15, 12],
    ] as const) {
      const run = v002ToV003.run({
        ...v2,
        timers: { ...timers, acceptWithinMinutes: accept, queueRedAfterMinutes: red },
      });
      if (!run.ok) throw new Error(JSON.stringify(run.errors));
      expect((run.value as { timers: Record<string, number> }).timers).toMatchObject({ acceptWithinMinutes: kept });
      expect((run.value as { timers: Record<string, number> }).timers.queueRedAfterMinutes).toBeUndefined();
    }
  });
});
