import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CARD_PULLED_NOTIFICATION, registerShiftGuard } from '../../extension/background/shift-guard';
import type { Sender } from '../../extension/lib/messages';
import { callAsChrome } from './chrome-listeners';

/** The system notifications Chrome shows (by ID), as the background asks for them. */
let shown: Set<string>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('browser', fakeBrowser);
  shown = new Set();
  vi.stubGlobal('chrome', {
    runtime: { getURL: (p: string) => `chrome-extension://test/${p}` },
    notifications: {
      create: async (id: string) => {
        shown.add(id);
        return id;
      },
      clear: async (id: string) => shown.delete(id),
    },
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const at = '2024-06-03T07:00:00.000Z';
const bridgeSees = (state: 'NO_CARD' | 'CARD_PRESENT') =>
  fakeBrowser.storage.session.set({
    bridgeStatus: {
      bridge: 'ok',
      checkedAt: at,
      card:
        state === 'NO_CARD'
          ? { state, readers: ['Virtual PCD 00 00'], since: at }
          : {
              state,
              reader: 'Virtual PCD 00 00',
              since: at,
              identity: { hsaId: 'TSTNMT2321000156-1010', name: 'Test', verified: true },
            },
    },
  });
/** The background's handler for a console tab's report, called as Chrome calls it. */
function consoleTabReports() {
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  registerShiftGuard();
  const listener = add.mock.calls[0]![0];
  add.mockRestore();
  return (tabId: number, pulled: boolean) =>
    callAsChrome(listener, { type: 'shift-card-pulled', pulled }, {
      id: fakeBrowser.runtime.id,
      tab: { id: tabId, windowId: 1 },
      url: `https://clinic.example/besok/${tabId}`,
    } as Sender);
}
/** Storage change events are delivered after the write resolves. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('R-S-2: the card-pulled system notification (background)', () => {
  it('R-S-2: card out during a shift → one notification for the tabs that say so; a tab seeing it back clears it', async () => {
    const report = consoleTabReports();
    await bridgeSees('NO_CARD');
    await report(1, true);
    await report(2, true);
    expect([...shown]).toEqual([CARD_PULLED_NOTIFICATION]);
    await report(1, false);
    expect(shown.size).toBe(0);
  });

  it('R-S-2: a tab that reported the pull and was reloaded never says "back": the card the bridge sees clears it', async () => {
    const report = consoleTabReports();
    await bridgeSees('NO_CARD');
    await report(1, true);
    expect(shown.has(CARD_PULLED_NOTIFICATION)).toBe(true);
    // Tab 1 reloads: its new page starts with no pull of its own to take back, and says nothing.
    await bridgeSees('CARD_PRESENT');
    await settle();
    expect(shown.size).toBe(0);
  });

  it('R-S-2: a report of the pull that arrives after the bridge saw the card back is not shown', async () => {
    const report = consoleTabReports();
    await bridgeSees('CARD_PRESENT');
    await settle();
    await report(2, true);
    expect(shown.size).toBe(0);
  });

  it('R-S-2: a bridge status that is not the card in the reader (unreachable, no card) clears nothing', async () => {
    const report = consoleTabReports();
    await bridgeSees('NO_CARD');
    await report(1, true);
    await fakeBrowser.storage.session.set({ bridgeStatus: { bridge: 'unreachable', card: null, checkedAt: at } });
    await settle();
    expect(shown.has(CARD_PULLED_NOTIFICATION)).toBe(true);
  });
});
