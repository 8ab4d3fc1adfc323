import { loadEffectiveRules } from '../lib/rules';
import { purgeVisits } from '../lib/visit-store';

const PURGE_ALARM = 'purge-visit-data';

/** Per-visit data is purged after the rule set's retention limit (and at shift end). */
export function registerVisitRetention(): void {
  // Alarms survive the worker but not always an update or a restart: re-create at every start.
  // Created only when missing: re-creating at every worker start would restart its period.
  void browser.alarms.get(PURGE_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(PURGE_ALARM, { periodInMinutes: 30 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PURGE_ALARM) void purgeExpiredVisits();
  });
}

export async function purgeExpiredVisits(): Promise<number> {
  return purgeVisits((await loadEffectiveRules()).rules.retention.visitDataHours);
}
