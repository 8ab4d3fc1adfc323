// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ClinicSnapshot, readSnapshot, registryFor } from '../../extension/clinic';
import type { FeatureContext } from '../../extension/features/feature';
import queueDeadlines from '../../extension/features/queue-deadlines';
import { defaultRuleSet } from '../../shared/rules/default';
import { renderPageHtml, scenarioState } from '../clinic-sim/pages';
import { SCENARIO_CLOCK } from '../fixtures/patients';
import { showPage } from './show-page';
import { stubUi } from './stub-feature-ui';

const sent: { type: string; cases?: { visitKey: string }[] }[] = [];
vi.mock('../../extension/lib/messages', async (original) => ({
  ...(await original<typeof import('../../extension/lib/messages')>()),
  send: (type: string, data?: { cases?: { visitKey: string }[] }) => {
    sent.push({ type, ...data });
    return Promise.resolve({ ok: true, notified: 0 });
  },
}));
// Not what is tested here (warm-up-queue.test.ts): its idle callback is the warm-up's.
vi.mock('../../extension/clinic/warm-up', () => ({ warmUpQueueRead: () => null }));

/**
 * Issue 16: the background's work for an overdue report (hashing, Chrome showing the system
 * notification, a storage write every tab hears) ran inside the click on Drop in, on the same two
 * cores as the console drawing its 200 rows. R-Q-1's report is now sent when the browser is idle,
 * the latest state only.
 */
describe('R-Q-1: the overdue report waits for the browser to be idle', () => {
  const registry = registryFor(defaultRuleSet);
  let idle: (() => void)[];
  let cancelled: number[];
  let listeners: ((snapshot: ClinicSnapshot) => void)[];
  let store: ReturnType<typeof scenarioState>['store'];
  let stop: AbortController;

  /** Drop in as the simulator draws it now (the shift is on in its scenario). */
  const showDropIn = () => {
    const html = renderPageHtml(store.getState(), '/drop-in', 'queue-report');
    showPage(html);
  };
  /** A case waiting `minutes` (red past R-Q-1's 15). */
  const waiting = (minutes: number) =>
    store.createCase({
      patientKey: 'adult',
      priority: 3,
      arrivedAt: new Date(store.nowMs() - minutes * 60_000).toISOString(),
    }).id;
  /** The browser goes idle: what waited for it runs. */
  const goIdle = () => {
    for (const run of idle.splice(0)) run();
  };
  /** The simulator's waiting cases past R-Q-1's red mark (acceptWithinMinutes) now. */
  const red = () =>
    store
      .getState()
      .cases.filter(
        (c) =>
          c.state === 'waiting' &&
          store.nowMs() - Date.parse(c.arrivedAt) > defaultRuleSet.timers.acceptWithinMinutes * 60_000,
      )
      .map((c) => c.id)
      .sort();
  const reports = () => sent.filter((m) => m.type === 'queue-overdue');
  const reported = (n: number) =>
    reports()
      [n]?.cases?.map((c) => c.visitKey.split('/').pop())
      .sort();

  beforeEach(async () => {
    idle = [];
    cancelled = [];
    listeners = [];
    sent.length = 0;
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', (id: number) => cancelled.push(id));
    ({ store } = scenarioState('queue-report', SCENARIO_CLOCK));
    stop = new AbortController();
  });
  afterEach(() => {
    stop.abort();
    vi.unstubAllGlobals();
  });

  const start = async () => {
    const ctx = {
      ui: stubUi(),
      panel: { show: vi.fn() },
      now: () => new Date(store.nowMs()),
      rules: () => defaultRuleSet,
      registry: () => registry,
      snapshot: () => readSnapshot(document, registry),
      onSnapshot: (listener: (snapshot: ClinicSnapshot) => void) => listeners.push(listener),
    } as unknown as FeatureContext;
    await queueDeadlines.init(ctx, stop.signal);
  };
  const pageChanged = () => {
    showDropIn();
    for (const listener of listeners) listener(readSnapshot(document, registry));
  };

  it('R-Q-1: red cases on Drop in are sent once the browser is idle, not while the page draws', async () => {
    const late = [waiting(40), waiting(90)];
    showDropIn();
    await start();
    expect(reports()).toEqual([]);
    goIdle();
    expect(reports()).toHaveLength(1);
    expect(reported(0)).toEqual(red());
    expect(reported(0)).toEqual(expect.arrayContaining(late));
  });

  it('R-Q-1: changes before the idle time send the latest state once; the same cases again send nothing', async () => {
    waiting(40);
    showDropIn();
    await start();
    const before = red();
    const second = waiting(60);
    pageChanged();
    pageChanged();
    goIdle();
    expect(reports()).toHaveLength(1);
    expect(reported(0)).toEqual(red());
    expect(reported(0)).toEqual([...before, second].sort());
    pageChanged();
    goIdle();
    expect(reports()).toHaveLength(1);
    // A case becoming red later is reported, with the others (the background notifies only the new one).
    const third = waiting(20);
    pageChanged();
    goIdle();
    expect(reported(1)).toEqual(red());
    expect(reported(1)).toContain(third);
  });

  it('R-Q-1: a feature stopped before the idle time sends nothing', async () => {
    waiting(40);
    showDropIn();
    await start();
    stop.abort();
    expect(cancelled.length).toBeGreaterThan(0);
    goIdle();
    expect(reports()).toEqual([]);
  });
});
