/**
 * Publishing to the unit (issue 13): a superuser applies a rule set and exports it for IT; the
 * Linux policy file from *Exportera för IT*, written to the real Chromium policy folder, gives a
 * fresh profile the same rules in force (same digest), and there the editor is read-only, marked
 * "Styrs av din organisation". The policy folder is machine-global: the file is removed after.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type RuleSet, ruleSetDigest } from '../../shared/rules';
import { browserTestsUnavailable, type ExtensionBrowser, launchWithExtension, waitFor } from './harness';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'clinic-companion-rule-export-test.json');
const REPLY = '[id="field-timers.replyWindowMinutes"]';
const isRoot = process.getuid?.() === 0;
const unavailable = browserTestsUnavailable() ?? (isRoot ? null : 'writing machine policy needs root');
if (unavailable && process.env.CI === 'true') throw new Error(unavailable);

/** The rules in force, asked of the worker; an evaluate on a worker Chrome just stopped never
 * settles, so it is bounded (undefined → the caller's waitFor asks a fresh worker again). */
const inForce = async (ext: ExtensionBrowser): Promise<{ source: string; rules: RuleSet } | undefined> => {
  const ask = (await ext.worker()).evaluate(
    async () => (await chrome.storage.local.get('effectiveRuleSet')).effectiveRuleSet as unknown,
  ) as Promise<{ source: string; rules: RuleSet } | undefined>;
  return Promise.race([ask, new Promise<undefined>((r) => setTimeout(() => r(undefined), 3_000))]);
};

async function options(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.waitForSelector('#rule-editor-form');
  return page;
}

describe.skipIf(unavailable)('Exportera för IT → real Chromium policy → same rules on a fresh profile', () => {
  const browsers: ExtensionBrowser[] = [];
  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    for (const b of browsers) await b.close();
  });

  it('the exported Linux policy puts the same rules in force, and policy parts cannot be edited', async () => {
    const superuser = await launchWithExtension();
    browsers.push(superuser);
    const page = await options(superuser);
    const input = (await page.$(REPLY)) as ElementHandle<HTMLInputElement>;
    await input.click({ count: 3 });
    await page.keyboard.press('Backspace');
    await input.type('75');
    await page.click('#rule-editor-check-button');
    await page.waitForSelector('#rule-editor-check.ok');
    await page.click('#rule-editor-apply-button');
    await waitFor(async () => (await inForce(superuser))?.rules.timers.replyWindowMinutes === 75);
    const applied = (await inForce(superuser))!.rules;

    await page.click('#rule-editor-export-button');
    const linux = await page.$eval(
      '#rule-editor-export li[data-file="clinic-companion-chrome-regler.json"] textarea',
      (el) => (el as HTMLTextAreaElement).value,
    );
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, linux);

    const managed = await launchWithExtension();
    browsers.push(managed);
    await waitFor(async () => (await inForce(managed))?.source === 'policy', 20_000);
    const there = (await inForce(managed))!.rules;
    expect(there.timers.replyWindowMinutes).toBe(75);
    expect(ruleSetDigest(there)).toBe(ruleSetDigest(applied));

    // On the managed profile the editor shows the rules as policy's, read-only.
    const locked = await options(managed);
    await locked.waitForSelector('#rule-editor-locked');
    expect(await locked.$eval('#rule-editor-locked', (el) => el.textContent)).toContain('Styrs av din organisation');
    expect(await locked.$eval('#rule-editor-sources [data-part="timers"]', (el) => el.textContent)).toContain(
      'Styrs av din organisation',
    );
    expect(await locked.$eval(REPLY, (el) => (el as HTMLInputElement).disabled)).toBe(true);
    expect(await locked.$eval('#rule-editor-json .cm-content', (el) => el.getAttribute('contenteditable'))).toBe(
      'false',
    );
    expect(await locked.$eval('#rule-editor-check-button', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
    expect(await locked.$eval('#rule-editor-apply-button', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
    // Typing into the read-only JSON view changes nothing.
    const draft = () => locked.$eval('#rule-editor-json-value', (el) => (el as HTMLInputElement).value);
    const before = await draft();
    await locked.click('#rule-editor-json .cm-content');
    await locked.keyboard.type('x');
    expect(await draft()).toBe(before);
    // Two fresh Chromium profiles and the policy's arrival in managed storage (≈3 s after the
    // worker starts): slower than one page, so a larger time budget (not a looser check).
  }, 150_000);
});
