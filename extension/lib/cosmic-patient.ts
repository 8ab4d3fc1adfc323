import { maskPersonnummer } from '../../shared/personnummer';
import { fromHex, hmacSha256Hex, randomHex } from '../../shared/web-crypto';
import type { CosmicPatient } from './cosmic-patient-record';
import { send } from './messages';
import { isTrustedContext, onSharedChanged, readShared, SHARED_ITEMS } from './session-shared';

/**
 * R-ID-2: the patient last copied for Cosmic, shared by every console tab. Kept in session
 * storage (memory only, cleared when the browser closes; it survives the service worker) as a
 * keyed hash, never the number (cosmic-patient-record.ts). The key is random per browser
 * session: a plain hash beside a mask that shows all but two digits would be reversed in a
 * hundred tries.
 */

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
  const stored = await readShared('cosmicKey');
  if (stored === null) throw new Error('no identity key');
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
  const stored = await SHARED_ITEMS.cosmicKey.get();
  if (stored !== null) return stored;
  const key = randomHex(32);
  await SHARED_ITEMS.cosmicKey.set(key);
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
    await SHARED_ITEMS.cosmicPatient.set(patient);
    return;
  }
  const reply = await send('cosmic-patient-save', { patient });
  if (!reply?.ok) throw new Error('Cosmic patient not saved');
}

export function loadCosmicPatient(): Promise<CosmicPatient | null> {
  return readShared('cosmicPatient');
}

export function onCosmicPatientChanged(listener: (patient: CosmicPatient | null) => void, signal: AbortSignal): void {
  onSharedChanged('cosmicPatient', listener, signal);
}
