import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerCopyCommand } from '../../extension/background/copy-command';

/**
 * R-ID-1 shortcut (Alt+Shift+P): the real background module, registered against a fake
 * `browser` whose onCommand we fire as Chrome would (Chrome offers no way to press a command's
 * shortcut in a test, so the e2e test cannot reach this listener).
 */
let fire: (command: string) => Promise<void>;
let sent: { tabId: number; message: unknown }[];
let activeTabs: { id?: number }[];

beforeEach(() => {
  sent = [];
  activeTabs = [{ id: 7 }];
  const listeners: ((command: string) => Promise<void> | void)[] = [];
  fire = async (command) => {
    for (const l of listeners) await l(command);
  };
  vi.stubGlobal('browser', {
    commands: { onCommand: { addListener: (l: (command: string) => void) => listeners.push(l) } },
    tabs: {
      query: vi.fn(async (q: unknown) => {
        expect(q).toEqual({ active: true, currentWindow: true });
        return activeTabs;
      }),
      sendMessage: vi.fn(async (tabId: number, message: unknown) => {
        sent.push({ tabId, message });
      }),
    },
  });
  registerCopyCommand();
});
afterEach(() => vi.unstubAllGlobals());

describe('copy-patient-id command, through the real background module (R-ID-1)', () => {
  it('R-ID-1: the command asks the content script of the active tab to copy', async () => {
    await fire('copy-patient-id');
    expect(sent).toEqual([{ tabId: 7, message: { type: 'copy-patient-id' } }]);
  });

  it('other commands, or no active tab, send nothing', async () => {
    await fire('journal-panel');
    activeTabs = [];
    await fire('copy-patient-id');
    activeTabs = [{}];
    await fire('copy-patient-id');
    expect(sent).toEqual([]);
  });

  it('a tab without the content script (sendMessage rejects) is no error for the worker', async () => {
    (globalThis as unknown as { browser: { tabs: { sendMessage: unknown } } }).browser.tabs.sendMessage = vi.fn(
      async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    );
    await expect(fire('copy-patient-id')).resolves.toBeUndefined();
  });
});
