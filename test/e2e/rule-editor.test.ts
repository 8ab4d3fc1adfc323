/**
 * The superuser's rule editor (issue 13) in the real options page: a timer edited in the form is
 * followed by the JSON view, Kontrollera names a wrong value by its path, Tillämpa puts the fixed
 * rules in force (version bumped; a no-reply chip shows the new window), rollback restores the
 * previous version, and an older file is migrated and says so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultRuleSet } from '../../shared/rules/default';
import { nextVersion } from '../../shared/rules/editor';
import { durationText } from '../../shared/rules/phrases';
import { describeInBrowser, waitFor } from './harness';
import { type Stack, startStack } from './stack';
import { chip, readyWorker } from './timer-helpers';

const REPLY = '[id="field-timers.replyWindowMinutes"]';
const text = (page: Page, selector: string) =>
  page.$eval(selector, (el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '').catch(() => '');
const jsonView = (page: Page) => page.$eval('#rule-editor-json-value', (el) => (el as HTMLInputElement).value);

/** Replaces the JSON editor's whole text as typed input (CodeMirror 6). */
async function typeJson(page: Page, text: string): Promise<void> {
  await page.click('#rule-editor-json .cm-content');
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.sendCharacter(text);
}

async function typeNumber(page: Page, selector: string, value: string): Promise<void> {
  const input = (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
  await input.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await input.type(value);
}

describeInBrowser('rule editor (issue 13), options page in real Chromium', () => {
  let stack: Stack;
  let dir: string;
  beforeAll(async () => {
    stack = await startStack();
    dir = mkdtempSync(path.join(tmpdir(), 'cc-rule-editor-'));
  });
  afterAll(async () => {
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const options = async () => {
    const page = await stack.ext.browser.newPage();
    await page.goto(`chrome-extension://${stack.ext.extensionId}/options.html`);
    await page.waitForSelector('#rule-editor-form');
    return page;
  };
  const inForce = async () => {
    const worker = await readyWorker(stack.ext);
    return worker.evaluate(async () => {
      const e = (await chrome.storage.local.get('effectiveRuleSet')).effectiveRuleSet as
        | { source: string; rules: { meta: { version: string }; timers: { replyWindowMinutes: number } } }
        | undefined;
      return e ? { source: e.source, version: e.rules.meta.version, reply: e.rules.timers.replyWindowMinutes } : null;
    });
  };

  it('form → JSON → Kontrollera names the wrong value → fix → Tillämpa → chip shows the new window → rollback', async () => {
    const page = await options();
    expect(await text(page, '#rule-editor-sources [data-part="timers"]')).toContain('standard');

    // The form edits the draft, and the JSON view follows.
    await typeNumber(page, REPLY, '-5');
    await waitFor(async () => (await jsonView(page)).includes('"replyWindowMinutes": -5'));
    await page.click('#rule-editor-check-button');
    await page.waitForSelector('#rule-editor-check.error');
    const errors = await text(page, '#rule-editor-check');
    expect(errors).toContain('timers.replyWindowMinutes');
    expect(errors).toMatch(/måste vara|större än/);
    expect(await page.$eval('#rule-editor-apply-button', (b) => (b as HTMLButtonElement).disabled)).toBe(true);

    // Fixed: Kontrollera passes, the diff names the change, Tillämpa puts it in force.
    await typeNumber(page, REPLY, '90');
    await waitFor(async () => (await jsonView(page)).includes('"replyWindowMinutes": 90'));
    await page.click('#rule-editor-check-button');
    await page.waitForSelector('#rule-editor-check.ok');
    expect(await text(page, '#diff-in-force')).toContain(
      `timers.replyWindowMinutes: ${defaultRuleSet.timers.replyWindowMinutes} → 90`,
    );
    await page.click('#rule-editor-apply-button');
    await waitFor(async () => (await text(page, '#rule-editor-status')).startsWith('Tillämpad'));
    const applied = nextVersion(defaultRuleSet.meta.version);
    expect(await inForce()).toEqual({ source: 'superuser', version: applied, reply: 90 });
    expect(await text(page, '#rule-editor-sources [data-part="timers"]')).toContain('superanvändare');

    // The running extension uses it: a visit waiting for the patient shows the new window.
    const id = stack.sim.control.createCase({ patientKey: 'adult2', priority: 3, state: 'ongoing' }).id;
    stack.sim.control.addMessage(id, { author: 'clinician', text: 'Hur mår du?' });
    const visit = await stack.openVisit(id);
    // The chip (whatever its state by the console's clock) speaks of the applied window.
    await waitFor(async () => (await chip(visit)).text.includes(`(${durationText(90)})`), 15_000);
    await visit.close();

    // A second version, then rollback to the first.
    await typeNumber(page, REPLY, '60');
    await page.click('#rule-editor-check-button');
    await page.waitForSelector('#rule-editor-check.ok');
    await page.click('#rule-editor-apply-button');
    await waitFor(async () => (await inForce())?.reply === 60);
    await waitFor(async () => (await page.$$('#rule-editor-history li')).length === 2);
    await page.click(`#rule-editor-history li[data-version="${applied}"] button.rollback`);
    await waitFor(async () => (await inForce())?.reply === 90);
    expect(await inForce()).toEqual({ source: 'superuser', version: applied, reply: 90 });
    expect(await page.$eval(REPLY, (el) => (el as HTMLInputElement).value)).toBe('90');
    await page.close();
  });

  it('two edits in the form between two paints: the draft keeps the last one and the page stays responsive', async () => {
    const page = await options();
    // Both inputs land before the next paint, so the first render's effect is still pending when
    // the second render starts (a clinician typing fast on a slow PC). This froze the page.
    const edit = page.evaluate(async (selector) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      for (let i = 0; i < 5; i++) await Promise.resolve();
      input.value = '45';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, REPLY);
    const frozen = new Promise<'frozen'>((resolve) => setTimeout(() => resolve('frozen'), 10_000));
    expect(await Promise.race([edit.then(() => 'done'), frozen])).toBe('done');
    const answered = page.evaluate(() => new Promise((r) => setTimeout(() => r('answered'), 500)));
    expect(await Promise.race([answered, frozen])).toBe('answered');
    expect(await jsonView(page)).toContain('"replyWindowMinutes": 45');
    expect(await page.$eval(REPLY, (el) => (el as HTMLInputElement).value)).toBe('45');
    await page.click('#rule-editor-reset-button');
    await page.close();
  });

  it('the JSON editor: the form follows it, errors show inline at their path, the schema completes field names', async () => {
    const page = await options();
    const draft = structuredClone(defaultRuleSet) as unknown as { timers: Record<string, unknown> };
    draft.timers.replyWindowMinutes = 0;
    await typeJson(page, JSON.stringify(draft, null, 2));
    await waitFor(async () => (await page.$eval(REPLY, (el) => (el as HTMLInputElement).value)) === '0');
    // Inline: a lint mark in the text and the Swedish message naming the path.
    await page.waitForSelector('#rule-editor-json .cm-lintRange-error', { timeout: 5_000 });
    const marked = await page.$eval('#rule-editor-json .cm-lintRange-error', (el) => el.textContent);
    expect(marked).toBe('0');
    expect(await text(page, '#rule-editor-live')).toContain('timers.replyWindowMinutes');

    await typeJson(page, '{\n  "timers": {\n    "repl');
    await page.waitForSelector('.cm-tooltip-autocomplete', { timeout: 5_000 });
    const offered = await page.$$eval('.cm-tooltip-autocomplete li', (els) => els.map((el) => el.textContent));
    expect(offered).toContain('"replyWindowMinutes"');
    expect(offered).not.toContain('"units"');
    // Unsaved changes: leaving asks first; after Återställ it does not.
    const leavingAsks = () =>
      page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        dispatchEvent(event);
        return event.defaultPrevented;
      });
    expect(await leavingAsks()).toBe(true);
    await page.click('#rule-editor-reset-button');
    await waitFor(async () => !(await leavingAsks()));
    await page.close();
  });

  it('selector overrides show their health on an open console tab: broken → red, fixed → green', async () => {
    const visit = await stack.openVisit(stack.cases.adult);
    const page = await options();
    const health = (field: string) =>
      page
        .$eval(`#selector-health li[data-field="${field}"]`, (el) => (el as HTMLElement).dataset.health ?? null)
        .catch(() => null);
    await waitFor(async () => (await health('chatLog')) === 'found', 10_000);

    const apply = async (selectorOverrides: unknown) => {
      const draft = JSON.parse(await jsonView(page)) as Record<string, unknown>;
      await typeJson(page, JSON.stringify({ ...draft, selectorOverrides }, null, 2));
      await page.click('#rule-editor-check-button');
      await page.waitForSelector('#rule-editor-check.ok');
      await page.click('#rule-editor-apply-button');
      await waitFor(async () => (await text(page, '#rule-editor-status')).startsWith('Tillämpad'));
    };
    await apply({ chatLog: [{ kind: 'label', label: 'Etikett som inte finns' }] });
    await waitFor(async () => (await health('chatLog')) === 'missing', 10_000);
    expect(await text(page, '#selector-health li[data-field="chatLog"]')).toContain('åsidosatt i regeluppsättningen');
    await apply({});
    await waitFor(async () => (await health('chatLog')) === 'found', 10_000);
    await page.close();
    await visit.close();
  });

  it('an older file is migrated and says so; an invalid file is refused whole with every error', async () => {
    const page = await options();
    const before = await inForce();
    const v2 = path.join(dir, 'v2.json');
    writeFileSync(v2, JSON.stringify(await import('../../shared/rules/examples/v2.json').then((m) => m.default)));
    const input = (await page.$('#rule-editor-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(v2);
    await page.waitForSelector('#rule-editor-check.ok');
    expect(await text(page, '#rule-editor-check')).toContain('schemaversion 2 och har migrerats');
    expect(await jsonView(page)).toContain('"schemaVersion": 3');

    const bad = path.join(dir, 'bad.json');
    const broken = structuredClone(defaultRuleSet) as unknown as Record<string, Record<string, unknown>>;
    broken.timers!.replyWindowMinutes = 0;
    broken.meta!.name = '';
    writeFileSync(bad, JSON.stringify(broken));
    await page.click('#rule-editor-reset-button');
    const draft = await jsonView(page);
    await input.uploadFile(bad);
    await page.waitForSelector('#rule-editor-check.error');
    const listed = await text(page, '#rule-editor-check');
    expect(listed).toContain('timers.replyWindowMinutes');
    expect(listed).toContain('meta.name');
    expect(await jsonView(page)).toBe(draft);
    expect(await inForce()).toEqual(before);
    await page.close();
  });
});
