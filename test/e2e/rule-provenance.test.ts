/**
 * Traceability (issue 13): the side panel names the rules in force (name, version, the first 12
 * hex of the digest) and the PDF the real bridge saves prints the same digest prefix in its
 * footer (read with poppler's pdftotext).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBridge, startBridge } from '../../bridge/app';
import { silentLogger } from '../../bridge/log';
import { defaultRuleSet, ruleSetDigest } from '../../shared/rules';
import { FakeCardReader, FileSystemCard, pkcs15FileSystem } from '../bridge/fake-reader';
import { testConfig } from '../bridge/http-helpers';
import { createTestChain } from '../bridge/test-certs';
import { browserTestsUnavailable, waitFor } from './harness';
import { openJournalPanel } from './journal-panel-page';
import { type Stack, startStack } from './stack';

const READER = 'Virtual PCD 00 00';
const unavailable = browserTestsUnavailable() || spawnSync('pdftotext', ['-v']).status !== 0;

describe.skipIf(unavailable)('rule provenance: side panel and PDF footer name the rules (issue 13)', () => {
  let stack: Stack;
  let bridge: RunningBridge;
  let exportDir: string;
  const token = randomBytes(32).toString('base64url');
  const prefix = ruleSetDigest(defaultRuleSet).slice(0, 12);

  const sendFrom = (page: Page, message: unknown) =>
    page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Record<string, unknown>>;

  beforeAll(async () => {
    const chain = await createTestChain();
    const fake = new FakeCardReader();
    fake.plugReader(READER);
    fake.insert(READER, new FileSystemCard(pkcs15FileSystem(chain.cardOrder)));
    exportDir = mkdtempSync(path.join(tmpdir(), 'cc-provenance-'));
    bridge = await startBridge(testConfig({ port: 0, token, exportDir, trustAnchors: [chain.ca] }), silentLogger, {
      reader: fake,
      retryMs: 50,
      pollMs: 100,
    });
    stack = await startStack();
    // Pair the way the options page does: a message from an extension page.
    const options = await stack.ext.browser.newPage();
    await options.goto(`chrome-extension://${stack.ext.extensionId}/options.html`);
    await options.waitForSelector('#bridge-heading');
    expect(await sendFrom(options, { type: 'bridge-pair', token, port: bridge.server.port, save: true })).toMatchObject(
      {
        ok: true,
      },
    );
    await options.close();
  });
  afterAll(async () => {
    await stack?.stop();
    await bridge?.stop();
    if (exportDir) rmSync(exportDir, { recursive: true, force: true });
  });

  it('the side panel shows name, version and digest prefix; the exported PDF prints the prefix', async () => {
    const visit = await stack.openVisit(stack.cases.adult);
    const panel = await openJournalPanel(stack, visit);
    const shown = await panel.$eval('#rules-provenance', (el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    expect(shown).toBe(`${defaultRuleSet.meta.name} ${defaultRuleSet.meta.version} · ${prefix}`);

    await panel.click('#export-pdf button');
    await panel.waitForSelector('#export-pdf .result', { timeout: 25_000 });
    const result = await panel.$eval('#export-pdf .result', (el) => el.textContent ?? '');
    expect(result).toContain('PDF sparad');
    await waitFor(async () => readdirSync(exportDir).some((f) => f.endsWith('.pdf')));
    const file = readdirSync(exportDir).find((f) => f.endsWith('.pdf'))!;
    const text = execFileSync('pdftotext', [path.join(exportDir, file), '-'], { encoding: 'utf8' });
    expect(text).toContain(
      `Regeluppsättning: ${defaultRuleSet.meta.name}, version ${defaultRuleSet.meta.version}, ${prefix}`,
    );
    await panel.close();
    await visit.close();
  });
});
