import { maskPersonnummer } from '../../shared/personnummer';
import { sha256Hex } from './hash';

/**
 * R-ID-2: the patient last copied for Cosmic, shared by every console tab. Kept in session
 * storage (memory only, cleared when the browser closes; it survives the service worker) and
 * holding a hash rather than the number, plus what the chip shows: masked ID and initials.
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
    idHash: await sha256Hex(normalized),
    masked: maskPersonnummer(normalized),
    initials: initialsOf(name),
    copiedAt: at.toISOString(),
  };
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
