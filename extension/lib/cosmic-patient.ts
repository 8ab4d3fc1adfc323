import { maskPersonnummer } from '../../shared/personnummer';
import { fromHex, hmacSha256Hex, randomHex } from '../../shared/web-crypto';
import { type CosmicPatient, isCosmicPatient } from './cosmic-patient-record';
import { send } from './messages';
import { isTrustedContext, onSharedChanged, readShared } from './session-shared';
import { defineItem } from './storage';

/**
 * R-ID-2: the patient last copied for Cosmic, shared by every console tab. Kept in session
 * storage (memory only, cleared when the browser closes; it survives the service worker) as a
 * keyed hash, never the number (cosmic-patient-record.ts). The key is random per browser
 * session: a plain hash beside a mask that shows all but two digits would be reversed in a
 * hundred tries.
 */
// The session bridge checks what a content script stores with the record's own guard.
export { type CosmicPatient, isCosmicPatient } from './cosmic-patient-record';

const KEY = 'cosmicPatient';
const KEY_NAME = 'cosmicKey';

/** Trusted contexts only (session storage): content scripts go through the background. */
export const cosmicPatientItem = /* @__PURE__ */ defineItem<CosmicPatient | null>('session', KEY, {
  fallback: null,
  parse: (raw) => (isCosmicPatient(raw) ? raw : null),
});
export const cosmicKeyItem = /* @__PURE__ */ defineItem<string | null>('session', KEY_NAME, {
  fallback: null,
  parse: (raw) => (typeof raw === 'string' && /^[0-9a-f]{64}$/u.test(raw) ? raw : null),
});

export async function cosmicPatientFor(normalized: string, name: string | null, at: Date): Promise<CosmicPatient> {
  return {
    idHash: await identityHash(normalized),
    masked: maskPersonnummer(normalized),
    initials: initialsOf(name),
    copiedAt: at.toISOString(),
  };
}

/**
 * The session's key. A content script gets it from the background (session storage is
 * trusted-only), which creates it when missing; an extension page may create it itself.
 */
async function sessionKey(): Promise<string> {
  if (isTrustedContext()) return ensureSessionKey();
  const stored = await readShared<string>(KEY_NAME);
  if (typeof stored !== 'string') throw new Error('no identity key');
  return stored;
}

/** The comparable form of a normalised personnummer (R-ID-2), never the number itself. */
export async function identityHash(normalized: string): Promise<string> {
  const key = fromHex(await sessionKey());
  if (!key) throw new Error('malformed identity key');
  return hmacSha256Hex(key, normalized);
}

/** Trusted contexts (the background, extension pages): the session's key, created when missing. */
export async function ensureSessionKey(): Promise<string> {
  const stored = await cosmicKeyItem.get();
  if (stored !== null) return stored;
  const key = randomHex(32);
  await cosmicKeyItem.set(key);
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

/** A content script's record goes through the background, which checks its shape. */
export async function saveCosmicPatient(patient: CosmicPatient): Promise<void> {
  if (isTrustedContext()) {
    await cosmicPatientItem.set(patient);
    return;
  }
  const reply = await send('cosmic-patient-save', { patient });
  if (!reply?.ok) throw new Error('Cosmic patient not saved');
}

export async function loadCosmicPatient(): Promise<CosmicPatient | null> {
  const stored = await readShared<unknown>(KEY);
  return isCosmicPatient(stored) ? stored : null;
}

export function onCosmicPatientChanged(listener: (patient: CosmicPatient | null) => void, signal: AbortSignal): void {
  onSharedChanged<unknown>(KEY, (value) => listener(isCosmicPatient(value) ? value : null), signal);
}
