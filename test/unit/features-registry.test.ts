import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * "Features are files": every file in extension/features/ (but the loader's own) is registered in
 * the one list, exports a feature whose id is its file name, cites its rules, and has an
 * end-to-end test named after it.
 */
const FEATURES_DIR = 'extension/features';
const NOT_FEATURES = new Set(['index.ts', 'feature.ts']);
const featureFiles = readdirSync(FEATURES_DIR).filter(
  (f) => /\.tsx?$/.test(f) && !NOT_FEATURES.has(f) && !f.includes('.test.'),
);
const registry = readFileSync(path.join(FEATURES_DIR, 'index.ts'), 'utf8');

describe('features folder', () => {
  it('has features', () => {
    expect(featureFiles.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of featureFiles) {
    const id = file.replace(/\.tsx?$/, '');
    it(`${id}: registered, id = file name, rules cited, e2e test exists`, () => {
      const source = readFileSync(path.join(FEATURES_DIR, file), 'utf8');
      expect(registry).toContain(`from './${id}'`);
      expect(source).toContain(`id: '${id}'`);
      expect(source).toMatch(/rules: \[('R-[A-Z]+-\d+'(, )?)+\]/);
      expect(readdirSync('test/e2e')).toContain(`${id}.test.ts`);
    });
  }
});
