import { normalisePriority } from '../../shared/no-reply';
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
  mergeEvents,
  NO_REPLY_ALARM_PREFIX,
  NO_REPLY_NOTIFICATION_PREFIX,
  type NoReplyTimer,
  noReplyKey,
  noReplyKeyFor,
  noReplyRecords,
  timerIdOfKey,
} from '../lib/no-reply-timers';
import { restoreNoReplyTimers } from './no-reply-restore';
import { currentSettings, forget, reconcile, serial, wake } from './no-reply-schedule';

/**
 * The no-reply timers (R-NR-1..5) of every running visit, in the service worker, which Chrome
 * kills at will. So: every listener is registered synchronously at start-up; all state lives in
 * storage.local (one record per visit, see lib/no-reply-timers.ts), so neither a killed worker nor
 * a browser restart loses a timer; one alarm per visit at its next change, re-created from
 * storage at every start-up (no-reply-restore.ts); and the notification a stage calls for is shown
 * once (no-reply-schedule.ts), also when the worker or the browser was down at the instant.
 * This file: what the console tabs and the overview ask (messages), and the clinician's clicks.
 */
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
