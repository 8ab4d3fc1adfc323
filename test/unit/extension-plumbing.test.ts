import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 15's "done when", kept true: every message goes through the messages module, every
 * storage call through the storage module, the extension's import graph has no cycle, and no file
 * grows past 300 lines without saying why in its header. Files still waiting are listed by name
 * below: the lists may only shrink.
 */
const ROOT = path.resolve(__dirname, '../..');
const EXTENSION = path.join(ROOT, 'extension');

/**
 * Over 300 lines with no reason given yet, for its owner to split: the bridge's PDF/A writer
 * (issues 5, 13). Paths from the root.
 */
const PENDING_SPLIT = new Set(['bridge/pdf/render.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['public', 'node_modules'].includes(entry.name) ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
const FILES = sources(EXTENSION);
/** What the size rule covers: the extension and the bridge. */
const SIZED = [...FILES, ...sources(path.join(ROOT, 'bridge'))];
const fromRoot = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const rel = (file: string) => path.relative(EXTENSION, file).split(path.sep).join('/');
const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);

/** Every `browser.x.y` / `chrome.x.y` access in code (comments do not count). */
function browserCalls(file: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const text = node.getText().replace(/\s+/g, '');
      if (/^(browser|chrome)\.(storage|runtime\.(sendMessage|onMessage)|tabs\.sendMessage)$/.test(text)) {
        found.push(text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return found;
}

describe('extension plumbing (issue 15)', () => {
  it('only the messages module sends or listens to messages', () => {
    const outside = FILES.filter((f) => rel(f) !== 'lib/messages.ts')
      .filter((f) => browserCalls(f).some((c) => !c.includes('.storage')))
      .map(rel);
    expect(outside).toEqual([]);
  });

  it('only the storage module calls browser.storage', () => {
    const outside = FILES.filter((f) => rel(f) !== 'lib/storage.ts')
      .filter((f) => browserCalls(f).some((c) => c.includes('.storage')))
      .map(rel);
    expect(outside).toEqual([]);
  });

  it('the import graph of extension/ has no cycle', () => {
    const graph = new Map<string, string[]>();
    for (const file of FILES) {
      const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
      const targets = imports
        .map((i) => i.fileName)
        .filter((name) => name.startsWith('.'))
        .map((name) => {
          const base = path.resolve(path.dirname(file), name);
          return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((c) => FILES.includes(c));
        })
        .filter((t): t is string => t !== undefined);
      graph.set(file, targets);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) walk(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of FILES) walk(file, []);
    expect(cycles).toEqual([]);
  });

  it('the page adapter’s long files are still the ones listed (a split one leaves the list)', () => {
    const long = [...PENDING_SPLIT].filter((f) => readFileSync(path.join(ROOT, f), 'utf8').split('\n').length > 300);
    expect(long).toEqual([...PENDING_SPLIT]);
  });

  it('no file in extension/ or bridge/ over 300 lines without the reason in its header', () => {
    const long = SIZED.filter((f) => readFileSync(f, 'utf8').split('\n').length > 300)
      .filter((f) => !PENDING_SPLIT.has(fromRoot(f)))
      .filter((f) => !/\b300 lines\b/.test(readFileSync(f, 'utf8').split('\n').slice(0, 25).join('\n')))
      .map(fromRoot);
    expect(long).toEqual([]);
  });
});
