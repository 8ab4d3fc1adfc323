import type { BridgeStatus } from '../lib/bridge-status-record';
import { t } from '../lib/i18n';
import { fromConsoleTab, handle } from '../lib/messages';
import { SHARED_ITEMS } from '../lib/session-shared';

/**
 * R-S-2: a system notification while the SITHS card is out and the shift runs. Every console
 * tab reports the same fact; one fixed notification ID makes the reports idempotent, and the
 * card back (or the shift ended) clears it. No patient data in it.
 *
 * The card back clears it here too, from the bridge's own status: a tab that reported the pull
 * and was then reloaded or closed never says "back" (its new page starts with nothing to take
 * back), and the notification stayed up over a card in the reader (seen in CI, the PC/SC test).
 */
export const CARD_PULLED_NOTIFICATION = 'shift-guard:card-pulled';

const cardPresent = (status: BridgeStatus | null) => status?.bridge === 'ok' && status.card?.state === 'CARD_PRESENT';

export function registerShiftGuard(): void {
  handle('shift-card-pulled', (message, sender) => {
    if (!fromConsoleTab(sender)) return undefined;
    const done = message.pulled === true ? showUnlessCardBack() : clear();
    return done.then(() => ({ ok: true }) as const);
  });
  SHARED_ITEMS.bridgeStatus.watch((status) => {
    if (cardPresent(status)) void clear();
  });
}

const clear = () => chrome.notifications.clear(CARD_PULLED_NOTIFICATION).then(() => {});

/** A tab's report that arrives after the bridge already saw the card back is not shown (it is stale). */
async function showUnlessCardBack(): Promise<void> {
  if (cardPresent(await SHARED_ITEMS.bridgeStatus.get())) return;
  await chrome.notifications.create(CARD_PULLED_NOTIFICATION, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icon/128.png'),
    title: t('bridge_shiftNotification'),
    message: `${t('shiftGuard_banner')} (R-S-2).`,
    priority: 2,
    requireInteraction: true,
  });
  // The card came back while it was being shown (the status change came before it existed).
  if (cardPresent(await SHARED_ITEMS.bridgeStatus.get())) await clear();
}
