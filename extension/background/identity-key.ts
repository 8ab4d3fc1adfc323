import { ensureSessionKey } from '../lib/cosmic-patient';
import { COSMIC_KEY_REQUEST } from '../lib/messages';

/**
 * The per-session key behind the Cosmic chip's identity hash (R-ID-2). Created here, in the one
 * worker, so every console tab gets the same key; dropped at shift end (a new key next time).
 */
export function registerIdentityKey(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if ((message as { type?: unknown } | null)?.type !== COSMIC_KEY_REQUEST || !sender.tab) return;
    return ensureSessionKey();
  });
  void ensureSessionKey();
}
