import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Test doubles (the scripted card reader, stub services, test certificates) live under test/:
 * no file the bridge or the extension ships may import from there, so a fake card can never end
 * up answering for a real one.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the product tree imports no test code', () => {
  it.each(['bridge', 'shared'])('%s/**', (root) => {
    const offenders = sources(root).filter((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].some((m) => {
        const target = path.resolve(path.dirname(file), m[1] ?? m[2] ?? '');
        return (m[1] ?? m[2] ?? '').startsWith('.') && target.startsWith(path.resolve('test'));
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('the fake card reader is not in the bridge tree', () => {
    expect(sources('bridge').filter((f) => /fake|testing/i.test(f))).toEqual([]);
  });
});
