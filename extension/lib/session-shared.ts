import { isSessionChangedMessage, type SharedSessionKey } from './messages';

/**
 * The few session values content scripts may see (SHARED_SESSION_KEYS), read the same way from
 * any context. Session storage is trusted-only: extension pages (side panel, options, popup) and
 * the worker read it directly; a content script asks the background, which answers only for the
 * allow-listed keys and forwards their changes to every tab (background/session-bridge.ts).
 */
export function isTrustedContext(): boolean {
  const origin = globalThis.location?.origin;
  return typeof origin === 'string' && origin !== 'null' && browser.runtime.getURL('/').startsWith(origin);
}

export async function readShared<T>(key: SharedSessionKey): Promise<T | null> {
  if (isTrustedContext()) {
    const stored = await browser.storage.session.get(key);
    return (stored[key] as T | undefined) ?? null;
  }
  const value: unknown = await browser.runtime.sendMessage({ type: 'session-read', key });
  return (value as T | undefined) ?? null;
}

export function onSharedChanged<T>(
  key: SharedSessionKey,
  listener: (value: T | null) => void,
  signal: AbortSignal,
): void {
  if (isTrustedContext()) {
    const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) listener((changes[key]!.newValue as T | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(handler);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler));
    return;
  }
  const handler = (message: unknown): undefined => {
    if (isSessionChangedMessage(message) && message.key === key) listener((message.value as T | undefined) ?? null);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handler));
}
