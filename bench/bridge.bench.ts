/**
 * Bridge budgets: journal PDF (300 chat lines) median, GET /v1/card p99 at 200 requests/s over
 * loopback (express), the bridge's own latency from a PC/SC card-removed status change to the SSE
 * write, and (issue 11) pairing at start-up: worker start → bridge proven through the native host.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBridge } from '../bridge/app';
import { silentLogger } from '../bridge/log';
import { DISCOVERY_FILE_NAME } from '../bridge/native-host/discovery';
import { registerNativeHost } from '../bridge/native-host/register';
import { PdfExportService } from '../bridge/services/pdf-service';
import { CHROME_EXTENSION_ID } from '../shared/extension-identity';
import { FakeCardReader } from '../test/bridge/fake-reader';
import { journalRequest } from '../test/bridge/fixtures';
import { ORIGIN, StubCard, startStubBridge, TEST_TOKEN, testConfig } from '../test/bridge/http-helpers';
import { browserTestsUnavailable, launchWithExtension, waitFor } from '../test/e2e/harness';
import { missingPcscStack, PcscStack } from '../test/pcsc/harness';
import { type BenchResult, type BenchSuite, median, percentile, sample } from './types';

async function pdfBench(): Promise<BenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-pdf-'));
  try {
    const service = new PdfExportService(dir, new StubCard());
    const request = journalRequest();
    const lines = Array.from({ length: 300 }, (_, i) =>
      i % 2 === 0
        ? `Patient ${i}: Jag har haft ont i halsen i tre dagar och nu även feber, 38,5 i morse. Ska jag komma in?`
        : `Sjuksköterska ${i}: Tack för informationen. Har du svårt att svälja eller andas? Äter och dricker du?`,
    );
    request.note.sections.push({ keyword: 'Chatt', text: lines.join('\n') });
    request.note.text = `${request.note.text}\n${lines.join('\n')}`;
    const samples = await sample(() => service.exportJournal(request), 30, 5);
    return {
      name: 'journal PDF, 300 chat lines',
      value: median(samples),
      unit: 'ms',
      statistic: 'median',
      budget: 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cardEndpointBench(): Promise<BenchResult> {
  const { bridge } = await startStubBridge();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const get = () =>
    new Promise<number>((resolve, reject) => {
      const start = performance.now();
      const req = http.get(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/v1/card',
          agent,
          headers: { Origin: ORIGIN, Authorization: `Bearer ${TEST_TOKEN}` },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(performance.now() - start));
        },
      );
      req.on('error', reject);
    });
  try {
    // Warm the JIT on both sides first (the client runs in this process too).
    for (let i = 0; i < 2000; i++) await get();
    const samples: Promise<number>[] = [];
    const rate = 200;
    const total = 1000;
    const t0 = performance.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      samples.push(get());
    }
    const values = await Promise.all(samples);
    return {
      name: 'GET /v1/card at 200 req/s',
      value: percentile(values, 99),
      unit: 'ms',
      statistic: 'p99',
      budget: 5,
    };
  } finally {
    agent.destroy();
    await bridge.close();
  }
}

async function cardEventBench(): Promise<BenchResult | null> {
  const missing = missingPcscStack();
  if (missing.length > 0) {
    console.warn(`  ⚠ card-removed → SSE skipped: PC/SC test stack missing (${missing.join(', ')})`);
    return null;
  }
  const stack = new PcscStack();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-card-'));
  await stack.startPcscd();
  const bridge = await startBridge(testConfig({ exportDir: dir }), silentLogger, { retryMs: 300 });
  const added: number[] = [];
  const endToEnd: number[] = [];
  let removedAt = 0;
  bridge.server.onSseWrite = (status, meta, writtenAt) => {
    if (status.state === 'NO_CARD' && removedAt > 0) added.push(writtenAt - meta.detectedAt);
  };
  const states: string[] = [];
  const port = bridge.server.port;
  const sse = http.request({
    host: '127.0.0.1',
    port,
    path: '/v1/card/events',
    headers: { Host: `127.0.0.1:${port}`, Origin: ORIGIN, Authorization: `Bearer ${TEST_TOKEN}` },
  });
  sse.on('response', (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/"state":"([A-Z_]+)"/g)) {
        states.push(m[1]!);
        if (m[1] === 'NO_CARD' && removedAt > 0) {
          endToEnd.push(performance.now() - removedAt);
          removedAt = 0;
        }
      }
    });
  });
  sse.on('error', () => {});
  sse.end();
  const waitFor = async (state: string) => {
    const deadline = Date.now() + 10_000;
    while (states.at(-1) !== state) {
      if (Date.now() > deadline) throw new Error(`no ${state}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  try {
    await waitFor('NO_CARD');
    for (let i = 0; i < 15; i++) {
      await stack.insertCard('plain');
      await waitFor('UNSUPPORTED_CARD');
      removedAt = performance.now();
      await stack.removeCards();
      await waitFor('NO_CARD');
    }
  } finally {
    sse.destroy();
    await bridge.stop();
    await stack.stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `  (end to end, card pulled → SSE event at the client, incl. pcscd's polling: p95 ${percentile(endToEnd, 95).toFixed(0)} ms)`,
  );
  return {
    name: 'card removed → SSE write, added by the bridge',
    value: percentile(added, 95),
    unit: 'ms',
    statistic: 'p95',
    budget: 50,
  };
}

/**
 * Issue 11: a fresh Chromium profile with the native host registered in it; the worker's own
 * clock from its start to the bridge proven (native host asked, challenge answered), read from
 * the pairing info it publishes. One browser start per sample: the pairing at start-up itself.
 */
