/**
 * R-SUP-1 end to end: "Kopiera supportinfo" on a visit page in Chromium copies the URL without
 * the visit's ID, the versions, the rule set's digest, the page's field health and the support
 * chain — and none of the scenario's personnummer (any form) or names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../../shared/rules/default';
import { ruleSetDigest } from '../../shared/rules/digest';
import { PATIENTS, type ScenarioPatient } from '../fixtures/patients';
import { browserTestsUnavailable, readClipboard, waitFor } from './harness';
import { type Stack, startStack } from './stack';

const unavailable = browserTestsUnavailable();
const BUTTON = '[data-clinic-companion="panel"] >>> [data-support-info="copy"]';

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
      await (await page.waitForSelector(BUTTON))!.click();
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
});
