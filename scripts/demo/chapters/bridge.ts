import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { type RunningBridge, startBridge } from '../../../bridge/app';
import { silentLogger } from '../../../bridge/log';
import { FakeCardReader, FileSystemCard, pkcs15FileSystem } from '../../../test/bridge/fake-reader';
import { journalRequest } from '../../../test/bridge/fixtures';
import { testConfig } from '../../../test/bridge/http-helpers';
import { createTestChain, TEST_CLINICIAN_NAME, TEST_HSA_ID } from '../../../test/bridge/test-certs';
import { bridgeState, panelText, waitFor } from '../../../test/e2e/harness';
import { clickCopy } from '../../../test/e2e/stack';
import { swedish } from '../../../test/fixtures/words';
import { dangerBarText } from '../side-panel';
import type { DemoChapter } from '../types';

const READER = 'Virtual PCD 00 00';
const PRESENT = `SITHS-kort isatt: ${TEST_CLINICIAN_NAME}, ${TEST_HSA_ID}`;

/**
 * Issue 5: the real bridge runs in this process (bridge/app.ts startBridge) on a free port with
 * the scripted card reader (FakeCardReader holding a test SITHS chain made now), so the demo needs
 * no pcscd; the real PC/SC stack has its own suite (test/pcsc). The test build may reach any
 * 127.0.0.1 port; the release build only 47121.
 */
