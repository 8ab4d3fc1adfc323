import { ensureSessionKey, isCosmicPatient } from '../lib/cosmic-patient';
import { isSharedSessionKey, SHARED_SESSION_KEYS, type SharedSessionKey } from '../lib/messages';

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
  void chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleSessionMessage(message, sender));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session') return;
    for (const key of SHARED_SESSION_KEYS) {
      // The key itself is never broadcast: a tab asks for it when it needs to hash.
      if (key in changes && key !== 'cosmicKey') void forward(key, changes[key]!.newValue ?? null);
    }
  });
}

type Sender = { id?: string; tab?: { id?: number } };

/** undefined: not ours to answer (another listener may); a promise: the reply. */
export function handleSessionMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (type !== 'session-read' && type !== 'cosmic-patient-save') return undefined;
  if (sender.id !== browser.runtime.id) return undefined;
  if (type === 'session-read') {
    const key = (message as { key?: unknown }).key;
    // Anything else (journalFacts:<tab>, timers' stats…) is refused: no answer but null.
    if (!isSharedSessionKey(key)) return Promise.resolve(null);
    return readAllowed(key);
  }
  // Only a content script, in a tab, saves what it copied; pages write storage themselves.
  const patient = (message as { patient?: unknown }).patient;
  if (sender.tab?.id === undefined || !isCosmicPatient(patient)) return Promise.resolve({ ok: false });
  const { idHash, masked, initials, copiedAt } = patient;
  return browser.storage.session
    .set({ cosmicPatient: { idHash, masked, initials, copiedAt } })
    .then(() => ({ ok: true }));
}

async function readAllowed(key: SharedSessionKey): Promise<unknown> {
  if (key === 'cosmicKey') return ensureSessionKey();
  return (await browser.storage.session.get(key))[key] ?? null;
}

async function forward(key: SharedSessionKey, value: unknown): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : // Tabs without our content script (other sites) refuse: nothing to tell them.
          browser.tabs.sendMessage(tab.id, { type: 'session-changed', key, value }).catch(() => {}),
    ),
  );
}
