import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsUnavailable, waitFor } from './harness';
import { type Stack, startStack } from './stack';
import { fromNow, notifications, readyWorker, useTestTimers } from './timer-helpers';

const unavailable = browserTestsUnavailable();

interface Badge {
  order: number;
  urgency: string;
  text: string;
}

/** Our badges floating beside the queue rows, in row order. */
async function badges(page: Page, count: number): Promise<Badge[]> {
  return page.evaluate((n) => {
    const out: { order: number; urgency: string; text: string }[] = [];
    for (let i = 0; i < n; i++) {
      const el = document
        .querySelector(`[data-clinic-companion="queue-deadlines-${i}"]`)
        ?.shadowRoot?.querySelector<HTMLElement>('.qbadge');
      out.push({
        order: Number(el?.dataset.order ?? -1),
        urgency: el?.dataset.urgency ?? '',
        text: el?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      });
    }
    return out;
  }, count);
}

const queueNotifications = async (stack: Stack) =>
  (await notifications(await readyWorker(stack.ext))).filter((id) => id.startsWith('queue:'));

/**
 * Time: thresholds of 1 and 2 minutes from a test rule set (whole minutes, the schema's
 * smallest), and arrivals stamped in the past, so a row crosses a threshold within seconds.
 */
describe.skipIf(unavailable)('queue deadlines in Väntar i kö (R-Q-1, R-Q-4), in real Chromium', () => {
  let stack: Stack;
  let ids: { early: string; late: string; urgent: string };
  beforeAll(async () => {
    stack = await startStack();
    stack.sim.control.setClock({ real: true });
    stack.sim.control.reset();
    stack.sim.control.setSession({
      loggedIn: true,
      shift: 'none',
      unit: '1177 direkt Uppsala län',
      role: 'Sjuksköterska',
    });
    await useTestTimers(await readyWorker(stack.ext), { queueAmberAfterMinutes: 1, queueRedAfterMinutes: 2 });
    ids = {
      // Amber now, red in ~8 s.
      early: stack.sim.control.createCase({ patientKey: 'adult', priority: 3, arrivedAt: fromNow(-112) }).id,
      // Ok now, amber in ~5 s.
      late: stack.sim.control.createCase({ patientKey: 'adult2', priority: 3, arrivedAt: fromNow(-55) }).id,
      // Arrived last but priority 1: first in turn (R-Q-1).
      urgent: stack.sim.control.createCase({ patientKey: 'elderly', priority: 1, arrivedAt: fromNow(-20) }).id,
    };
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('R-Q-1/R-Q-4: order badges (priority, then arrival); a row turns amber then red; off shift no notification; on shift one, once', async () => {
    const page = await stack.ext.newConsolePage(`${stack.sim.url}/drop-in`);
    await page.waitForSelector('[data-clinic-companion="queue-deadlines-2"]');
    // Rows are in arrival order on the page: early, late, urgent.
    await waitFor(async () => (await badges(page, 3)).every((b) => b.order > 0));
    let shown = await badges(page, 3);
    expect(shown.map((b) => b.order)).toEqual([2, 3, 1]);
    expect(shown.map((b) => b.urgency)).toEqual(['amber', 'ok', 'ok']);
    expect(shown[0]!.text).toBe('21 min'); // order 2, waited 1 min

    // ok → amber (late), amber → red (early).
    await waitFor(async () => (await badges(page, 3))[1]!.urgency === 'amber', 15_000);
    await waitFor(async () => (await badges(page, 3))[0]!.urgency === 'red', 15_000);
    shown = await badges(page, 3);
    expect(shown.map((b) => b.urgency)).toEqual(['red', 'amber', 'ok']);
    expect(shown[0]!.text).toContain('2 min');
    // The panel summarises, in turn order, for keyboard and screen-reader users.
    const summary = await page.$eval(
      '[data-clinic-companion="panel"]',
      (h) => h.shadowRoot?.querySelector('[data-feature="queue-deadlines"]')?.textContent ?? '',
    );
    expect(summary).toContain('1 över 2 min');
    expect(summary.indexOf('Lars Åldersson')).toBeLessThan(summary.indexOf('Anna Testsson'));

    // R-S-4: no shift → no notification, even though a case is red.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await queueNotifications(stack)).toEqual([]);

    // On shift: exactly one notification for the red case.
    stack.sim.control.setSession({ shift: 'ongoing' });
    await waitFor(async () => (await queueNotifications(stack)).length === 1, 10_000);

    // Once: not again on later renders, a reload, nor after the worker was killed.
    await new Promise((r) => setTimeout(r, 1500));
    await page.reload({ waitUntil: 'domcontentloaded' });
    await stack.ext.killWorker();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-clinic-companion="queue-deadlines-0"]');
    await new Promise((r) => setTimeout(r, 2000));
    expect(await queueNotifications(stack)).toHaveLength(1);
    const worker = await readyWorker(stack.ext);
    const stored = await worker.evaluate(async () => (await chrome.storage.local.get('queueNotified')).queueNotified);
    expect((stored as { ids: string[] }).ids).toHaveLength(1);
    // No patient data in what is stored: a hash of the case's address.
    expect(JSON.stringify(stored)).not.toMatch(/Anna|19900101|besok/);

    // Accepted (Ta emot): the row leaves the queue, the badges follow the remaining rows.
    stack.sim.control.updateCase(ids.early, { state: 'accepted' });
    await waitFor(async () => (await badges(page, 2)).map((b) => b.order).join() === '2,1');
    await page.close();
  }, 90_000);
});
