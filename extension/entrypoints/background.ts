import { purgeVisits } from '../lib/visit-store';

/** Hours per-visit data is kept (the rule set's retention replaces this in the rules issue). */
const VISIT_RETENTION_HOURS = 24;
const PURGE_ALARM = 'purge-visit-data';

export default defineBackground(() => {
  // Content scripts share the Cosmic chip through session storage (R-ID-2): memory only,
  // survives this worker being killed, gone when the browser closes.
  void chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });

  // Alarms survive the worker but not always an update or a restart: re-create at every start.
  void browser.alarms.create(PURGE_ALARM, { periodInMinutes: 30 });
  void purgeVisits(VISIT_RETENTION_HOURS);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PURGE_ALARM) void purgeVisits(VISIT_RETENTION_HOURS);
  });

  // R-ID-1 shortcut: the content script in the active console tab does the copy.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'copy-patient-id') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'copy-patient-id' }).catch(() => {});
  });
});
