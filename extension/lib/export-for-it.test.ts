import { describe, expect, it } from 'vitest';
import { EXAMPLE_POLICY } from '../../scripts/policy/example';
import { encodeRegFile, regFile } from '../../scripts/policy/reg';
import { POLICY_TARGETS } from '../../scripts/policy/targets';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';
import { defaultRuleSet, parseRuleSet, ruleSetDigest } from '../../shared/rules';
import { exportForIt, utf16le } from './export-for-it';

describe('Exportera för IT (issue 13)', () => {
  const rules = structuredClone(defaultRuleSet);
  rules.meta.name = 'Enhet Å – test';
  rules.timers.replyWindowMinutes = 90;
  const files = exportForIt(rules);
  const byName = (name: string) => files.find((f) => f.name === name)!;

  it('every form carries the same rule set (same digest once read back)', () => {
    const linux = JSON.parse(byName('clinic-companion-chrome-regler.json').text);
    const fromLinux = parseRuleSet(linux['3rdparty'].extensions[CHROME_EXTENSION_ID].ruleSet);
    const fromAdmx = parseRuleSet(byName('regeluppsattning-admx-varde.txt').text);
    const plain = parseRuleSet(byName('regeluppsattning.json').text);
    for (const read of [fromLinux, fromAdmx, plain])
      expect(read.ok && ruleSetDigest(read.rules)).toBe(ruleSetDigest(rules));
  });

  it('the .reg lines come from IT templates’ generator, for Chrome and Edge, UTF-16LE with BOM', () => {
    for (const target of POLICY_TARGETS) {
      const reg = byName(`${target.file}-regler.reg`);
      expect(reg.text).toBe(regFile(target, { ruleSet: JSON.stringify(rules) }));
      expect(reg.text).toContain(`[HKEY_LOCAL_MACHINE\\${target.registryKey}]`);
      expect(reg.text).toContain('"ruleSet"="{\\"schemaVersion\\":');
      expect(Buffer.from(reg.bytes!).equals(encodeRegFile(reg.text))).toBe(true);
    }
    // The browser encoder agrees with the Node one on the committed example too.
    const example = regFile(POLICY_TARGETS[0]!, EXAMPLE_POLICY);
    expect(Buffer.from(utf16le(example)).equals(encodeRegFile(example))).toBe(true);
  });
});
