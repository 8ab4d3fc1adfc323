// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registryFor } from '../../extension/clinic';
import { warmUpQueueRead } from '../../extension/clinic/warm-up';
import type { FeatureContext } from '../../extension/features/feature';
import { warmUpQueueDeadlines } from '../../extension/features/queue-deadlines';
import { defaultRuleSet } from '../../shared/rules/default';
import { stubUi } from './stub-feature-ui';

const sent: unknown[] = [];
vi.mock('../../extension/lib/messages', async (original) => ({
  ...(await original<typeof import('../../extension/lib/messages')>()),
  send: (...args: unknown[]) => {
    sent.push(args);
    return Promise.resolve();
  },
}));

const badges: Element[] = [];
vi.mock('../../extension/lib/queue-badge', async (original) => {
  const real = await original<typeof import('../../extension/lib/queue-badge')>();
  return {
    ...real,
    drawBadge: (...args: Parameters<typeof real.drawBadge>) => {
      real.drawBadge(...args);
      badges.push(args[0]);
    },
  };
});

const NOW = new Date('2024-06-03T07:00:00Z');
const PAGE = '<main><h1>Startsida</h1><p>Mina aktuella</p></main>';

/** Every change to the page while `run` runs (none expected). */
function pageChanges(run: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  run();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

describe('Drop in warmed up while idle (issue 16)', () => {
  afterEach(() => {
    sent.length = 0;
    badges.length = 0;
  });

  it('R-Q-1: reads a made-up 24-row waiting queue in a document of its own; the page is untouched', () => {
    document.body.innerHTML = PAGE;
    let read: ReturnType<typeof warmUpQueueRead> = null;
    const changes = pageChanges(() => {
      read = warmUpQueueRead(document, registryFor(defaultRuleSet), NOW);
    });
    expect(changes).toEqual([]);
    expect(document.body.innerHTML).toBe(PAGE);
    // The reader's whole path ran: rows with priority, waiting time and arrival, and their places.
    expect(read!.rows.map((r) => [r.priority, r.waitedMinutes, r.arrivedAt])).toEqual(
      Array(24).fill([2, 5, '2024-01-01T08:00Z']),
    );
    expect(read!.places).toHaveLength(24);
    for (const place of read!.places) expect(place.row.ownerDocument).not.toBe(document);
  });

  it("R-Q-1: the queue feature's warm-up draws, shows, announces and sends nothing", () => {
    document.body.innerHTML = PAGE;
    const { warmUp, ...ui } = stubUi();
    const panel = { show: vi.fn() };
    const ctx = {
      ui: { ...ui, warmUp },
      panel,
      now: () => NOW,
      rules: () => defaultRuleSet,
      registry: () => registryFor(defaultRuleSet),
      snapshot: () => {
        throw new Error('a warm-up reads no snapshot of the page');
      },
      onSnapshot: () => {
        throw new Error('a warm-up listens to nothing');
      },
    } as unknown as FeatureContext;
    const changes = pageChanges(() => warmUpQueueDeadlines(ctx));
    expect(changes).toEqual([]);
    for (const spy of [...Object.values(ui), panel.show]) expect(spy).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    // The badges are drawn and placed by the UI host's warm-up (made-up rows of its own, hidden,
    // then taken away: ui-host-warm-up.test.ts), with the queue's own drawing.
    expect(warmUp).toHaveBeenCalledTimes(1);
    expect(badges).toEqual([]);
    const container = document.createElement('span');
    warmUp.mock.calls[0]![0](container);
    expect(container.querySelector('.qbadge')?.getAttribute('aria-label')).toMatch(/^1:a/u);
  });
});
