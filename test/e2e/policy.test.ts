/**
 * IT's policy in the running extension (issue 12), with real Chromium policy: the test writes its
 * own file under /etc/chromium/policies/managed (machine-global; other tests use other names) for
 * the pinned extension id, in Chrome's 3rdparty extension policy form, and removes it after.
 * A feature locked off does not run and its switch is shown locked; one locked on cannot be
 * switched off; a schema-invalid value is not exposed and is listed; a policy change applies live
 * (chrome://policy's reload, no restart); a valid-but-wrong rule set is refused, the last good stays.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';
import { defaultRuleSet } from '../../shared/rules';
import { browserTestsUnavailable, type ExtensionBrowser, waitFor } from './harness';
import { cardText, sidePanelFor } from './side-panel';
import { COPY_BUTTON, type Stack, startStack } from './stack';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'clinic-companion-policy-test.json');
const LOCKED = 'Styrs av din organisation';
const isRoot = process.getuid?.() === 0;
const unavailable = browserTestsUnavailable() ?? (isRoot ? null : 'writing machine policy needs root');
if (unavailable && process.env.CI === 'true') throw new Error(unavailable);

const named = (name: string) => ({ ...defaultRuleSet, meta: { ...defaultRuleSet.meta, name } });
function writePolicy(values: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: values } } }));
}

/** A record the background wrote, asked of the worker; bounded, since a just-stopped worker never answers. */
async function stored<T>(ext: ExtensionBrowser, key: string): Promise<T | undefined> {
  const ask = (await ext.worker())
    .evaluate(async (k) => (await chrome.storage.local.get(k))[k] as unknown, key)
    .catch(() => undefined) as Promise<T | undefined>;
  return Promise.race([ask, new Promise<undefined>((r) => setTimeout(() => r(undefined), 3_000))]);
}
interface Decision {
  enabled: boolean;
  locked: boolean;
}
interface Policy {
  features: Record<string, Decision>;
  ignored: { key: string; reason: string }[];
  defaultUnit?: string;
}
interface Rules {
  source: string;
  rules: { meta: { name: string } };
  defaultRole?: string;
  ignored?: { key: string; reason: string }[];
  refused: { source: string; errors: { path: string }[] }[];
}
const policyOf = (ext: ExtensionBrowser) => stored<Policy>(ext, 'effectivePolicy');
const rulesOf = (ext: ExtensionBrowser) => stored<Rules>(ext, 'effectiveRuleSet');

/** Chromium reads the policy files again now (as IT's `gpupdate` or the policy page's button). */
async function reloadPolicy(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.browser.newPage();
  await page.goto('chrome://policy');
  // The page's "Läs in policyer igen" button sits in its components' shadow roots.
  await (await page.waitForSelector('pierce/#reload-policies', { timeout: 15_000 }))!.click();
  await page.close();
}

const switchState = (page: Page, id: string) =>
  page.$eval(`li[data-feature-switch="${id}"]`, (li) => {
    const input = li.querySelector('input') as HTMLInputElement;
    return { checked: input.checked, disabled: input.disabled, text: li.textContent ?? '' };
  });
/** The side panel's journal note is filled for this tab: the journal feature published the visit's facts. */
const journalFilled = async (page: Page) =>
  (await sidePanelFor(page)).evaluate(() => document.documentElement.dataset.state === 'filled');
const safetyShown = async (page: Page) => (await cardText(page, 'patient-safety-banner')).includes('Patientsäkerhet');

