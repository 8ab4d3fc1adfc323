/**
 * R-SUP-1 end to end: "Kopiera supportinfo" on a visit page in Chromium copies the URL without
 * the visit's ID, the versions, the rule set's digest, the page's field health and the support
 * chain — and none of the scenario's personnummer (any form) or names.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge } from '../../bridge/app';
import { silentLogger } from '../../bridge/log';
import { POLICY_FEATURES } from '../../shared/policy';
import { defaultRuleSet } from '../../shared/rules/default';
import { ruleSetDigest } from '../../shared/rules/digest';
import { FakeCardReader } from '../bridge/fake-reader';
import { testConfig } from '../bridge/http-helpers';
import { PATIENTS, type ScenarioPatient } from '../fixtures/patients';
import { bridgeState, browserTestsUnavailable, readClipboard, waitFor } from './harness';
import { sidePanelElement } from './side-panel';
import { pairThroughOptions, type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();
/** The button is in the side panel (issue 14); the report is still about this console page. */
const copyButton = (page: Page) => sidePanelElement(page, 'support-info', '[data-support-info="copy"]');
/** Presses it and waits for the side panel to say the copy was made (the clipboard then holds this page's report). */
async function copySupportInfo(page: Page): Promise<void> {
  await (await copyButton(page)).click();
  await waitFor(async () => (await (await copyButton(page)).evaluate((b) => b.textContent)) === 'Supportinfo kopierad');
}

describe.skipIf(unavailable)('support-info: Kopiera supportinfo (R-SUP-1)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-SUP-1: the report has the URL without the visit, versions, digest, field health and support chain; no patient data', async () => {
    const seen: string[] = [];
    for (const key of ['adult', 'coordination', 'protected', 'child'] as const) {
      const page = await stack.openVisit(stack.cases[key]);
      await page.waitForSelector('[data-clinic-companion="copy-patient-id"]');
      await copySupportInfo(page);
      let text = '';
      await waitFor(async () => {
        text = await readClipboard(page);
        return text.startsWith('Clinic Companion – supportinformation');
      });
      expect(text).toContain(`Sida: ${stack.sim.url}/besok/…`);
      expect(text).not.toContain(stack.cases[key]);
      expect(text).toMatch(/Tillägg: version \d+\.\d+\.\d+/);
      expect(text).toContain(`sha256 ${ruleSetDigest(defaultRuleSet)}`);
      expect(text).toContain('personnummer: hittades');
      expect(text).toContain('Superanvändare');
      seen.push(text);
      await page.close();
    }
    const all = seen.join('\n');
    for (const p of Object.values(PATIENTS) as ScenarioPatient[]) {
      const digits = p.personnummer.replace(/\D/g, '');
      for (const form of [p.personnummer, digits, digits.slice(2), `${digits.slice(2, 8)}-${digits.slice(8)}`])
        expect(all).not.toContain(form);
      for (const part of p.name.split(' ')) expect(all).not.toContain(part);
      for (const g of p.guardians ?? []) for (const part of g.name.split(' ')) expect(all).not.toContain(part);
    }
  });

  it("R-SUP-1: every feature's state and the paired bridge's own version", async () => {
    const token = randomBytes(32).toString('base64url');
    const reader = new FakeCardReader();
    reader.plugReader('Virtual PCD 00 00');
    const bridge = await startBridge(testConfig({ port: 0, token }), silentLogger, {
      reader,
      retryMs: 50,
      pollMs: 100,
    });
    try {
      await pairThroughOptions(stack.ext, token, bridge.server.port);
      const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

      const page = await stack.openVisit(stack.cases.adult);
      await waitFor(async () => (await bridgeState(page)) === 'no-card', 10_000);
      await page.waitForSelector('[data-clinic-companion="copy-patient-id"]');
      await copySupportInfo(page);
      let text = '';
      await waitFor(async () => {
        text = await readClipboard(page);
        return text.includes(`Brygga: ok, kort: NO_CARD, version ${version}`);
      });
      const lines = text.split('\n');
      const features = lines.slice(
        lines.indexOf('Funktioner:') + 1,
        lines.indexOf('Kontakta support i den här ordningen:'),
      );
      // One line per feature of the page, each with its state; these run on every visit page.
      expect(features).toHaveLength(POLICY_FEATURES.length);
      for (const id of ['copy-patient-id', 'shift-guard', 'ticket-receiving', 'support-info'])
        expect(features).toContain(`  ${id}: körs`);
      expect(features).toContain('  page-health: körs (sidan läses)');
      await page.close();
    } finally {
      await bridge.stop();
    }
  });
});
