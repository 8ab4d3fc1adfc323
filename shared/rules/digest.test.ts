import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prng } from '../../test/fixtures/prng';
import { buildJournalNote } from '../journal';
import { defaultRuleSet, type RuleSet, ruleSetDigest, shortDigest } from './index';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const asJson = (rules: RuleSet): Json => JSON.parse(JSON.stringify(rules)) as Json;
// The tests rebuild rule sets from plain JSON; the digest only reads the data.
const asRules = (json: Json): RuleSet => json as unknown as RuleSet;

/** An independent RFC 8785 serialisation for this data (strings, integers, booleans, no floats). */
function jcs(v: Json): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(jcs).join(',')}]`;
  // JCS sorts member names by UTF-16 code units: JavaScript's default sort.
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(v[k] as Json)}`).join(',')}}`;
}

function shuffleKeys(v: Json, rand: () => number): Json {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, rand));
  const entries = Object.entries(v);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, x]) => [k, shuffleKeys(x, rand)]));
}

/** Every leaf (string, number, boolean) with the path to it. */
function leaves(v: Json, path: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
  return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
}

function edit(root: Json, path: (string | number)[], rand: () => number): Json {
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const old = parent[last];
  if (typeof old === 'string') parent[last] = rand() < 0.5 ? `${old} ` : `${old}x`;
  else if (typeof old === 'number') parent[last] = old + 1 + Math.floor(rand() * 5);
  else if (typeof old === 'boolean') parent[last] = !old;
  else parent[last] = 0;
  return copy;
}

describe('ruleSetDigest (traceability)', () => {
  it('is the SHA-256 of the RFC 8785 serialisation, computed independently for the default', () => {
    const expected = createHash('sha256')
      .update(jcs(asJson(defaultRuleSet)), 'utf8')
      .digest('hex');
    expect(ruleSetDigest(defaultRuleSet)).toBe(expected);
    expect(ruleSetDigest(defaultRuleSet)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a small fixed example: sorted keys, no whitespace, UTF-8 for å', () => {
    const example = { meta: { version: '1', name: 'Å' }, b: [2, true, null] };
    const canonical = '{"b":[2,true,null],"meta":{"name":"Å","version":"1"}}';
    expect(jcs(example)).toBe(canonical);
    expect(ruleSetDigest(asRules(example))).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });

  it('property: the same under any key order and formatting (seeded)', () => {
    const rand = prng(0x5a1);
    const digest = ruleSetDigest(defaultRuleSet);
    for (let i = 0; i < 200; i++) {
      const shuffled = shuffleKeys(asJson(defaultRuleSet), rand);
      expect(ruleSetDigest(asRules(JSON.parse(JSON.stringify(shuffled, null, i % 4)) as Json))).toBe(digest);
    }
  });

  it('property: changed by any one value anywhere in the rule set (seeded)', () => {
    const rand = prng(0x1177d);
    const base = asJson(defaultRuleSet);
    const paths = leaves(base);
    const seen = new Set([ruleSetDigest(defaultRuleSet)]);
    let edits = 0;
    for (let i = 0; i < 500; i++) {
      const path = paths[Math.floor(rand() * paths.length)]!;
      const edited = edit(base, path, rand);
      const digest = ruleSetDigest(asRules(edited));
      expect(digest, `edit at ${path.join('.')}`).not.toBe(ruleSetDigest(defaultRuleSet));
      seen.add(digest);
      edits++;
    }
    // Every leaf kind was reached, and the property held for all of them.
    expect(edits).toBe(500);
    expect(paths.length).toBeGreaterThan(50);
    expect(seen.size).toBeGreaterThan(100);
  });

  it('the journal note names the rules that made it (name, version, digest)', () => {
    const rules = structuredClone(defaultRuleSet);
    rules.meta.version = '2026-11-30a';
    const note = buildJournalNote(
      {
        priority: 3,
        channels: { chat: true, phone: false, video: false },
        anamnesis: 'x',
        imagesSent: 0,
        noReply: false,
        patientProtected: false,
      },
      { unit: rules.units[0]!, role: rules.roles[0]! },
      rules,
    );
    expect(note.provenance).toEqual({ name: rules.meta.name, version: '2026-11-30a', digest: ruleSetDigest(rules) });
    expect(note.provenance.digest).not.toBe(ruleSetDigest(defaultRuleSet));
    expect(shortDigest(note.provenance.digest)).toHaveLength(12);
  });
});
