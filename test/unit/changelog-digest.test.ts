/**
 * The CHANGELOG lists the built-in default rule set's digest (issue 13), so a note can be traced
 * to a release's default, and a changed default cannot ship without a CHANGELOG line: the newest
 * digest listed must be that of the default this tree builds.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { defaultRuleSet, ruleSetDigest } from '../../shared/rules';

it('the newest default-rule-set digest in CHANGELOG.md is ruleSetDigest(defaultRuleSet)', () => {
  const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');
  const listed = /Built-in default rule set: `([^`]+)` (\S+), digest\s+`([0-9a-f]{64})`/.exec(changelog);
  expect(listed, 'CHANGELOG.md: no "Built-in default rule set: `name` version, digest `…`" line').not.toBeNull();
  const [, name, version, digest] = listed!;
  expect({ name, version, digest }).toEqual({
    name: defaultRuleSet.meta.name,
    version: defaultRuleSet.meta.version,
    digest: ruleSetDigest(defaultRuleSet),
  });
});
