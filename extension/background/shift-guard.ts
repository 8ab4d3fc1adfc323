import { t } from '../lib/i18n';
import { fromConsoleTab, handle } from '../lib/messages';

/**
 * R-S-2: a system notification while the SITHS card is out and the shift runs. Every console
 * tab reports the same fact; one fixed notification ID makes the reports idempotent, and the
 * card back (or the shift ended) clears it. No patient data in it.
 */
export const CARD_PULLED_NOTIFICATION = 'shift-guard:card-pulled';

export function registerShiftGuard(): void {
  handle('shift-card-pulled', (message, sender) => {
    if (!fromConsoleTab(sender)) return undefined;
    const done = message.pulled === true ? show() : chrome.notifications.clear(CARD_PULLED_NOTIFICATION);
    return done.then(() => ({ ok: true }) as const);
  });
}

async function show(): Promise<void> {
  await chrome.notifications.create(CARD_PULLED_NOTIFICATION, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icon/128.png'),
    title: t('bridge_shiftNotification'),
    message: `${t('shiftGuard_banner')} (R-S-2).`,
    priority: 2,
    requireInteraction: true,
  });
}
