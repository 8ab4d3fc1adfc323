import { sendToTab } from '../lib/messages';

/** R-ID-1 shortcut (manifest `commands`): the content script in the active console tab copies. */
export function registerCopyCommand(): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'copy-patient-id') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // A tab without our content script (another site) refuses: nothing to copy there.
    if (tab?.id !== undefined) await sendToTab(tab.id, 'copy-patient-id').catch(() => {});
  });
}
