import { nextWakeUp } from '../../shared/no-reply';
import { focusVisit } from '../lib/focus-visit';
import { logError } from '../lib/log';
import { fromUs, handle, type Message, type MessageReply, REFUSED, type Sender, type SenderTab } from '../lib/messages';
import {
  closedTimer,
  isNoReplyAction,
  withLoggedPhoneAttempt,
  withMarkedNotice,
  withoutLastPhoneAttempt,
} from '../lib/no-reply-actions';
import {
  dueNotification,
  evaluateTimer,
  mergeEvents,
  NO_REPLY_ALARM_PREFIX,
  NO_REPLY_NOTIFICATION_PREFIX,
  type NoReplyTimer,
  noReplyKey,
  noReplyKeyFor,
  noReplyRecords,
  settingsFrom,
  timerIdOfKey,
} from '../lib/no-reply-timers';
import { loadEffectiveRules } from '../lib/rules';
import { defineItem, isObject } from '../lib/storage';

/**
 * The no-reply timers (R-NR-1..5) of every running visit, in the service worker, which Chrome
 * kills at will. So: every listener is registered synchronously at start-up; all state lives in
 * storage.local (one record per visit, see lib/no-reply-timers.ts), so neither a killed worker nor
 * a browser restart loses a timer; one alarm per visit at `nextWakeUp`, re-created from storage at
 * every start-up; and the notification a stage calls for is shown once (its key is stored), also
 * when the worker or the browser was down at the instant (it comes at the next start-up).
 *
 * Writes are serialised in this worker (one queue), so two tabs reporting on the same visit, an
 * alarm and a phone attempt never lose each other's update.
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

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch((error: unknown) => logError('no-reply timers', error));
  return run;
}

export function registerNoReplyTimers(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    const id = alarm.name.startsWith(NO_REPLY_ALARM_PREFIX) ? alarm.name.slice(NO_REPLY_ALARM_PREFIX.length) : null;
    if (id) void serial(() => wake(id, true));
  });
  chrome.notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(NO_REPLY_NOTIFICATION_PREFIX)) return;
    const id = notificationId.slice(NO_REPLY_NOTIFICATION_PREFIX.length);
    void chrome.notifications.clear(notificationId);
    void focusTimer(id);
  });
  handle('no-reply-focus', (message, sender) => {
    if (!fromUs(sender)) return undefined;
    return focusTimer(message.id).then(() => ({ ok: true }));
  });
  handle('no-reply-sync', (message, sender) => {
    if (!fromUs(sender)) return undefined;
    const tab = visitTab(message.visitUrl, sender);
    return tab ? serial(() => sync(message, tab)).catch(failed) : REFUSED;
  });
  handle('no-reply-action', (message, sender) => {
    if (!fromUs(sender)) return undefined;
    const tab = isNoReplyAction(message) ? visitTab(message.visitUrl, sender) : null;
    return tab ? serial(() => act(message, tab)).catch(failed) : REFUSED;
  });
  // The visit retention (or the shift's end) removed a record: its alarm and notice go with it.
  noReplyRecords.watch((key, timer) => {
    const id = timerIdOfKey(key);
    if (id && timer === null) void forget(id);
  });
  // A listener here makes Chrome start this worker when the browser starts, so timers whose
  // deadline passed while the browser was closed notify at once (restore runs at every start).
  chrome.runtime.onStartup.addListener(() => undefined);
  void serial(restoreNoReplyTimers);
}

type SyncReply = MessageReply<'no-reply-sync'>;
type ActionReply = MessageReply<'no-reply-action'>;
function failed(error: unknown): SyncReply & ActionReply {
  logError('no-reply message', error);
  return { ok: false, code: 'failed' };
}

/** Only a console tab reports on its visit, and only on an address of its own origin. */
function visitTab(visitUrl: string, sender: Sender): SenderTab | null {
  return sender.tab && sender.url && sameOrigin(visitUrl, sender.url) ? sender.tab : null;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function fresh(id: string, now: Date, visitUrl: string): NoReplyTimer {
  return {
    id,
    updatedAt: now.toISOString(),
    visitUrl,
    tabId: null,
    windowId: null,
    priority: null,
    events: [],
    status: { state: 'idle', attempts: 0, deadline: null, phoneRequired: true, canClose: false, reasons: [] },
    evaluatedAt: now.toISOString(),
    wakeAt: null,
    notified: null,
  };
}

async function sync(message: Message<'no-reply-sync'>, tab: SenderTab): Promise<SyncReply> {
  const key = await noReplyKey(message.visitKey);
  const id = timerIdOfKey(key)!;
  const now = new Date();
  const before = await noReplyRecords.get(key);
  if (message.closed) {
    // Closed in Clinic: nothing left to time (R-NR-4 done or moot). The alarm and notice go; the
    // record stays, closed, for the journal note's R-NR-3 check (the retention purges it later).
    await forget(id);
    if (!before) return { ok: true };
    const closed = closedTimer(before, now);
    if (closed === before) return { ok: true };
    await reconcile(closed, now, await currentSettings());
    await noReplyRecords.set(key, { ...closed, updatedAt: now.toISOString() });
    return { ok: true };
  }
  const events = mergeEvents(before?.events ?? [], message.events);
  if (!before && !events.some((e) => e.type !== 'patient-message')) return { ok: true }; // nothing to time yet
  const timer: NoReplyTimer = {
    ...(before ?? fresh(id, now, message.visitUrl)),
    updatedAt: now.toISOString(),
    visitUrl: message.visitUrl,
    tabId: tab.id ?? null,
    windowId: tab.windowId ?? null,
    priority: normalisePriority(message.priority),
    events,
  };
  await reconcile(timer, now, await currentSettings());
  await noReplyRecords.set(key, timer);
  return { ok: true };
}

/** The clinician's actions on a visit's timer (lib/no-reply-actions.ts): ok false when there was nothing to do. */
async function act(message: Message<'no-reply-action'>, tab: SenderTab): Promise<ActionReply> {
  const key = await noReplyKey(message.visitKey);
  const now = new Date();
  const before = (await noReplyRecords.get(key)) ?? fresh(timerIdOfKey(key)!, now, message.visitUrl);
  const edited =
    message.action === 'phone-attempt'
      ? withLoggedPhoneAttempt(before, now)
      : message.action === 'undo-phone-attempt'
        ? withoutLastPhoneAttempt(before)
        : message.at
          ? withMarkedNotice(before, message.at)
          : null;
  if (!edited) return { ok: false, code: 'nothing-to-change' };
  const timer: NoReplyTimer = {
    ...edited,
    updatedAt: now.toISOString(),
    visitUrl: message.visitUrl,
    tabId: tab.id ?? before.tabId,
    windowId: tab.windowId ?? before.windowId,
  };
  await reconcile(timer, now, await currentSettings());
  await noReplyRecords.set(key, timer);
  return { ok: true };
}

function normalisePriority(p: unknown): number | null {
  return typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 5 ? p : null;
}

async function currentSettings() {
  return settingsFrom((await loadEffectiveRules()).rules.timers);
}

/**
 * Brings one timer up to `now`, in place: status, the notification its stage calls for (once per
 * stage), and its alarm at the next change. Returns whether anything stored changed.
 */
async function reconcile(
  timer: NoReplyTimer,
  now: Date,
  settings: ReturnType<typeof settingsFrom>,
  existingAlarm?: Pick<chrome.alarms.Alarm, 'scheduledTime'> | null,
): Promise<boolean> {
  const before = JSON.stringify([timer.status, timer.wakeAt, timer.notified]);
  const status = evaluateTimer(timer, now, settings);
  const wakeAt = nextWakeUp(timer.events, now, settings, timer.priority);
  await schedule(timer.id, wakeAt, existingAlarm);
  const due = dueNotification(timer, status, settings);
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

/**
 * The alarm is what survives a stopped worker; while the worker runs, alarms were measured to
 * fire up to ~1 s late (Chrome checks them on a coarse grid), so a timeout also fires at the
 * exact instant when it is near. Both lead to `wake`, which is idempotent (a stage notifies once).
 */
const PRECISE_WITHIN_MS = 60_000;
const precise = new Map<string, ReturnType<typeof setTimeout>>();

async function schedule(
  id: string,
  wakeAt: string | null,
  existingAlarm?: Pick<chrome.alarms.Alarm, 'scheduledTime'> | null,
): Promise<void> {
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
async function wake(id: string, fromAlarm: boolean): Promise<void> {
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

async function forget(id: string): Promise<void> {
  clearTimeout(precise.get(id));
  precise.delete(id);
  await chrome.alarms.clear(`${NO_REPLY_ALARM_PREFIX}${id}`);
  await chrome.notifications.clear(`${NO_REPLY_NOTIFICATION_PREFIX}${id}`);
}

/**
 * At every worker start-up: every stored timer is re-evaluated, its alarm re-created (unless the
 * same one is already there), notifications that fell due while the worker or the browser was down
 * are shown, expired records (the visit retention) are purged, stray alarms cleared.
 */
export async function restoreNoReplyTimers(): Promise<{ visits: number; durationMs: number }> {
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
  const timers: [string, NoReplyTimer, chrome.alarms.Alarm | null][] = [];
  const expired: string[] = [];
  for (const [key, timer] of records) {
    const updated = Date.parse(timer?.updatedAt ?? '');
    if (!timer || Number.isNaN(updated) || now.getTime() - updated > retentionMs) {
      expired.push(key);
      continue;
    }
    timers.push([key, timer, alarmByName.get(`${NO_REPLY_ALARM_PREFIX}${timerIdOfKey(key)}`) ?? null]);
  }
  // First the alarms, all at once (what must survive the worker), then notices and writes.
  const kept = new Set(timers.map(([, t]) => `${NO_REPLY_ALARM_PREFIX}${t.id}`));
  await Promise.all([
    ...timers.map(([, t, alarm]) => schedule(t.id, nextWakeUp(t.events, now, settings, t.priority), alarm)),
    ...alarms
      .filter((a) => a.name.startsWith(NO_REPLY_ALARM_PREFIX) && !kept.has(a.name))
      .map((a) => chrome.alarms.clear(a.name)),
  ]);
  const alarmsRestoredMs = performance.now();
  const changed: Record<string, NoReplyTimer> = {};
  await Promise.all(
    timers.map(async ([key, timer]) => {
      const wakeAt = nextWakeUp(timer.events, now, settings, timer.priority);
      const scheduled = wakeAt
        ? { name: `${NO_REPLY_ALARM_PREFIX}${timer.id}`, scheduledTime: Date.parse(wakeAt) }
        : null;
      if (await reconcile(timer, now, settings, scheduled)) changed[key] = timer;
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

async function focusTimer(id: string): Promise<void> {
  const key = noReplyKeyFor(id);
  const timer = await noReplyRecords.get(key);
  if (!timer) return;
  const focused = await focusVisit(timer);
  if (focused && focused.tabId !== timer.tabId) {
    // A new tab now shows the visit: the next click goes there.
    await serial(async () => {
      const current = await noReplyRecords.get(key);
      if (current) await noReplyRecords.set(key, { ...current, ...focused });
    });
  }
}
