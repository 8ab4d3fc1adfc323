import type { NoReplyReading } from '../../shared/no-reply';
import {
  NO_REPLY_ALARM_PREFIX,
  type NoReplyTimer,
  noReplyRecords,
  readTimer,
  settingsFrom,
  timerIdOfKey,
} from '../lib/no-reply-timers';
import { loadEffectiveRules } from '../lib/rules';
import { defineItem, isObject } from '../lib/storage';
import { reconcile, schedule } from './no-reply-schedule';

/**
 * At every worker start-up: every stored no-reply timer is read once at `now`, its alarm
 * re-created (unless the same one is already there), notifications that fell due while the
 * worker or the browser was down are shown, expired records (the visit retention) and unreadable
 * ones are purged, stray alarms cleared.
 */
interface RestoreStats {
  visits: number;
  /** performance.now() when the alarms were restored (the bench measures from the worker's start). */
  durationMs: number;
  restoreMs: number;
  at: string;
}

/** The last start-up's restore, for the bench (session: gone with the browser). */
const restoreStatsItem = defineItem<RestoreStats | null>('session', 'noReplyRestore', {
  fallback: null,
  parse: (raw) =>
    isObject(raw) &&
    typeof raw.visits === 'number' &&
    typeof raw.durationMs === 'number' &&
    typeof raw.restoreMs === 'number' &&
    typeof raw.at === 'string'
      ? { visits: raw.visits, durationMs: raw.durationMs, restoreMs: raw.restoreMs, at: raw.at }
      : null,
});

export async function restoreNoReplyTimers(): Promise<RestoreStats> {
  const startedAt = performance.now();
  const [records, { rules }, alarms] = await Promise.all([
    noReplyRecords.all(),
    loadEffectiveRules(),
    chrome.alarms.getAll(),
  ]);
  const settings = settingsFrom(rules.timers);
  const retentionMs = rules.retention.visitDataHours * 3_600_000;
  const now = new Date();
  const alarmByName = new Map(alarms.map((a) => [a.name, a]));
  const timers: { key: string; timer: NoReplyTimer; reading: NoReplyReading; alarm: chrome.alarms.Alarm | null }[] = [];
  const expired: string[] = [];
  for (const [key, timer] of records) {
    const updated = Date.parse(timer?.updatedAt ?? '');
    if (!timer || Number.isNaN(updated) || now.getTime() - updated > retentionMs) {
      expired.push(key);
      continue;
    }
    const alarm = alarmByName.get(`${NO_REPLY_ALARM_PREFIX}${timerIdOfKey(key)}`) ?? null;
    timers.push({ key, timer, reading: readTimer(timer, now, settings), alarm });
  }
  // First the alarms, all at once (what must survive the worker), then notices and writes.
  const kept = new Set(timers.map(({ timer }) => `${NO_REPLY_ALARM_PREFIX}${timer.id}`));
  await Promise.all([
    ...timers.map(({ timer, reading, alarm }) => schedule(timer.id, reading.wakeAt, alarm)),
    ...alarms
      .filter((a) => a.name.startsWith(NO_REPLY_ALARM_PREFIX) && !kept.has(a.name))
      .map((a) => chrome.alarms.clear(a.name)),
  ]);
  const alarmsRestoredMs = performance.now();
  const changed: Record<string, NoReplyTimer> = {};
  await Promise.all(
    timers.map(async ({ key, timer, reading }) => {
      const scheduled = reading.wakeAt ? { scheduledTime: Date.parse(reading.wakeAt) } : null;
      if (await reconcile(timer, now, settings, scheduled, reading)) changed[key] = timer;
    }),
  );
  await noReplyRecords.setMany(changed);
  await noReplyRecords.remove(expired);
  // Start-up cost, measured from the worker's own start (bench: ≤ 100 ms for 50 visits).
  const stats = {
    visits: timers.length,
    durationMs: alarmsRestoredMs,
    restoreMs: alarmsRestoredMs - startedAt,
    at: now.toISOString(),
  };
  await restoreStatsItem.set(stats).catch(() => {});
  return stats;
}
