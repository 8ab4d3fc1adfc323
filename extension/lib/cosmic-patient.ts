import { maskPersonnummer } from '../../shared/personnummer';
import { fromHex, hmacSha256Hex, randomHex } from '../../shared/web-crypto';
import { COSMIC_KEY_REQUEST } from './messages';
import { isTrustedContext, onSharedChanged, readShared } from './session-shared';

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

/**
 * The session's key, created once by the background (one worker: no two tabs make two keys).
 * A content script gets it from the background (session storage is trusted-only), which creates
 * it when missing.
 */
async function sessionKey(): Promise<string> {
  const stored = await readShared<string>(KEY_NAME);
  if (typeof stored === 'string') return stored;
  const created = await browser.runtime.sendMessage({ type: COSMIC_KEY_REQUEST });
  if (typeof created !== 'string') throw new Error('no identity key');
  return created;
}

/** The comparable form of a normalised personnummer (R-ID-2), never the number itself. */
export async function identityHash(normalized: string): Promise<string> {
  const key = fromHex(await sessionKey());
  if (!key) throw new Error('malformed identity key');
  return hmacSha256Hex(key, normalized);
}

/** Background side: the session's key, created on first request. */
export async function ensureSessionKey(): Promise<string> {
  const stored = (await browser.storage.session.get(KEY_NAME))[KEY_NAME];
  if (typeof stored === 'string') return stored;
  const key = randomHex(32);
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

/** A content script's record goes through the background, which checks its shape. */
export async function saveCosmicPatient(patient: CosmicPatient): Promise<void> {
  if (isTrustedContext()) {
    await browser.storage.session.set({ [KEY]: patient });
    return;
  }
  const reply: unknown = await browser.runtime.sendMessage({ type: 'cosmic-patient-save', patient });
  if ((reply as { ok?: unknown } | null)?.ok !== true) throw new Error('Cosmic patient not saved');
}

export async function loadCosmicPatient(): Promise<CosmicPatient | null> {
  return readShared<CosmicPatient>(KEY);
}

export function onCosmicPatientChanged(listener: (patient: CosmicPatient | null) => void, signal: AbortSignal): void {
  onSharedChanged<CosmicPatient>(KEY, listener, signal);
}

/** Background side: the shape a content script may store (R-ID-2: hash, mask and initials only). */
export function isCosmicPatient(value: unknown): value is CosmicPatient {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof CosmicPatient, unknown>>;
  return (
    Object.keys(value).length === 4 &&
    typeof v.idHash === 'string' &&
    /^[0-9a-f]{64}$/u.test(v.idHash) &&
    typeof v.masked === 'string' &&
    /^\d{8}-••\d{2}$/u.test(v.masked) &&
    typeof v.initials === 'string' &&
    v.initials.length <= 12 &&
    !/\d/u.test(v.initials) &&
    typeof v.copiedAt === 'string' &&
    v.copiedAt.length <= 30 &&
    !Number.isNaN(Date.parse(v.copiedAt))
  );
}
