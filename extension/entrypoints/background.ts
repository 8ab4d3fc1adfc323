import { resolveRules, watchRuleSources } from '../background/rules';
import { loadEffectiveRules } from '../lib/rules';
import { purgeVisits } from '../lib/visit-store';

const PURGE_ALARM = 'purge-visit-data';

export default defineBackground(() => {
  // Content scripts share the Cosmic chip through session storage (R-ID-2): memory only,
  // survives this worker being killed, gone when the browser closes.
  void chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });

  // Alarms survive the worker but not always an update or a restart: re-create at every start.
  void browser.alarms.create(PURGE_ALARM, { periodInMinutes: 30 });
  const purge = async () => purgeVisits((await loadEffectiveRules()).rules.retention.visitDataHours);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PURGE_ALARM) void purge();
  });
  watchRuleSources();
  void resolveRules().then(purge);

  // R-ID-1 shortcut: the content script in the active console tab does the copy.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'copy-patient-id') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'copy-patient-id' }).catch(() => {});
  });
});
