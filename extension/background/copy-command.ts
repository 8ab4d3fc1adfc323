/** R-ID-1 shortcut (manifest `commands`): the content script in the active console tab copies. */
export function registerCopyCommand(): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'copy-patient-id') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'copy-patient-id' }).catch(() => {});
  });
}
