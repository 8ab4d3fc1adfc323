import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 16: a message appended to a long chat tells only the features that declare `readsChat`
 * (companion.ts). A feature that reads the chat's messages without saying so would miss every
 * message that arrives: each feature whose code (or the extension/lib modules it imports, however
 * deep) reads the snapshot's chat, channels or images must declare it, and only those.
 */
const FEATURES = 'extension/features';
const CHAT_READ = /\.(chat|channels|imagesSent)\b(?!Log|Cache|Composer)/u;

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  // Code that runs, not types: `import type` brings no reading with it.
  for (const m of source.matchAll(/^import\s+(type\s)?[^;]*?from '(\.{1,2}\/[^']+)'/gmu)) {
    if (m[1]) continue;
    const base = path.resolve(path.dirname(file), m[2]!);
    const resolved = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find(existsSync);
    if (resolved?.includes(`${path.sep}extension${path.sep}lib${path.sep}`)) found.push(resolved);
  }
  return found;
}

function readsChat(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '');
  return CHAT_READ.test(code) || importsOf(file).some((f) => readsChat(f, seen));
}

describe('features that read the chat say so (issue 16)', () => {
  const files = readdirSync(FEATURES)
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => path.resolve(FEATURES, f));

  it('finds the features, and the two that read the chat', () => {
    expect(files.length).toBeGreaterThan(10);
    const readers = files.filter((f) => readsChat(f)).map((f) => path.basename(f, '.tsx'));
    expect(readers).toEqual(expect.arrayContaining(['journal-panel', 'no-reply-timer']));
  });

  for (const file of files) {
    it(path.basename(file), () => {
      const declared = /^\s*readsChat: true,/mu.test(readFileSync(file, 'utf8'));
      expect(declared).toBe(readsChat(file));
    });
  }
});