export const bridge: DemoChapter = {
  title: 'Bryggan: parkoppling, SITHS-kort och PDF-export (issue 5)',
  async run({ stack, step, screenshot, expect }) {
    const chain = await createTestChain();
    const fake = new FakeCardReader();
    fake.plugReader(READER);
    const sithsCard = () => new FileSystemCard(pkcs15FileSystem(chain.cardOrder));
    const exportDir = mkdtempSync(path.join(tmpdir(), 'cc-demo-export-'));
    const token = randomBytes(32).toString('base64url');
    let running: RunningBridge | null = await startBridge(
      testConfig({ port: 0, token, exportDir, trustAnchors: [chain.ca] }),
      silentLogger,
      {
        reader: fake,
        retryMs: 50,
        pollMs: 100,
      },
    );
    const port = running.server.port;
    const outDir = path.resolve('demo-output');
    const pages: Page[] = [];
    const options = async () => {
      const page = await stack.ext.browser.newPage();
      pages.push(page);
      await page.goto(`chrome-extension://${stack.ext.extensionId}/options.html`);
      await page.waitForSelector('#bridge-heading');
      return page;
    };

    try {
      const visit = await stack.openVisit(stack.cases.adult);
      pages.push(visit);
      // The clinician has this visit's patient in Cosmic: the danger bar is left to the card (R-S-2).
      await clickCopy(visit);
      await step(
        'Utan parkoppling säger besöket inget om bryggan: parkoppling hör till Inställningar (issue 14)',
        async () => {
          await waitFor(async () => (await bridgeState(visit)) === 'not-paired');
          expect(!(await panelText(visit)).includes('Ej parkopplad'), 'sidopanelen visar "Ej parkopplad" på besöket');
          await screenshot(visit, 'bridge-not-paired', { sidePanel: true });
        },
      );

      await step('Inställningar: klistra in bryggans nyckel – bryggan bevisar att den har den (HMAC)', async () => {
        const page = await options();
        await page.type('#bridge-token', token);
        await page.$eval('#bridge-port', (el) => {
          (el as HTMLInputElement).value = '';
        });
        await page.type('#bridge-port', String(port));
        await page.click('#bridge-pair');
        await page.waitForFunction(
          () => document.querySelector('#bridge-result')?.textContent?.includes('visade att den har nyckeln'),
          { timeout: 10_000 },
        );
        await screenshot(page, 'bridge-options-paired');
      });

      await step('SITHS-kortet sätts i: allt är i ordning, sidopanelen säger inget om bryggan (issue 14)', async () => {
        fake.insert(READER, sithsCard());
        await waitFor(async () => (await bridgeState(visit)) === 'card-present');
        const page = await options();
        await page.waitForFunction((text) => document.body.textContent?.includes(text), {}, PRESENT);
        await page.close();
        await screenshot(visit, 'bridge-card-present', { sidePanel: true });
      });

      await step(
        'R-S-2: kortet dras ut → varning på sidan direkt; "Inget kort" och skiftet pågår fortfarande i sidopanelen',
        async () => {
          const started = performance.now();
          fake.remove(READER);
          await waitFor(
            async () => (await dangerBarText(visit))?.includes(swedish('shiftGuard_banner')) === true,
            5_000,
            10,
          );
          const ms = Math.round(performance.now() - started);
          await waitFor(async () => (await panelText(visit)).includes('Inget kort'), 5_000, 10);
          expect((await panelText(visit)).includes('Skiftet pågår fortfarande'), 'påminnelsen om Avsluta skift saknas');
          await screenshot(visit, 'bridge-card-pulled', { sidePanel: true });
          console.log(`    (kort uttaget → sidan visar det: ${ms} ms)`);
          fake.insert(READER, sithsCard());
          await waitFor(async () => (await bridgeState(visit)) === 'card-present');
        },
      );

      await step(
        'Arbetaren (service worker) stoppas; kortet byts under tiden – sidan visar rätt när den vaknar',
        async () => {
          await stack.ext.killWorker();
          fake.remove(READER);
          const other = await stack.openVisit(stack.cases.adult2);
          pages.push(other);
          await waitFor(async () => (await panelText(other)).includes('Inget kort'));
          await waitFor(async () => (await panelText(visit)).includes('Inget kort'));
          fake.insert(READER, sithsCard());
          await waitFor(async () => (await bridgeState(visit)) === 'card-present');
        },
      );

      await step('Exportera PDF via bakgrunden: filen hamnar i exportmappen, utan personnummer i namnet', async () => {
        const page = await options();
        const reply = (await page.evaluate(
          (request) => chrome.runtime.sendMessage({ type: 'bridge-export-pdf', request }),
          journalRequest(),
        )) as { ok: boolean; fileName?: string; code?: string };
        expect(reply.ok === true && !!reply.fileName, `exporten misslyckades: ${reply.code ?? ''}`);
        const file = path.join(exportDir, reply.fileName!);
        expect(existsSync(file), 'filen finns inte i exportmappen');
        expect(!/\d{6,}/.test(reply.fileName!), 'filnamnet innehåller en sifferföljd');
        mkdirSync(outDir, { recursive: true });
        copyFileSync(file, path.join(outDir, 'bridge-journal.pdf'));
        try {
          // First page as a picture, for the demo's screenshots (poppler is installed by setup).
          execFileSync('pdftoppm', [
            '-png',
            '-r',
            '60',
            '-f',
            '1',
            '-l',
            '1',
            '-singlefile',
            file,
            path.join(outDir, 'bridge-journal-pdf'),
          ]);
        } catch {
          // No poppler: the PDF itself is in demo-output.
        }
        console.log(`    (${reply.fileName} → demo-output/bridge-journal.pdf)`);
      });

      await step(
        'En främmande server på porten (fel bevis): "Okänd brygga", inga kortuppgifter, ingen export',
        async () => {
          const seen: string[] = [];
          const squatter = http.createServer((req, res) => {
            seen.push(`${req.method} ${req.url?.split('?')[0]}`);
            req.resume();
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.end(
              JSON.stringify({
                ok: true,
                service: 'clinic-companion-bridge',
                protocolVersion: 2,
                proof: 'ab'.repeat(32),
              }),
            );
          });
          // The bridge stops and a stranger takes its port meanwhile (prove, then trust).
          await running?.stop();
          running = null;
          await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
          try {
            await waitFor(async () => (await panelText(visit)).includes('Okänd brygga'));
            const page = await options();
            const reply = (await page.evaluate(
              (request) => chrome.runtime.sendMessage({ type: 'bridge-export-pdf', request }),
              journalRequest(),
            )) as { ok: boolean };
            expect(!reply.ok, 'exporten gick till en okänd server');
            expect(
              seen.length > 0 && seen.every((r) => r === 'GET /v1/health'),
              `servern fick mer än hälsokontrollen: ${seen.join(', ')}`,
            );
            await screenshot(visit, 'bridge-untrusted', { sidePanel: true });
          } finally {
            squatter.closeAllConnections();
            await new Promise<void>((resolve) => squatter.close(() => resolve()));
          }
        },
      );
    } finally {
      // Leave the extension unpaired for the chapters after this one, and stop the bridge.
      const page = await options().catch(() => null);
      await page?.evaluate(() => chrome.runtime.sendMessage({ type: 'bridge-unpair' })).catch(() => {});
      for (const page of pages) await page.close().catch(() => {});
      await running?.stop();
      running = null;
      rmSync(exportDir, { recursive: true, force: true });
    }
  },
};
