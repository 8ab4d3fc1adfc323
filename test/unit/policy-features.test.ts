import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATIENT_SAFETY_FEATURE_IDS, POLICY_FEATURES } from '../../shared/policy';
import { localeMessages } from '../fixtures/words';

/**
 * The features IT can lock by policy are exactly the files of extension/features/ (the id is the
 * file name), with the rules and Swedish title each file cites: a new feature cannot ship without
 * its policy switch, nor a patient-safety one without being locked on by default.
 */
const DIR = 'extension/features';
/** A title in _locales (issue 14): `title: t('key')`, read in both languages. */
const [sv, en] = [localeMessages('sv'), localeMessages('en')];
const files = readdirSync(DIR)
  .filter((f) => /\.tsx?$/.test(f) && !['index.ts', 'feature.ts'].includes(f) && !f.includes('.test.'))
  .map((f) => f.replace(/\.tsx?$/, ''));

describe('policy feature list', () => {
  it('names every feature file, and no other', () => {
    expect(POLICY_FEATURES.map((f) => f.id).sort()).toEqual(files.sort());
  });

  it.each(POLICY_FEATURES.map((f) => [f.id, f] as const))('%s: same title and rules as its file', (id, feature) => {
    const file = readdirSync(DIR).find((f) => f.replace(/\.tsx?$/, '') === id)!;
    const source = readFileSync(path.join(DIR, file), 'utf8');
    const rules = /rules: \[([^\]]*)\]/.exec(source)?.[1]?.match(/R-[A-Z]+-\d+/g);
    expect(rules).toEqual([...feature.rules]);
    // The feature's own title (its object's top level), not an alarm's `title:` deeper in.
    const key = /^ {2}title: t\('(\w+)'\),$/m.exec(source)?.[1];
    if (key === undefined) expect(source).toContain(`title: '${feature.title}'`);
    else expect([sv[key]?.message, en[key]?.message]).toEqual([feature.title, feature.titleEn]);
  });

  it('R-ID-2, R-PI-*, R-GU-*: the features enforcing them are the patient-safety ones', () => {
    expect([...PATIENT_SAFETY_FEATURE_IDS].sort()).toEqual(['patient-safety-banner', 'same-patient-guard']);
  });
});
