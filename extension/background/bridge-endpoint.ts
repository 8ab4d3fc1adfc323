/**
 * Where the background finds the bridge (issue 11): the native messaging host first (this OS
 * user's port and token, no paste), then IT's policy, then a pasted pairing. The token lives only
 * in trusted contexts: worker memory, storage.session (trusted contexts only, session-bridge.ts)
 * and the extension origin's IndexedDB, which content scripts, running in the page's origin,
 * cannot open. storage.local, which they can read and write, never holds it.
 */
import {
  type BridgeEndpoint,
  type BridgePairing,
  type BridgePairingInfo,
  LEGACY_LOCAL_KEYS,
  legacyRecords,
  MANAGED_BRIDGE_PORT_KEY,
  MANAGED_BRIDGE_TOKEN_KEY,
  NATIVE_HOST_NAME,
  nativeEndpoint,
  nativeEndpointItem,
  pairingEndpoint,
  pairingInfoItem,
  policyEndpoint,
  policyPortItem,
  policyTokenItem,
} from '../lib/bridge-settings';

/** The host answers in a few tens of milliseconds; a hung one must not stall pairing. */
const NATIVE_TIMEOUT_MS = 2_000;

// ---------------------------------------------------------------------------------------------
// The pasted pairing, in the extension origin's IndexedDB (the worker's own)

const DB_NAME = 'clinic-companion-bridge';
const STORE = 'pairing';
const PAIRING_ID = 'pasted';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

export function readPairing(): Promise<BridgePairing | undefined> {
  return withStore('readonly', (s) => s.get(PAIRING_ID));
}
export async function savePairing(pairing: BridgePairing): Promise<void> {
  await withStore('readwrite', (s) => s.put(pairing, PAIRING_ID));
}
export async function removePairing(): Promise<void> {
  await withStore('readwrite', (s) => s.delete(PAIRING_ID));
}

// ---------------------------------------------------------------------------------------------
// The native messaging host

/** Whether the host answered at all this worker's life (the options page says so). */
let nativeHostAnswered = false;

/** Asks this user's native host for the bridge's port and token; null when there is none. */
export async function discoverNative(): Promise<BridgeEndpoint | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const reply = await Promise.race([
      browser.runtime.sendNativeMessage(NATIVE_HOST_NAME, { type: 'discover' }),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve(null), NATIVE_TIMEOUT_MS);
      }),
    ]);
    const endpoint = nativeEndpoint(reply);
    nativeHostAnswered = reply !== null && typeof reply === 'object';
    // Kept for the next worker start; not awaited: proving the bridge need not wait for it.
    if (endpoint) void nativeEndpointItem.set(endpoint).catch(() => {});
    return endpoint;
  } catch {
    // Not installed for this user (or not allowed for this extension): the fallbacks apply.
    nativeHostAnswered = false;
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The endpoint the native host gave last (this browser session), without starting it again. */
export async function cachedNative(): Promise<BridgeEndpoint | null> {
  return nativeEndpointItem.get();
}

// ---------------------------------------------------------------------------------------------
// The fallbacks

export async function fallbackEndpoints(): Promise<BridgeEndpoint[]> {
  // No policy configured (or no managed storage at all) reads as none.
  const [token, port, pairing] = await Promise.all([
    policyTokenItem.get().catch(() => undefined),
    policyPortItem.get().catch(() => undefined),
    readPairing().catch(() => undefined),
  ]);
  const managed = { [MANAGED_BRIDGE_TOKEN_KEY]: token, [MANAGED_BRIDGE_PORT_KEY]: port };
  return [policyEndpoint(managed), pairingEndpoint(pairing)].filter((e): e is BridgeEndpoint => e !== null);
}

/** What the options page shows (no token), in trusted-only session storage. */
export async function publishPairingInfo(
  inForce: BridgeEndpoint | null,
  proven?: { at: number; started: number },
): Promise<void> {
  const pairing = inForce?.source === 'pairing' ? await readPairing().catch(() => undefined) : undefined;
  const info: BridgePairingInfo = {
    source: inForce?.source ?? null,
    port: inForce?.port ?? null,
    pairedAt: pairing?.pairedAt ?? null,
    nativeHost: nativeHostAnswered,
    provenAfterStartMs: proven?.at,
    findingStartedAfterStartMs: proven?.started,
  };
  await pairingInfoItem.set(info);
}

/** Older versions kept a pasted token in storage.local, where content scripts reach it. */
export async function dropLegacyStorage(): Promise<void> {
  await legacyRecords.remove([...LEGACY_LOCAL_KEYS]).catch(() => {});
}