describe.skipIf(unavailable)('IT policy in the running extension, real Chromium policy', () => {
  let stack: Stack;
  let visit: Page;
  let options: Page;
  beforeAll(async () => {
    writePolicy({
      features: {
        'journal-panel': { enabled: false },
        'copy-patient-id': { enabled: true, locked: true },
      },
      // Passes Chrome's schema (a string) but not ours (blank). (A wrong type inside `features`
      // Chrome drops itself, with the whole key: it never reaches the extension.)
      defaultUnit: '   ',
      // Valid, but not a role of the rule set in force.
      defaultRole: 'Kirurg',
      ruleSet: JSON.stringify(named('Policy-test A')),
    });
    stack = await startStack();
    // Managed values arrive a few seconds after the worker starts.
    await waitFor(async () => (await policyOf(stack.ext))?.features['journal-panel']?.enabled === false, 20_000);
    await waitFor(async () => (await rulesOf(stack.ext))?.rules.meta.name === 'Policy-test A', 20_000);
  });
  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    await stack?.stop();
  });

  it('a feature locked off does not run on a visit and its switch is locked; one locked on cannot be switched off', async () => {
    visit = await stack.openVisit(stack.cases.adult);
    // Other features run (the banner, the copy button locked on); the journal panel does not.
    await waitFor(() => safetyShown(visit));
    await visit.waitForSelector(COPY_BUTTON, { visible: true });
    // The side panel knows of no visit in this tab: nothing published the journal's facts.
    await (await sidePanelFor(visit)).waitForSelector('#no-visit');
    expect(await journalFilled(visit)).toBe(false);

    options = await stack.ext.browser.newPage();
    await options.goto(`chrome-extension://${stack.ext.extensionId}/options.html`);
    await options.waitForSelector('li[data-feature-switch="journal-panel"]');
    const off = await switchState(options, 'journal-panel');
    expect(off).toMatchObject({ checked: false, disabled: true });
    expect(off.text).toContain(LOCKED);
    const on = await switchState(options, 'copy-patient-id');
    expect(on).toMatchObject({ checked: true, disabled: true });
    expect(on.text).toContain(LOCKED);
    await options.click('input[data-feature="copy-patient-id"]');
    expect((await switchState(options, 'copy-patient-id')).checked).toBe(true);
    expect((await policyOf(stack.ext))?.features['copy-patient-id']?.enabled).toBe(true);
    // Patient safety is locked on by default, and says so; an ordinary feature is the clinician's.
    const safety = await switchState(options, 'same-patient-guard');
    expect(safety).toMatchObject({ checked: true, disabled: true });
    expect(safety.text).toContain('Patientsäkerhet (R-ID-2)');
    expect(await switchState(options, 'queue-deadlines')).toMatchObject({ checked: true, disabled: false });
    // The clinician's own switch is an explicit choice, applied by the background at once.
    await options.click('input[data-feature="queue-deadlines"]');
    await waitFor(async () => (await policyOf(stack.ext))?.features['queue-deadlines']?.enabled === false);
    expect(await switchState(options, 'queue-deadlines')).toMatchObject({ checked: false, disabled: false });
    expect(await stored(stack.ext, 'featureChoices')).toEqual({ 'queue-deadlines': false });
  });

  it('a schema-invalid value is not exposed and is listed as ignored, with the reason', async () => {
    const policy = (await policyOf(stack.ext))!;
    expect(policy.defaultUnit).toBeUndefined();
    expect(policy.ignored).toEqual([{ key: 'defaultUnit', reason: 'får inte vara tom', id: 'not-blank' }]);
    const rules = (await rulesOf(stack.ext))!;
    expect(rules.defaultRole).toBeUndefined();
    expect(rules.ignored).toEqual([
      {
        key: 'defaultRole',
        reason: "'Kirurg' finns inte i regeluppsättningens roles",
        id: 'role-not-in-rules',
        values: ['Kirurg'],
      },
    ]);
    await options.waitForSelector('#policy-ignored [data-key="defaultUnit"]');
    expect(await options.$eval('#policy-ignored [data-key="defaultUnit"]', (el) => el.textContent)).toContain(
      'får inte vara tom',
    );
    expect(await options.$eval('#policy-ignored [data-key="defaultRole"]', (el) => el.textContent)).toContain(
      "'Kirurg' finns inte i regeluppsättningens roles",
    );
  });

  it('a live policy change applies without a restart; a valid-but-wrong rule set is refused and the last good stays', async () => {
    const bad = { ...named('Policy-test B'), timers: { ...defaultRuleSet.timers, replyWindowMinutes: -5 } };
    writePolicy({
      features: { 'journal-panel': { enabled: true }, 'copy-patient-id': { enabled: false } },
      allowRuleImport: false,
      ruleSet: JSON.stringify(bad),
    });
    await reloadPolicy(stack.ext);

    // The open visit follows: the journal panel starts, the copy button goes; no reload.
    await waitFor(() => journalFilled(visit), 20_000);
    await waitFor(async () => (await visit.$(COPY_BUTTON)) === null);
    expect(await visit.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);

    // The open options page follows too.
    await waitFor(async () => (await switchState(options, 'copy-patient-id')).checked === false);
    expect(await switchState(options, 'copy-patient-id')).toMatchObject({ checked: false, disabled: true });
    expect(await switchState(options, 'journal-panel')).toMatchObject({ checked: true, disabled: true });
    await options.waitForSelector('#rule-set-import-locked');
    expect(await options.$eval('#rule-set-import-button', (el) => (el as HTMLButtonElement).disabled)).toBe(true);

    const rules = (await rulesOf(stack.ext))!;
    expect(rules.source).toBe('last-good');
    expect(rules.rules.meta.name).toBe('Policy-test A');
    expect(rules.refused[0]?.source).toBe('policy');
    expect(rules.refused[0]?.errors.map((e) => e.path)).toContain('timers.replyWindowMinutes');
    await options.waitForSelector('[data-refused="policy"]');
    const refusal = await options.$eval('[data-refused="policy"]', (el) => el.textContent ?? '');
    expect(refusal).toContain('timers.replyWindowMinutes');
    expect(refusal).toContain('Policy-test A');
  }, 90_000);
});
