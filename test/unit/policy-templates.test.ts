import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ADMX_DEFAULT_TEXT_LENGTH, featurePolicyName } from '../../scripts/policy/admx';
import { EXAMPLE_POLICY } from '../../scripts/policy/example';
import { generatePolicyFiles, MANAGED_SCHEMA_PATH, POLICY_DIR, staleFiles } from '../../scripts/policy/generate';
import { POLICY_TARGETS } from '../../scripts/policy/targets';
import {
  type ChromeSchemaNode,
  effectivePolicy,
  POLICY_FEATURES,
  POLICY_KEYS,
  resolvePolicyRules,
} from '../../shared/policy';
import { defaultRuleSet } from '../../shared/rules';

/**
 * Issue 12: every policy file IT gets is generated from shared/policy/schema.ts, is committed as
 * generated, and says what Chrome reads: every key, REG_SZ for text and JSON text, REG_DWORD for
 * integers and booleans, a subkey per feature, and room in the ADMX for a real rule set.
 */
const started = performance.now();
const files = generatePolicyFiles();
const generationMs = performance.now() - started;
const text = (file: string) => files.get(file)!.toString('utf8');
const schema = JSON.parse(text(MANAGED_SCHEMA_PATH)) as ChromeSchemaNode;
const parser = new new Window().DOMParser();
const parseXml = (source: string) => {
  const doc = parser.parseFromString(source, 'application/xml');
  expect(doc.getElementsByTagName('parsererror').length, 'well-formed XML').toBe(0);
  return doc;
};
const realRuleSetLength = JSON.stringify(defaultRuleSet).length;

describe('generated policy files', () => {
  it('are committed exactly as a fresh generation makes them, in well under a second', () => {
    expect(staleFiles(process.cwd(), files)).toEqual([]);
    expect(generationMs).toBeLessThan(500);
    expect([...files.keys()].sort()).toEqual(
      [
        MANAGED_SCHEMA_PATH,
        ...POLICY_TARGETS.flatMap((t) => [
          `${POLICY_DIR}/windows/${t.file}.admx`,
          `${POLICY_DIR}/windows/en-US/${t.file}.adml`,
          `${POLICY_DIR}/windows/sv-SE/${t.file}.adml`,
          `${POLICY_DIR}/windows/examples/${t.file}.reg`,
          `${POLICY_DIR}/linux/${t.file}.json`,
        ]),
      ].sort(),
    );
  });

  it('the staleness check notices a hand edit', () => {
    const edited = new Map(files);
    edited.set(MANAGED_SCHEMA_PATH, Buffer.from('{}'));
    expect(staleFiles(process.cwd(), edited)).toEqual([MANAGED_SCHEMA_PATH]);
  });
});

describe('managed_schema.json (Chrome’s rules)', () => {
  const walk = (node: ChromeSchemaNode, path: string, visit: (n: ChromeSchemaNode, p: string) => void) => {
    visit(node, path);
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, `${path}.${name}`, visit);
  };

  it('is an object at the top with no additionalProperties, one type per node, only attributes Chrome knows', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    walk(schema, '', (node, path) => {
      expect(typeof node.type, path).toBe('string');
      for (const attr of Object.keys(node))
        expect(
          ['type', 'title', 'description', 'properties', 'items', 'minimum', 'maximum'],
          `${path}.${attr}`,
        ).toContain(attr);
    });
  });

  it('has every policy key, and keeps the three keys IT may already use with their types', () => {
    expect(Object.keys(schema.properties!)).toEqual(POLICY_KEYS.map((k) => k.key));
    expect(schema.properties!.ruleSet!.type).toBe('string');
    expect(schema.properties!.bridgeToken!.type).toBe('string');
    expect(schema.properties!.bridgePort).toMatchObject({ type: 'integer', minimum: 1024, maximum: 65535 });
    expect(schema.properties!.retentionHours).toMatchObject({ type: 'integer', minimum: 1, maximum: 72 });
    expect(Object.keys(schema.properties!.features!.properties!)).toEqual(POLICY_FEATURES.map((f) => f.id));
    for (const f of POLICY_FEATURES)
      expect(schema.properties!.features!.properties![f.id]!.properties).toEqual({
        enabled: { type: 'boolean', title: 'På' },
        locked: { type: 'boolean', title: 'Låst' },
      });
  });
});

