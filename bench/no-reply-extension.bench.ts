// Issue 4's extension budgets, in real Chromium with the test build: worker start-up → alarms
// restored for 50 running visits (≤ 100 ms), and deadline → notification shown (≤ 1 s after the
// alarm time), with the worker running and with the worker stopped (woken by the alarm).
import type { Page, WebWorker } from 'puppeteer-core';
import { waitFor } from '../test/e2e/harness';
import { startStack } from '../test/e2e/stack';
import { readyWorker } from '../test/e2e/timer-helpers';
import { type BenchResult, type BenchSuite, median, percentile } from './types';

const MIN = 60_000;
const WINDOW_MIN = 120; // the default rule set's reply window (R-NR-1)

/** Stores `count` running timers whose deadline is `deadlineIn(i)` ms from now; returns their ids. */
async function seed(worker: WebWorker, count: number, deadlineIn: (i: number) => number, tag: string) {
  return worker.evaluate(
    async (n, offsets, windowMin, t) => {
      const now = Date.now();
      const records: Record<string, unknown> = {};
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const id = `${t}${i.toString(16).padStart(4, '0')}`.padEnd(32, '0');
        ids.push(id);
        const notice = now + offsets[i]! - windowMin * 60_000;
        records[`visit:${id}:no-reply`] = {
          id,
          updatedAt: new Date(now).toISOString(),
          visitUrl: `http://127.0.0.1:1/besok/bench-${t}-${i}`,
          tabId: null,
          windowId: null,
          priority: 3,
          events: [
            { type: 'patient-message', at: new Date(notice - 5 * 60_000).toISOString() },
            { type: 'clinician-message', at: new Date(notice - 60_000).toISOString() },
            { type: 'notice-sent', at: new Date(notice).toISOString() },
          ],
          status: { state: 'idle', attempts: 0, deadline: null, phoneRequired: false, canClose: false, reasons: [] },
          evaluatedAt: new Date(now).toISOString(),
          wakeAt: null,
          notified: null,
        };
      }
      await chrome.storage.local.set(records);
      return ids;
    },
    count,
    Array.from({ length: count }, (_, i) => deadlineIn(i)),
    WINDOW_MIN,
    tag,
  );
}

async function wakeWorker(page: Page): Promise<void> {
  // Any message starts the worker; this one (an unknown timer) does nothing else.
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'no-reply-focus', id: '0'.repeat(32) }).catch(() => {}));
}

async function lags(worker: WebWorker, ids: string[]): Promise<number[]> {
  return worker.evaluate(async (list) => {
    const all = await chrome.storage.local.get(list.map((id) => `visit:${id}:no-reply`));
    return Object.values(all).map((r) => {
      const n = (r as { notified: { at: string; dueAt: string } | null }).notified;
      return n ? Date.parse(n.at) - Date.parse(n.dueAt) : -1;
    });
  }, ids);
}

async function clearTimers(worker: WebWorker): Promise<void> {
  await worker.evaluate(async () => {
    const keys = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.endsWith(':no-reply'));
    await chrome.storage.local.remove(keys);
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
}

const suite: BenchSuite = async () => {
  const results: BenchResult[] = [];
  const stack = await startStack();
  try {
    const page = await stack.ext.browser.newPage();
    await page.goto(`chrome-extension://${stack.ext.extensionId}/popup.html`);
    let worker = await readyWorker(stack.ext);

    // 1. Start-up restore: 50 running visits, alarms cleared, worker stopped, then woken.
    await seed(worker, 50, () => 90 * MIN, 'a');
    const startup: number[] = [];
    const restoreOnly: number[] = [];
    for (let run = 0; run < 12; run++) {
      await worker.evaluate(() => chrome.alarms.clearAll());
      await stack.ext.killWorker();
      await wakeWorker(page);
      worker = await readyWorker(stack.ext);
      let stats: { visits: number; durationMs: number; restoreMs: number } | undefined;
      await waitFor(async () => {
        stats = await worker.evaluate(
          async () => (await chrome.storage.session.get('noReplyRestore')).noReplyRestore as typeof stats,
        );
        const alarms = await worker.evaluate(
          async () => (await chrome.alarms.getAll()).filter((a) => a.name.startsWith('no-reply:')).length,
        );
        return alarms === 50 && stats?.visits === 50;
      }, 10_000);
      startup.push(stats!.durationMs);
      restoreOnly.push(stats!.restoreMs);
    }
    results.push({
      name: 'worker start-up → alarms restored, 50 running visits',
      value: median(startup),
      unit: 'ms',
      statistic: 'median',
      budget: 100,
    });
    await clearTimers(worker);

    // 2. Deadline → notification, worker running: 10 deadlines 2–4.7 s from now.
    const warmIds = await seed(worker, 10, (i) => 2_000 + i * 300, 'b');
    await stack.ext.killWorker();
    await wakeWorker(page); // restore schedules the alarms
    worker = await readyWorker(stack.ext);
    try {
      await waitFor(async () => (await lags(worker, warmIds)).every((x) => x >= 0), 15_000);
    } catch (error) {
      const state = await worker.evaluate(async () => ({
        records: Object.entries(await chrome.storage.local.get(null))
          .filter(([k]) => k.endsWith(':no-reply'))
          .map(([, v]) => JSON.stringify(v).slice(0, 300)),
        alarms: await chrome.alarms.getAll(),
        now: new Date().toISOString(),
        stats: await chrome.storage.session.get(null),
      }));
      throw new Error(`${String(error)}: ${JSON.stringify(state)}`);
    }
    const warm = await lags(worker, warmIds);
    results.push({
      name: 'deadline → notification shown (worker running)',
      value: percentile(warm, 100),
      unit: 'ms',
      statistic: 'max',
      budget: 1_000,
    });

    // 3. The same with the worker stopped at the deadline: the alarm itself starts it.
    const coldLags: number[] = [];
    for (let run = 0; run < 5; run++) {
      const [id] = await seed(worker, 1, () => 3_000, `c${run}`);
      await stack.ext.killWorker();
      await wakeWorker(page);
      worker = await readyWorker(stack.ext);
      await waitFor(async () =>
        (await worker.evaluate(() => chrome.alarms.getAll())).some((a) => a.name.endsWith(id!)),
      );
      await stack.ext.killWorker();
      worker = await readyWorker(stack.ext); // started by the alarm, not by us
      try {
        await waitFor(async () => (await lags(worker, [id!]))[0]! >= 0, 15_000);
      } catch (error) {
        const state = await worker.evaluate(
          async (key) => ({
            record: (await chrome.storage.local.get(key))[key],
            alarms: await chrome.alarms.getAll(),
            now: new Date().toISOString(),
          }),
          `visit:${id}:no-reply`,
        );
        throw new Error(`${String(error)}: ${JSON.stringify(state)}`);
      }
      coldLags.push((await lags(worker, [id!]))[0]!);
    }
    results.push({
      name: 'deadline → notification shown (worker stopped, woken by the alarm)',
      value: percentile(coldLags, 100),
      unit: 'ms',
      statistic: 'max',
      budget: 1_000,
    });
    console.log(
      `  (p95 start-up ${percentile(startup, 95).toFixed(0)} ms, the first starts compile the worker cold; restore alone ms: ${restoreOnly.map((x) => x.toFixed(0)).join(', ')}; start-up ms: ${startup.map((x) => x.toFixed(0)).join(', ')}; warm lags: ${warm.join(', ')}; cold lags: ${coldLags.join(', ')})`,
    );
    await clearTimers(worker);
  } finally {
    await stack.stop();
  }
  return results;
};

export default suite;
