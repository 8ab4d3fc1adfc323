import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';
import { defaultRuleSet } from '../../shared/rules';
import { browserTestsUnavailable, type ExtensionBrowser, launchWithExtension, waitFor } from './harness';

/**
 * IT deploys the unit's rule set by group policy. On Linux, Chromium reads managed policy from
 * /etc/chromium/policies/managed (machine-global: written as root, removed after each test).
 * Values reach chrome.storage.managed a few seconds after the worker starts.
 */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'clinic-companion-test.json');
const isRoot = process.getuid?.() === 0;
const unavailable = browserTestsUnavailable() ?? (isRoot ? null : 'writing machine policy needs root');
if (unavailable && process.env.CI === 'true') throw new Error(unavailable);

function writePolicy(values: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: values } } }));
}

interface Effective {
  source: string;
  rules: { meta: { name: string }; timers: { replyWindowMinutes: number } };
  refused: { source: string; errors: { path: string; message: string }[] }[];
}

describe.skipIf(unavailable)('enterprise policy (managed storage), real Chromium', () => {
  let ext: ExtensionBrowser | undefined;
  afterEach(async () => {
    await ext?.close();
    rmSync(POLICY_FILE, { force: true });
  });

  const effective = async () =>
    (await ext!.worker()).evaluate(
      async () => (await chrome.storage.local.get('effectiveRuleSet')).effectiveRuleSet as unknown,
    ) as Promise<Effective | undefined>;

  it("IT's rule set (JSON text in policy) is validated and put in force", async () => {
    const ruleSet = { ...defaultRuleSet, meta: { ...defaultRuleSet.meta, name: 'Policy-test: 1177 direkt' } };
    writePolicy({ ruleSet: JSON.stringify(ruleSet) });
    ext = await launchWithExtension();
    await waitFor(async () => (await effective())?.source === 'policy', 20_000);
    expect((await effective())!.rules.meta.name).toBe('Policy-test: 1177 direkt');
  });

  it('an invalid policy rule set is refused with every error, and the rules in force stay', async () => {
    const bad = { ...defaultRuleSet, timers: { ...defaultRuleSet.timers, replyWindowMinutes: -5 } };
    writePolicy({ ruleSet: JSON.stringify(bad) });
    ext = await launchWithExtension();
    await waitFor(async () => ((await effective())?.refused.length ?? 0) > 0, 20_000);
    const result = (await effective())!;
    expect(result.source).not.toBe('policy');
    expect(result.rules.timers.replyWindowMinutes).toBe(defaultRuleSet.timers.replyWindowMinutes);
    expect(result.refused[0]!.source).toBe('policy');
    expect(result.refused[0]!.errors.map((e) => e.path)).toContain('timers.replyWindowMinutes');
  });
});