describe.each(POLICY_TARGETS)('$name: ADMX and ADML', (target) => {
  const admx = parseXml(text(`${POLICY_DIR}/windows/${target.file}.admx`));
  const policies = [...admx.getElementsByTagName('policy')];
  const byName = new Map(policies.map((p) => [p.getAttribute('name')!, p]));

  it('writes every key where this browser reads the extension’s policy, as the type Chrome reads', () => {
    for (const key of POLICY_KEYS) {
      const node = schema.properties![key.key]!;
      if (node.type === 'object') continue;
      const policy = byName.get(key.key);
      expect(policy, key.key).toBeDefined();
      expect(policy!.getAttribute('key')).toBe(target.registryKey);
      expect(target.registryKey).toMatch(
        target.browser === 'chrome'
          ? /^Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\[a-p]{32}\\policy$/
          : /^Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\[a-p]{32}\\policy$/,
      );
      if (node.type === 'string') {
        // <text> writes REG_SZ; JSON text must hold a real rule set, far past ADMX's 1023 default.
        const element = policy!.getElementsByTagName('text')[0]!;
        expect(element.getAttribute('valueName')).toBe(key.key);
        const maxLength = Number(element.getAttribute('maxLength'));
        if (key.form === 'json-text') {
          expect(maxLength).toBeGreaterThan(ADMX_DEFAULT_TEXT_LENGTH);
          expect(maxLength).toBeGreaterThanOrEqual(100 * realRuleSetLength);
        }
        expect(maxLength).toBeGreaterThanOrEqual(String(EXAMPLE_POLICY[key.key as keyof typeof EXAMPLE_POLICY]).length);
      } else if (node.type === 'integer') {
        // <decimal> writes REG_DWORD, bounded as the schema is.
        const element = policy!.getElementsByTagName('decimal')[0]!;
        expect(element.getAttribute('valueName')).toBe(key.key);
        expect(element.getAttribute('storeAsText')).toBeNull();
        expect(Number(element.getAttribute('minValue'))).toBe(node.minimum);
        expect(Number(element.getAttribute('maxValue'))).toBe(node.maximum);
      } else if (node.type === 'boolean') {
        // Enabled → REG_DWORD 1, Disabled → REG_DWORD 0.
        expect(policy!.getAttribute('valueName')).toBe(key.key);
        expect(policy!.getElementsByTagName('enabledValue')[0]!.innerHTML).toContain('<decimal value="1"');
        expect(policy!.getElementsByTagName('disabledValue')[0]!.innerHTML).toContain('<decimal value="0"');
      } else throw new Error(`unexpected type ${node.type}`);
    }
  });

  it('has one policy per feature writing REG_DWORD enabled and locked in features\\<id>', () => {
    for (const f of POLICY_FEATURES) {
      const policy = byName.get(featurePolicyName(f.id));
      expect(policy, f.id).toBeDefined();
      expect(policy!.getAttribute('key')).toBe(`${target.registryKey}\\features\\${f.id}`);
      const booleans = [...policy!.getElementsByTagName('boolean')];
      expect(booleans.map((b) => b.getAttribute('valueName'))).toEqual(['enabled', 'locked']);
      for (const b of booleans)
        expect(b.innerHTML).toMatch(/<trueValue><decimal value="1"\/?>.*<falseValue><decimal value="0"/);
    }
    expect(policies).toHaveLength(POLICY_KEYS.length - 1 + POLICY_FEATURES.length);
  });

  it.each(['en-US', 'sv-SE'])('%s ADML names every string and presentation the ADMX refers to', (language) => {
    const adml = parseXml(text(`${POLICY_DIR}/windows/${language}/${target.file}.adml`));
    const strings = new Set([...adml.getElementsByTagName('string')].map((s) => s.getAttribute('id')));
    const presentations = new Map([...adml.getElementsByTagName('presentation')].map((p) => [p.getAttribute('id'), p]));
    const source = text(`${POLICY_DIR}/windows/${target.file}.admx`);
    for (const [, id] of source.matchAll(/\$\(string\.([^)]+)\)/g)) expect(strings, id).toContain(id);
    for (const [, id] of source.matchAll(/\$\(presentation\.([^)]+)\)/g)) {
      const presentation = presentations.get(id!);
      expect(presentation, id).toBeDefined();
      // Every control refers to an element of its policy.
      const ids = [...byName.get(id!)!.getElementsByTagName('elements')[0]!.children].map((e) => e.getAttribute('id'));
      const refs = [...presentation!.children].map((c) => c.getAttribute('refId'));
      expect(refs.sort()).toEqual(ids.sort());
    }
    expect(strings.has('ruleSet_Explain')).toBe(true);
  });
});

