import { ensureSessionKey } from '../lib/cosmic-patient';
import { isCosmicPatient } from '../lib/cosmic-patient-record';
import {
  fromConsoleTab,
  fromUs,
  handle,
  isSharedSessionKey,
  type MessageReply,
  REFUSED,
  type Sender,
  type SharedSessionKey,
  sendToTab,
} from '../lib/messages';
import { SHARED_ITEMS } from '../lib/session-shared';
import { isObject, keepSessionTrustedOnly } from '../lib/storage';

/**
 * Session storage is trusted-only (Chrome's default, set again here): it holds every tab's
 * journal facts (patient name, personnummer, anamnesis) for the side panel, which a content
 * script, running inside the console page, must not be able to read. Content scripts get only
 * the allow-listed keys (SHARED_SESSION_KEYS: the Cosmic chip R-ID-2, its key, the bridge status)
 * through this module: read on request, writes of the Cosmic patient checked here, and changes
 * forwarded to every tab. A content script's message wakes the worker; a change the worker makes
 * itself (bridge status, shift end) happens while it is awake, so the forward is never missed.
 */
export function registerSessionBridge(): void {
  void keepSessionTrustedOnly();
  handle('session-read', answerSessionRead);
  handle('cosmic-patient-save', answerCosmicPatientSave);
  // The key itself is never broadcast: a tab asks for it when it needs to hash.
  SHARED_ITEMS.cosmicPatient.watch((value) => void forward('cosmicPatient', value));
  SHARED_ITEMS.bridgeStatus.watch((value) => void forward('bridgeStatus', value));
}

/**
 * One allow-listed session value (null when unset); anything else (journalFacts:<tab>, the
 * timers' stats, the bridge's endpoint…) is refused with null. undefined: not our extension.
 * Takes the message as it came: a content script runs in a page we do not control.
 */
export function answerSessionRead(message: unknown, sender: Sender): Promise<MessageReply<'session-read'>> | undefined {
  if (!fromUs(sender)) return undefined;
  const key = isObject(message) && message.type === 'session-read' ? message.key : undefined;
  if (!isSharedSessionKey(key))
    return isObject(message) && message.type === 'session-read' ? Promise.resolve(null) : undefined;
  return key === 'cosmicKey' ? ensureSessionKey() : SHARED_ITEMS[key].get();
}

/** Only a content script, in a tab, saves what it copied (pages write storage themselves). */
export function answerCosmicPatientSave(
  message: unknown,
  sender: Sender,
): Promise<MessageReply<'cosmic-patient-save'>> | undefined {
  if (!fromUs(sender) || !isObject(message) || message.type !== 'cosmic-patient-save') return undefined;
  const patient = message.patient;
  if (!fromConsoleTab(sender) || !isCosmicPatient(patient)) return Promise.resolve(REFUSED);
  const { idHash, masked, initials, copiedAt } = patient;
  return SHARED_ITEMS.cosmicPatient.set({ idHash, masked, initials, copiedAt }).then(() => ({ ok: true }));
}

async function forward(key: SharedSessionKey, value: unknown): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : // Tabs without our content script (other sites) refuse: nothing to tell them.
          sendToTab(tab.id, 'session-changed', { key, value }).catch(() => {}),
    ),
  );
}
