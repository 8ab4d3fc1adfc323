import type { NoReplyReading, NoReplySettings } from '../../shared/no-reply';
import {
  dueNotification,
  NO_REPLY_ALARM_PREFIX,
  NO_REPLY_NOTIFICATION_PREFIX,
  type NoReplyTimer,
  noReplyKeyFor,
  noReplyRecords,
  readTimer,
  settingsFrom,
} from '../lib/no-reply-timers';
import { loadEffectiveRules } from '../lib/rules';
import { createSerialQueue } from './serial';

/**
 * A no-reply timer brought up to now (R-NR-1..4): its status, the one system notification its
 * stage calls for, and its alarm at the next change. The alarm is what survives a stopped worker;
 * while the worker runs a timeout also fires at the exact instant (alarms were measured up to
 * ~1 s late). Both lead to `wake`, which is idempotent: a stage notifies once.
 */

/** Every write to a no-reply record goes through this queue (see serial.ts). */
export const serial = createSerialQueue('no-reply timers');

type ScheduledAlarm = { scheduledTime: number } | null;

export async function currentSettings(): Promise<NoReplySettings> {
  return settingsFrom((await loadEffectiveRules()).rules.timers);
}

/**
 * Brings one timer up to `now`, in place; returns whether anything stored changed. `existingAlarm`:
 * the alarm already set (null: none; undefined: not known); `reading`: when already computed.
 */
export async function reconcile(
  timer: NoReplyTimer,
  now: Date,
  settings: NoReplySettings,
  existingAlarm?: ScheduledAlarm,
  reading: NoReplyReading = readTimer(timer, now, settings),
): Promise<boolean> {
  const before = JSON.stringify([timer.status, timer.wakeAt, timer.notified]);
  const { status, wakeAt } = reading;
  await schedule(timer.id, wakeAt, existingAlarm);
  const due = dueNotification(timer, reading, settings);
  const notificationId = `${NO_REPLY_NOTIFICATION_PREFIX}${timer.id}`;
  if (due && timer.notified?.key !== due.key) {
    // Shown first, stored after: a worker killed in between shows it again (same id, replaced)
    // rather than never.
    await chrome.notifications.create(notificationId, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icon/128.png'),
      title: due.title,
      message: due.message,
      priority: 2,
      requireInteraction: true,
    });
    timer.notified = { key: due.key, at: new Date().toISOString(), dueAt: due.dueAt };
  } else if (!due && timer.notified && (status.state === 'idle' || status.state === 'awaiting-patient')) {
    // The patient answered (or a new question restarted the wait): the old notice is moot.
    await chrome.notifications.clear(notificationId);
  }
  timer.status = status;
  timer.wakeAt = wakeAt;
  timer.evaluatedAt = now.toISOString();
  return JSON.stringify([timer.status, timer.wakeAt, timer.notified]) !== before;
}

const PRECISE_WITHIN_MS = 60_000;
const precise = new Map<string, ReturnType<typeof setTimeout>>();

export async function schedule(id: string, wakeAt: string | null, existingAlarm?: ScheduledAlarm): Promise<void> {
  const alarmName = `${NO_REPLY_ALARM_PREFIX}${id}`;
  const when = wakeAt ? Date.parse(wakeAt) : null;
  clearTimeout(precise.get(id));
  precise.delete(id);
  if (when === null) {
    if (existingAlarm !== null) await chrome.alarms.clear(alarmName);
    return;
  }
  const delay = when - Date.now();
  if (delay <= PRECISE_WITHIN_MS) {
    precise.set(
      id,
      setTimeout(
        () => {
          precise.delete(id);
          void serial(() => wake(id, false));
        },
        Math.max(0, delay),
      ),
    );
  }
  if (existingAlarm?.scheduledTime !== when) await chrome.alarms.create(alarmName, { when });
}

/** The alarm (or the precise timeout) of a timer fired: re-evaluate, notify, schedule the next. */
export async function wake(id: string, fromAlarm: boolean): Promise<void> {
  const key = noReplyKeyFor(id);
  const timer = await noReplyRecords.get(key);
  if (!timer) {
    await forget(id);
    return;
  }
  // A fired alarm is gone; after a timeout the pending alarm is cleared or moved by `schedule`.
  const existing = fromAlarm ? null : undefined;
  if (await reconcile(timer, new Date(), await currentSettings(), existing)) {
    await noReplyRecords.set(key, timer);
  }
}

/** The record went (retention, shift end) or the visit closed: its alarm and notice go too. */
export async function forget(id: string): Promise<void> {
  clearTimeout(precise.get(id));
  precise.delete(id);
  await chrome.alarms.clear(`${NO_REPLY_ALARM_PREFIX}${id}`);
  await chrome.notifications.clear(`${NO_REPLY_NOTIFICATION_PREFIX}${id}`);
}
