import { panelModeKey, panelModeRequests } from '../lib/journal-panel-mode';
import { logError } from '../lib/log';
import { fromConsoleTab, handle, type MessageReply } from '../lib/messages';

export const JOURNAL_COMMAND = 'journal-panel';

/**
 * The journal side panel (R-J-2): opened by the manifest command (Alt+Shift+J). `sidePanel.open`
 * needs a user gesture, so it is called synchronously in the listener, before anything is awaited.
 * The panel is the global one (manifest `side_panel`), not a tab-specific one: it stays open
 * across tab switches and follows the window's active tab, so it always shows the visit in view
 * (several chats at once).
 *
 * "Stäng med anteckning om uteblivet svar" (R-NR-4) is pressed in the side panel itself (issue 14):
 * the tab's content script asks for the no-reply mode, kept here per tab; the open panel picks it
 * up from storage.onChanged (visit-signals.ts), a panel opened later when it loads.
 */
export function registerJournalPanel(): void {
  handle('journal-panel-mode', (message, sender) => {
    if (!fromConsoleTab(sender) || message.mode !== 'no-reply') return undefined;
    return setMode(sender.tab.id, message.mode).then(
      (): MessageReply<'journal-panel-mode'> => ({ ok: true }),
      (error: unknown): MessageReply<'journal-panel-mode'> => {
        logError('side panel mode', error);
        return { ok: false, code: 'side-panel-mode-failed' };
      },
    );
  });
  // The danger bar's "Visa": a click in the console tab, so a user gesture reaches this listener.
  handle('side-panel-open', (_message, sender) => {
    if (!fromConsoleTab(sender)) return undefined;
    openFor(sender.tab.id);
    return { ok: true };
  });
  chrome.commands.onCommand.addListener((command, tab) => {
    if (command !== JOURNAL_COMMAND || tab?.id === undefined) return;
    openFor(tab.id);
  });
}

/** The panel's mode for a tab, in trusted-only session storage (the side panel reads it). */
function setMode(tabId: number, mode: 'no-reply'): Promise<void> {
  return panelModeRequests.set(panelModeKey(tabId), { mode, at: new Date().toISOString() });
}

function openFor(tabId: number): void {
  try {
    // Both calls start now, inside the gesture; setOptions (global) makes sure the panel is enabled.
    const enabling = chrome.sidePanel.setOptions({ path: 'sidepanel.html', enabled: true });
    const opening = chrome.sidePanel.open({ tabId });
    Promise.all([enabling, opening]).catch((error: unknown) => logError('side panel', error));
  } catch (error) {
    logError('side panel', error);
  }
}
