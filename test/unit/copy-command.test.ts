import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerCopyCommand } from '../../extension/background/copy-command';

/**
 * R-ID-1 shortcut (Alt+Shift+P): the real background module, registered against WXT's fake
 * browser whose onCommand we fire as Chrome would (Chrome offers no way to press a command's
 * shortcut in a test, so the e2e test cannot reach this listener).
 */
let sent: { tabId: number; message: unknown }[];
let fire: (command: string) => Promise<void>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('browser', fakeBrowser);
  sent = [];
  // The fake browser has no commands API: its one event is fired here as Chrome would.
  const listeners: ((command: string, tab?: Browser.tabs.Tab) => unknown)[] = [];
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((l) => {
    listeners.push(l);
  });
  fire = async (command) => {
    for (const l of listeners) await l(command);
  };
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown) => {
    sent.push({ tabId, message });
  });
  registerCopyCommand();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/**
 * A console tab in front. The fake browser cannot make a listed tab active (its duplicate() sets
 * the active id but lists no tab), so the browser's answer to "the active tab" is given here.
 */
async function activeTab(): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: 'https://clinic.example/besok/1' });
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (q) =>
    q.active === true && q.currentWindow === true ? [{ ...tab, active: true }] : [],
  );
  return tab.id!;
}

describe('copy-patient-id command, through the real background module (R-ID-1)', () => {
  it('R-ID-1: the command asks the content script of the active tab to copy', async () => {
    const id = await activeTab();
    await fire('copy-patient-id');
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(sent).toEqual([{ tabId: id, message: { type: 'copy-patient-id' } }]);
  });

  it('other commands, or no active tab, send nothing', async () => {
    await fire('journal-panel');
    await fire('copy-patient-id');
    // A tab the browser gives no id (devtools, a prerendered page).
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValueOnce([
      { index: 0, highlighted: false, active: true, pinned: false, incognito: false },
    ]);
    await fire('copy-patient-id');
    expect(sent).toEqual([]);
  });

  it('a tab without the content script (sendMessage rejects) is no error for the worker', async () => {
    await activeTab();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await expect(fire('copy-patient-id')).resolves.toBeUndefined();
  });
});
