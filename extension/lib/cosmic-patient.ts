import { maskPersonnummer } from '../../shared/personnummer';
import { hmacHex } from './hash';
import { COSMIC_KEY_REQUEST } from './messages';

/**
 * R-ID-2: the patient last copied for Cosmic, shared by every console tab. Kept in session
 * storage (memory only, cleared when the browser closes; it survives the service worker) and
 * holding a keyed hash rather than the number, plus what the chip shows: masked ID and initials.
 * The key is random per browser session: a plain hash beside a mask that shows all but two
 * digits would be reversed in a hundred tries.
 */
export interface CosmicPatient {
  idHash: string;
  masked: string;
  initials: string;
  copiedAt: string;
}

const KEY = 'cosmicPatient';

export async function cosmicPatientFor(normalized: string, name: string | null, at: Date): Promise<CosmicPatient> {
  return {
    idHash: await identityHash(normalized),
    masked: maskPersonnummer(normalized),
    initials: initialsOf(name),
    copiedAt: at.toISOString(),
  };
}

const KEY_NAME = 'cosmicKey';

/** The session's key, created once by the background (one worker: no two tabs make two keys). */
async function sessionKey(): Promise<string> {
  const stored = (await browser.storage.session.get(KEY_NAME))[KEY_NAME];
  if (typeof stored === 'string') return stored;
  const created = await browser.runtime.sendMessage({ type: COSMIC_KEY_REQUEST });
  if (typeof created !== 'string') throw new Error('no identity key');
  return created;
}

/** The comparable form of a normalised personnummer (R-ID-2), never the number itself. */
export async function identityHash(normalized: string): Promise<string> {
  return hmacHex(await sessionKey(), normalized);
}

/** Background side: the session's key, created on first request. */
export async function ensureSessionKey(): Promise<string> {
  const stored = (await browser.storage.session.get(KEY_NAME))[KEY_NAME];
  if (typeof stored === 'string') return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  await browser.storage.session.set({ [KEY_NAME]: key });
  return key;
}

export function initialsOf(name: string | null): string {
  if (!name) return '?';
  return name
    .split(/[\s-]+/u)
    .filter(Boolean)
    .map((part) => part[0]!.toLocaleUpperCase('sv'))
    .join('');
}

export async function saveCosmicPatient(patient: CosmicPatient): Promise<void> {
  await browser.storage.session.set({ [KEY]: patient });
}

export async function loadCosmicPatient(): Promise<CosmicPatient | null> {
  const stored = await browser.storage.session.get(KEY);
  return (stored[KEY] as CosmicPatient | undefined) ?? null;
}

export function onCosmicPatientChanged(listener: (patient: CosmicPatient | null) => void, signal: AbortSignal): void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && KEY in changes) listener((changes[KEY]!.newValue as CosmicPatient | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler));
}
