import type { ElementHandle, Page, WebWorker } from 'puppeteer-core';
import { defaultRuleSet } from '../../shared/rules/default';
import type { RuleSet } from '../../shared/rules/schema';
import { type ExtensionBrowser, waitFor } from './harness';
import { sidePanelElement, sidePanelFor } from './side-panel';
import type { Stack } from './stack';

/**
 * Shared by the timer e2e tests (no-reply timer, queue deadlines) and the demo. The extension runs
 * on real time; these tests get short windows from a superuser rule set (whole minutes, as the
 * schema requires) and make the minute pass quickly by stamping events in the past: explicit
 * message/arrival times, or the simulator's clock set behind real time (`behindSeconds`), so a
 * message the console itself sends is already most of a minute old.
 */
/**
 * The extension's worker once its extension APIs are bound: right after a (re)start the target
 * can be evaluated before `chrome` exists in it ("chrome is not defined").
 */
export async function readyWorker(ext: ExtensionBrowser): Promise<WebWorker> {
  let worker = await ext.worker();
  await waitFor(async () => {
    worker = await ext.worker();
    return worker.evaluate(() => typeof chrome === 'object' && !!chrome.storage?.local).catch(() => false);
  }, 15_000);
  return worker;
}

export async function useTestTimers(worker: WebWorker, timers: Partial<RuleSet['timers']>): Promise<void> {
  const rules: RuleSet = { ...defaultRuleSet, timers: { ...defaultRuleSet.timers, ...timers } };
  await worker.evaluate(
    async (r) => {
      await chrome.storage.local.set({ superuserRuleSet: r });
    },
    rules as unknown as Record<string, unknown>,
  );
  await waitFor(async () =>
    worker.evaluate(
      async (want) => {
        const e = (await chrome.storage.local.get('effectiveRuleSet')).effectiveRuleSet as
          | { source: string; rules: { timers: Record<string, unknown> } }
          | undefined;
        return (
          e?.source === 'superuser' &&
          Object.entries(want).every(([k, v]) => JSON.stringify(e.rules.timers[k]) === JSON.stringify(v))
        );
      },
      rules.timers as unknown as Record<string, unknown>,
    ),
  );
}

export async function resetTestTimers(worker: WebWorker): Promise<void> {
  await worker.evaluate(async () => chrome.storage.local.remove('superuserRuleSet'));
}

export interface ChipState {
  state: string | null;
  text: string;
}

/** The no-reply chip in the side panel for this console page (issue 14), or nulls when not shown. */
export async function chip(page: Page): Promise<ChipState> {
  const panel = await sidePanelFor(page);
  return panel.evaluate(() => {
    const root = document.getElementById('feature-views')?.shadowRoot;
    const card = root?.querySelector('[data-feature="no-reply-timer"]');
    const el = card?.querySelector<HTMLElement>('.chip');
    return { state: el?.dataset.state ?? null, text: card?.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
  });
}

export async function waitForChip(page: Page, state: string, timeoutMs = 20_000): Promise<ChipState> {
  let last: ChipState = { state: null, text: '' };
  try {
    await waitFor(async () => {
      last = await chip(page);
      return last.state === state;
    }, timeoutMs);
  } catch {
    throw new Error(`chip never reached ${state}; last: ${JSON.stringify(last)}`);
  }
  return last;
}

/** The chip's button (`data-action`) in the side panel, once shown. */
export async function chipButton(page: Page, action: string): Promise<ElementHandle<HTMLButtonElement>> {
  const found = await sidePanelElement(page, 'no-reply-timer', `button[data-action="${action}"]`);
  const button = found.asElement() as ElementHandle<HTMLButtonElement> | null;
  if (!button) throw new Error(`no ${action} button`);
  return button;
}

/** Clicks one of the chip's buttons (`data-action`) in the side panel, as the clinician does. */
export async function clickChipAction(page: Page, action: string): Promise<void> {
  await (await chipButton(page, action)).click();
}

export async function notifications(worker: WebWorker): Promise<string[]> {
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
}

export interface StoredTimer {
  key: string;
  id: string;
  state: string;
  attempts: number;
  wakeAt: string | null;
  notified: { key: string; at: string; dueAt: string } | null;
}

/** The no-reply record of a case, once the background has one. */
export async function timerFor(worker: WebWorker, caseId: string): Promise<StoredTimer | null> {
  return worker.evaluate(async (cid) => {
    const all = await chrome.storage.local.get(null);
    for (const [key, value] of Object.entries(all)) {
      const m = /^visit:([0-9a-f]{32}):no-reply$/.exec(key);
      const t = value as {
        visitUrl?: string;
        status: { state: string; attempts: number };
        wakeAt: string | null;
        notified: StoredTimer['notified'];
      };
      if (m && t.visitUrl?.includes(cid)) {
        return {
          key,
          id: m[1]!,
          state: t.status.state,
          attempts: t.status.attempts,
          wakeAt: t.wakeAt,
          notified: t.notified,
        };
      }
    }
    return null;
  }, caseId);
}

/** ISO time `seconds` from now (negative: in the past). */
export const fromNow = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/** A fresh console (no cases), a nurse of 1177 direkt Uppsala län signed in, on `shift` or not. */
export function signedInNurse(stack: Stack, shift: 'ongoing' | 'none'): void {
  stack.sim.control.reset();
  stack.sim.control.setSession({ loggedIn: true, shift, unit: '1177 direkt Uppsala län', role: 'Sjuksköterska' });
}