describe.each(POLICY_TARGETS)('$name: example .reg and Linux JSON', (target) => {
  const raw = files.get(`${POLICY_DIR}/windows/examples/${target.file}.reg`)!;
  const reg = raw.subarray(2).toString('utf16le');
  const root = `[HKEY_LOCAL_MACHINE\\${target.registryKey}]`;
  const unescapeReg = (s: string) => s.replace(/\\(["\\])/g, '$1');

  it('is UTF-16LE with a byte-order mark (regedit reads å, ä, ö only so), CRLF lines', () => {
    expect([...raw.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(reg.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    expect(reg).toContain('"defaultUnit"="1177 direkt Uppsala län"');
    expect(reg.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  });

  it('sets every key: REG_SZ for text and JSON text, dword for integers and booleans, a subkey per feature', () => {
    const section = reg.slice(reg.indexOf(root));
    for (const key of POLICY_KEYS) {
      const node = schema.properties![key.key]!;
      const value = EXAMPLE_POLICY[key.key as keyof typeof EXAMPLE_POLICY];
      if (node.type === 'string') {
        const line = section.split('\r\n').find((l) => l.replace(/^;/, '').startsWith(`"${key.key}"="`));
        expect(line, key.key).toBeDefined();
        expect(unescapeReg(line!.replace(/^;?"[^"]+"="/, '').slice(0, -1))).toBe(value);
      } else if (node.type === 'integer') {
        expect(section).toMatch(
          new RegExp(`^;?"${key.key}"=dword:${(value as number).toString(16).padStart(8, '0')}$`, 'm'),
        );
      } else if (node.type === 'boolean') {
        expect(section).toMatch(new RegExp(`^"${key.key}"=dword:0000000${value ? 1 : 0}$`, 'm'));
      } else {
        for (const [id, setting] of Object.entries(value as Record<string, Record<string, boolean>>)) {
          const sub = section.slice(section.indexOf(`[HKEY_LOCAL_MACHINE\\${target.registryKey}\\features\\${id}]`));
          expect(sub.length, id).toBeLessThan(section.length);
          for (const [field, v] of Object.entries(setting))
            expect(sub).toMatch(new RegExp(`^"${field}"=dword:0000000${v ? 1 : 0}$`, 'm'));
        }
      }
    }
    // The JSON text round-trips to the very rule set.
    const ruleSetLine = section.split('\r\n').find((l) => l.startsWith('"ruleSet"="'))!;
    expect(JSON.parse(unescapeReg(ruleSetLine.slice('"ruleSet"="'.length, -1)))).toEqual(defaultRuleSet);
  });

  it('the Linux JSON is the 3rdparty form for this extension ID, every key with the type the schema says', () => {
    const linux = JSON.parse(text(`${POLICY_DIR}/linux/${target.file}.json`));
    const policy = linux['3rdparty'].extensions[target.extensionId];
    expect(Object.keys(policy)).toEqual(POLICY_KEYS.map((k) => k.key));
    for (const key of POLICY_KEYS) {
      const type = schema.properties![key.key]!.type;
      const value = policy[key.key];
      const jsType = Number.isInteger(value) ? 'integer' : Array.isArray(value) ? 'array' : typeof value;
      expect(jsType, key.key).toBe(type === 'object' ? 'object' : type);
    }
  });
});

describe('the example policy', () => {
  it('is accepted whole by our validation: nothing ignored, nothing refused', () => {
    const policy = effectivePolicy(EXAMPLE_POLICY);
    expect(policy.ignored).toEqual([]);
    expect(policy.managedKeys.sort()).toEqual(POLICY_KEYS.map((k) => k.key).sort());
    const rules = resolvePolicyRules({ policy });
    expect(rules.refused).toEqual([]);
    expect(rules.ignored).toEqual([]);
    expect(rules).toMatchObject({
      source: 'policy',
      defaultUnit: '1177 direkt Uppsala län',
      defaultRole: 'Sjuksköterska',
    });
    expect(rules.adjustedBy).toEqual(['ruleSetOverride', 'selectorOverrides', 'retentionHours']);
  });
});