async function nativePairingBench(): Promise<BenchResult | null> {
  if (browserTestsUnavailable()) return null;
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'bench-native-'));
  const discoveryFile = path.join(configDir, DISCOVERY_FILE_NAME);
  const bridge = await startBridge(
    testConfig({ token: TEST_TOKEN, exportDir: path.join(configDir, 'export'), discoveryFile }),
    silentLogger,
    { reader: new FakeCardReader() },
  );
  const samples: number[] = [];
  const finding: number[] = [];
  try {
    for (let i = 0; i < 8; i++) {
      const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-native-profile-'));
      registerNativeHost({
        launcherDir: path.join(configDir, 'native-host'),
        discoveryFile,
        allowedExtensionIds: [CHROME_EXTENSION_ID],
        manifestDirs: [path.join(userDataDir, 'NativeMessagingHosts')],
      });
      const ext = await launchWithExtension({ userDataDir });
      try {
        const worker = await ext.worker();
        type Info = { provenAfterStartMs?: number; findingStartedAfterStartMs?: number };
        const read = () =>
          worker.evaluate(() =>
            chrome.storage.session.get('bridgePairingInfo').then((s) => s.bridgePairingInfo ?? null),
          ) as Promise<Info | null>;
        await waitFor(async () => typeof (await read())?.provenAfterStartMs === 'number', 15_000);
        const info = (await read())!;
        // The first start of a profile also builds it: counted as a warm-up, not a sample.
        if (i > 0) {
          samples.push(info.provenAfterStartMs!);
          finding.push(info.provenAfterStartMs! - info.findingStartedAfterStartMs!);
        }
      } finally {
        await ext.close();
      }
    }
  } finally {
    await bridge.stop();
    rmSync(configDir, { recursive: true, force: true });
  }
  console.log(
    `  (pairing at start-up, each browser start: ${samples.map((v) => v.toFixed(0)).join(', ')} ms; of which the ` +
      `bridge client's own search (host asked, bridge proven): ${finding.map((v) => v.toFixed(0)).join(', ')} ms)`,
  );
  return {
    name: 'pairing at start-up: worker start → bridge proven (native host)',
    value: median(samples),
    unit: 'ms',
    statistic: 'median',
    budget: 300,
  };
}

const suite: BenchSuite = async () => {
  // Loopback latency first, before the PDF runs grow the heap (their GC pauses are not the bridge's).
  const endpoint = await cardEndpointBench();
  const results = [await pdfBench(), endpoint];
  const event = await cardEventBench();
  if (event) results.push(event);
  const pairing = await nativePairingBench();
  if (pairing) results.push(pairing);
  return results;
};
export default suite;
