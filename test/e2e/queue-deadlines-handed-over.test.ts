import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COMPANION_STARTED, describeInBrowser, waitFor } from './harness';
import { sidePanelFor } from './side-panel';
import { type Stack, startStack } from './stack';
import { fromNow, readyWorker, resetTestTimers, signedInNurse, useTestTimers } from './timer-helpers';

/** The handed-over list in the side panel for this page: each line's text and colour, in the order shown. */
const handedOver = async (page: Page) =>
  (await sidePanelFor(page)).evaluate(() => {
    const section = document
      .getElementById('feature-views')
      ?.shadowRoot?.querySelector('[data-feature="queue-deadlines"] [aria-label^="Överlämnade"]');
    if (!section) return null;
    return {
      text: section.textContent?.replace(/\s+/g, ' ') ?? '',
      rows: [...section.querySelectorAll<HTMLElement>('li')].map((li) => ({
        text: li.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        urgency: li.dataset.urgency ?? '',
      })),
    };
  });

/**
 * R-Q-4 on Startsida → *Mina aktuella*: the cases colleagues handed over to me (status *Synk
 * Överlämning*), in the order to take them (priority, then arrival), each with its wait for a
 * receiver against the accept limit (R-Q-1: amber, then red); accepted → gone; elsewhere → not
 * shown. Thresholds of 1 and 2 minutes from a test rule set, handovers stamped in the past.
 */
describeInBrowser('handed-over cases in Mina aktuella (R-Q-4), in real Chromium', () => {
  let stack: Stack;
  let ids: { early: string; urgent: string };
  beforeAll(async () => {
    stack = await startStack();
    stack.sim.control.setClock({ real: true });
    signedInNurse(stack, 'ongoing');
    await useTestTimers(await readyWorker(stack.ext), { queueAmberAfterMinutes: 1, acceptWithinMinutes: 2 });
    ids = {
      // Came in first, handed over 112 s ago: amber now, red in ~8 s.
      early: stack.sim.control.createCase({
        patientKey: 'teen',
        priority: 3,
        arrivedAt: fromNow(-3600),
        state: 'ongoing',
        assignedTo: 'Lars Läkarsson',
        handover: { toRole: 'Sjuksköterska', at: fromNow(-112) },
      }).id,
      // Came in later but priority 1, handed over to me by name just now: first in turn, ok.
      urgent: stack.sim.control.createCase({
        patientKey: 'elderly',
        priority: 1,
        arrivedAt: fromNow(-600),
        state: 'accepted',
        assignedTo: 'Petra Psykologsson',
        handover: { toRole: 'Sara Sjuksköterska', at: fromNow(-5) },
      }).id,
    };
    // Handed over to another role: not mine, never listed.
    stack.sim.control.createCase({
      patientKey: 'coordination',
      priority: 1,
      arrivedAt: fromNow(-900),
      state: 'ongoing',
      assignedTo: 'Lars Läkarsson',
      handover: { toRole: 'Psykolog', at: fromNow(-300) },
    });
  });
  afterAll(async () => {
    if (stack) await resetTestTimers(await readyWorker(stack.ext));
    await stack?.stop();
  });

  it('R-Q-4: in turn (priority, then arrival) with the wait for a receiver; amber → red; accepted → gone', async () => {
    // Alla aktuella shows the same statuses, but it is not the clinician's list: nothing shown.
    const page = await stack.ext.newConsolePage(`${stack.sim.url}/`);
    await page.waitForSelector(COMPANION_STARTED);
    await waitFor(async () =>
      (await page.evaluate(() => document.body.textContent ?? '')).includes('Synk Överlämning'),
    );
    // The side panel has the tab's models (not merely "not yet connected").
    await (await sidePanelFor(page)).waitForSelector('#feature-views[data-views="connected"]');
    expect(await handedOver(page)).toBeNull();

    // The clinician chooses the filter Mina aktuella (the manual's way), by a click.
    await (await page.waitForSelector('::-p-aria(Mina aktuella[role="link"])'))!.click();
    await waitFor(async () => (await handedOver(page)) !== null, 10_000);
    let shown = (await handedOver(page))!;
    expect(shown.rows.map((r) => r.text.split(' · ')[1])).toEqual(['Lars Åldersson', 'Filip Provander']);
    expect(shown.rows.map((r) => r.urgency)).toEqual(['ok', 'amber']);
    expect(shown.rows[0]!.text).toMatch(/^Prio 1 · Lars Åldersson · inkom \d\d:\d\d · väntat 0 min på mottagare$/);
    expect(shown.text).toContain('inom 2 minuter');
    expect(shown.text).toContain('R-Q-4, R-Q-1'); // behind the "Regel" toggle
    expect(shown.text).not.toContain('Cosmin');

    // The wait passes the accept limit: red, said in the summary.
    await waitFor(async () => (await handedOver(page))!.rows[1]!.urgency === 'red', 20_000);
    shown = (await handedOver(page))!;
    expect(shown.rows[1]!.text).toContain('över 2 min');
    expect(shown.text).toContain('1 över tiden');

    // Accepted (Ta emot on the visit): no longer waiting for a receiver.
    stack.sim.control.acceptHandover(ids.urgent, 'Sara Sjuksköterska');
    await waitFor(async () => (await handedOver(page))?.rows.length === 1, 10_000);
    expect((await handedOver(page))!.rows[0]!.text).toContain('Filip Provander');

    // Another page (Drop in): the list is not read there, so not shown (never "none").
    await (await page.waitForSelector('::-p-aria(Drop in[role="link"])'))!.click();
    await waitFor(async () => (await handedOver(page)) === null, 10_000);
    await page.close();
    expect(ids.early).toBeTruthy();
  }, 90_000);
});
