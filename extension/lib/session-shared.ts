import { type BridgeStatus, isBridgeStatus } from './bridge-status-record';
import { type CosmicPatient, isCosmicPatient } from './cosmic-patient-record';
import { handle, type SharedSessionKey, send } from './messages';
import { defineItem, type Item } from './storage';

/**
 * The few session values content scripts may see (SHARED_SESSION_KEYS), read the same way from
 * any context. Session storage is trusted-only: extension pages (side panel, options, popup) and
 * the worker read it directly; a content script asks the background, which answers only for the
 * allow-listed keys and forwards their changes to every tab (background/session-bridge.ts).
 */
export interface SharedValues {
  /** R-ID-2: the patient last copied for Cosmic (hash, mask, initials). */
  cosmicPatient: CosmicPatient | null;
  /** The session's key behind that hash; made by the background, never broadcast. */
  cosmicKey: string | null;
  bridgeStatus: BridgeStatus | null;
}

export const SHARED_ITEMS: { [K in SharedSessionKey]: Item<SharedValues[K]> } = {
  cosmicPatient: defineItem('session', 'cosmicPatient', {
    fallback: null,
    parse: (raw) => (isCosmicPatient(raw) ? raw : null),
  }),
  cosmicKey: defineItem('session', 'cosmicKey', {
    fallback: null,
    parse: (raw) => (typeof raw === 'string' && /^[0-9a-f]{64}$/u.test(raw) ? raw : null),
  }),
  bridgeStatus: defineItem('session', 'bridgeStatus', {
    fallback: null,
    parse: (raw) => (isBridgeStatus(raw) ? raw : null),
  }),
};

export function isTrustedContext(): boolean {
  const origin = globalThis.location?.origin;
  return typeof origin === 'string' && origin !== 'null' && browser.runtime.getURL('/').startsWith(origin);
}

export async function readShared<K extends SharedSessionKey>(key: K): Promise<SharedValues[K]> {
  const item: Item<SharedValues[K]> = SHARED_ITEMS[key];
  if (isTrustedContext()) return item.get();
  // The background's answer is checked like a stored value: what it sent is not trusted blindly.
  return item.read(await send('session-read', { key }));
}

export function onSharedChanged<K extends SharedSessionKey>(
  key: K,
  listener: (value: SharedValues[K]) => void,
  signal: AbortSignal,
): void {
  const item: Item<SharedValues[K]> = SHARED_ITEMS[key];
  if (isTrustedContext()) {
    item.watch(listener, signal);
    return;
  }
  handle(
    'session-changed',
    (message) => {
      if (message.key === key) listener(item.read(message.value));
      return undefined;
    },
    signal,
  );
}
