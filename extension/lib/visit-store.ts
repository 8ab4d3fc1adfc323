import { sha256Hex } from '../../shared/web-crypto';

/**
 * Per-visit state (checklists, drafts, timers) in local storage so it survives a killed worker
 * and a browser restart, keyed by a hash of the visit's address (no patient data in keys), and
 * purged at shift end and after the rule set's retention limit.
 */
export const VISIT_PREFIX = 'visit:';

export interface VisitRecord {
  updatedAt: string;
  checks?: Record<string, boolean>;
  [extra: string]: unknown;
}

export async function visitStorageKey(visitKey: string): Promise<string> {
  return `${VISIT_PREFIX}${(await sha256Hex(visitKey)).slice(0, 32)}`;
}

export async function loadVisit(storageKey: string): Promise<VisitRecord | null> {
  const stored = await browser.storage.local.get(storageKey);
  return (stored[storageKey] as VisitRecord | undefined) ?? null;
}

export async function updateVisit(storageKey: string, patch: (record: VisitRecord) => VisitRecord): Promise<void> {
  const current = (await loadVisit(storageKey)) ?? { updatedAt: new Date().toISOString() };
  await browser.storage.local.set({ [storageKey]: { ...patch(current), updatedAt: new Date().toISOString() } });
}

/** Removes visit records older than `retentionHours` (all of them with 0, at shift end). */
export async function purgeVisits(retentionHours: number, now = new Date()): Promise<number> {
  const all = await browser.storage.local.get(null);
  const cutoff = now.getTime() - retentionHours * 3_600_000;
  const stale = Object.entries(all)
    .filter(([key]) => key.startsWith(VISIT_PREFIX))
    .filter(([, record]) => {
      const updated = Date.parse((record as VisitRecord | undefined)?.updatedAt ?? '');
      return retentionHours === 0 || Number.isNaN(updated) || updated < cutoff;
    })
    .map(([key]) => key);
  if (stale.length > 0) await browser.storage.local.remove(stale);
  return stale.length;
}
