import { normalisePriority, type Priority } from '../../shared/no-reply';
import { type QueueNotification, queueNotifications, queueNotifierStep } from '../../shared/queue';
import { sha256Hex } from '../../shared/web-crypto';
import { focusVisit } from '../lib/focus-visit';
import { t } from '../lib/i18n';
import { logError } from '../lib/log';
import { fromConsoleTab, handle, type Message, type MessageReply, type SenderTab } from '../lib/messages';
import { priorityText } from '../lib/no-reply-timers';
import { loadEffectiveRules } from '../lib/rules';
import { defineItem, isObject } from '../lib/storage';
import { createSerialQueue } from './serial';

/**
 * R-Q-1: a system notification for each Drop in case that passes the red threshold unaccepted
 * (more than MAX_CASE_NOTIFICATIONS at once: one for them all, saying how many), while the
 * clinician is on shift (the content script checks the shift). Which cases were
 * notified lives in storage.local (hashes of the cases' addresses, no patient data), so neither a
 * killed worker nor a browser restart notifies a case twice; the list belongs to one shift and is
 * reset when the console shows the shift ended (R-S-2). The notification never names the patient.
 */
export const QUEUE_NOTIFICATION_PREFIX = 'queue:';
/** Cases remembered at most (a shift sees far fewer). */
const MAX_REMEMBERED = 2_000;

export interface QueueNotifiedState {
  ids: string[];
  /** When a Drop in tab last reported (a test waits for it before asserting "no new notification"). */
  reportedAt?: string;
  /** The Drop in tab that reported last: a click on a notification brings it. */
  tabId: number | null;
  windowId: number | null;
  url: string | null;
}

const NOTHING_NOTIFIED: QueueNotifiedState = { ids: [], tabId: null, windowId: null, url: null };
const numberOrNull = (v: unknown) => (typeof v === 'number' ? v : null);

/** Which cases were notified this shift; a malformed list reads as none (a case may then notify again). */
const notifiedItem = defineItem<QueueNotifiedState>('local', 'queueNotified', {
  fallback: NOTHING_NOTIFIED,
  parse: (raw) =>
    isObject(raw)
      ? {
          ids: Array.isArray(raw.ids) ? raw.ids.filter((x): x is string => typeof x === 'string') : [],
          tabId: numberOrNull(raw.tabId),
          windowId: numberOrNull(raw.windowId),
          url: typeof raw.url === 'string' ? raw.url : null,
          ...(typeof raw.reportedAt === 'string' ? { reportedAt: raw.reportedAt } : {}),
        }
      : null,
});

const serial = createSerialQueue('queue deadlines');

type QueueReply = MessageReply<'queue-overdue'>;
const failed = (error: unknown): QueueReply => {
  logError('queue deadlines', error);
  return { ok: false, code: 'failed' };
};

export function registerQueueDeadlines(): void {
  handle('queue-overdue', (message, sender) => {
    if (!fromConsoleTab(sender)) return undefined;
    return serial(() => notifyOverdue(message, sender.tab, sender.url ?? null)).catch(failed);
  });
  handle('queue-shift-ended', (_message, sender) => {
    if (!fromConsoleTab(sender)) return undefined;
    return serial(async (): Promise<QueueReply> => {
      await notifiedItem.remove();
      return { ok: true, notified: 0 };
    }).catch(failed);
  });
  chrome.notifications.onClicked.addListener((notificationId) => {
    if (!notificationId.startsWith(QUEUE_NOTIFICATION_PREFIX)) return;
    void chrome.notifications.clear(notificationId);
    void (async () => {
      const state = await notifiedItem.get();
      if (state.url) await focusVisit({ tabId: state.tabId, windowId: state.windowId, visitUrl: state.url });
    })();
  });
}

async function notifyOverdue(
  message: Message<'queue-overdue'>,
  tab: SenderTab,
  url: string | null,
): Promise<QueueReply> {
  const state = await notifiedItem.get();
  // R-Q-1: the red mark is the rule's own acceptWithinMinutes (no second constant).
  const red = (await loadEffectiveRules()).rules.timers.acceptWithinMinutes;
  const overdue = await Promise.all(
    (Array.isArray(message.cases) ? message.cases : [])
      .filter((c) => typeof c?.visitKey === 'string')
      .map(async (c) => ({
        id: (await sha256Hex(c.visitKey)).slice(0, 32),
        priority: normalisePriority(c.priority),
        waited: typeof c.waitedMinutes === 'number' && c.waitedMinutes >= 0 ? c.waitedMinutes : null,
      })),
  );
  const step = queueNotifierStep(state.ids, overdue);
  const iconUrl = chrome.runtime.getURL('icon/128.png');
  for (const n of queueNotifications(step.notify)) {
    const { id, title, message: text } = notificationOf(n, red);
    await chrome.notifications.create(`${QUEUE_NOTIFICATION_PREFIX}${id}`, {
      type: 'basic',
      iconUrl,
      title,
      message: text,
      priority: 2,
    });
  }
  const next: QueueNotifiedState = {
    ids: step.notified.slice(-MAX_REMEMBERED),
    reportedAt: new Date().toISOString(),
    tabId: tab.id ?? null,
    windowId: tab.windowId ?? null,
    url,
  };
  await notifiedItem.set(next);
  return { ok: true, notified: step.notify.length };
}

type OverdueForNotification = { id: string; priority: Priority | null; waited: number | null };

/** A notification's words: never a name or personnummer, the priority and the wait only (R-Q-1). */
function notificationOf(n: QueueNotification<OverdueForNotification>, red: number) {
  if (n.kind === 'case') {
    const c = n.case;
    return {
      id: c.id,
      title: t('queue_notifyTitle', priorityText(c.priority), red),
      message: c.waited === null ? t('queue_notifyCase') : t('queue_notifyCaseWaited', c.waited),
    };
  }
  return {
    // Named by its first case (each case is notified once a shift); should an id come again
    // (after a shift reset), Chrome replaces the old notification with the new one.
    id: `group-${n.firstId}`,
    title: t('queue_notifyGroupTitle', n.count, red),
    message:
      n.longestWaited === null
        ? t('queue_notifyGroup', priorityText(n.highestPriority))
        : t('queue_notifyGroupWaited', priorityText(n.highestPriority), n.longestWaited),
  };
}
