import { panelModeKey, panelModeRequests } from '../lib/journal-panel-mode';
import { logError } from '../lib/log';
import { fromConsoleTab, handle, type MessageReply } from '../lib/messages';

export const JOURNAL_COMMAND = 'journal-panel';

type OpenReply = MessageReply<'journal-open-panel'>;

/**
 * Opens the journal side panel (R-J-2) from the visit view: the panel's button (a message from
 * the content script's click) and the manifest command. `sidePanel.open` needs a user gesture, so
 * it is called synchronously in the handler, before anything is awaited. The panel is the global
 * one (manifest `side_panel`), not a tab-specific one: it stays open across tab switches and
 * follows the window's active tab, so it always shows the visit in view (several chats at once).
 */
export function registerJournalPanel(): void {
  handle('journal-open-panel', (message, sender) => {
    if (!fromConsoleTab(sender)) return undefined;
    const tabId = sender.tab.id;
    // Open first (inside the gesture), then hand the mode to the panel: a panel already open picks
    // it up from storage.onChanged, a new one when it loads.
    const opened = openFor(tabId);
    const mode = message.mode === 'no-reply' ? setMode(tabId, message.mode) : Promise.resolve();
    return Promise.all([opened, mode]).then(
      ([reply]) => reply,
      (error: unknown): OpenReply => {
        logError('side panel mode', error);
        return { ok: false, code: 'side-panel-mode-failed' };
      },
    );
  });
  chrome.commands.onCommand.addListener((command, tab) => {
    if (command !== JOURNAL_COMMAND || tab?.id === undefined) return;
    void openFor(tab.id);
  });
}

/** The panel's mode for a tab, in trusted-only session storage (the side panel reads it). */
function setMode(tabId: number, mode: 'no-reply'): Promise<void> {
  return panelModeRequests.set(panelModeKey(tabId), { mode, at: new Date().toISOString() });
}

function openFor(tabId: number): Promise<OpenReply> {
  try {
    // Both calls start now, inside the gesture; setOptions (global) makes sure the panel is enabled.
    const enabling = chrome.sidePanel.setOptions({ path: 'sidepanel.html', enabled: true });
    const opening = chrome.sidePanel.open({ tabId });
    return Promise.all([enabling, opening]).then(
      (): OpenReply => ({ ok: true }),
      (error: unknown): OpenReply => {
        logError('side panel', error);
        return { ok: false, code: 'side-panel-failed' };
      },
    );
  } catch (error) {
    logError('side panel', error);
    return Promise.resolve({ ok: false, code: 'side-panel-unsupported' });
  }
}
