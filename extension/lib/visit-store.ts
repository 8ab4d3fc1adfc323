import { sha256Hex } from '../../shared/web-crypto';
import { defineRecordSet, isObject } from './storage';

/**
 * Per-visit state (checklists, drafts, timers) in local storage so it survives a killed worker
 * and a browser restart, keyed by a hash of the visit's address (no patient data in keys), and
 * purged at shift end and after the rule set's retention limit.
 */
export const VISIT_PREFIX = 'visit:';
const VISIT_KEY = /^visit:[0-9a-f]{32}$/u;

export interface VisitRecord {
  updatedAt: string;
  checks?: Record<string, boolean>;
  /** Other features' per-visit data (the journal draft), each checked by its reader. */
  [extra: string]: unknown;
}

function isVisitRecord(raw: unknown): raw is VisitRecord {
  return isObject(raw) && typeof raw.updatedAt === 'string' && (raw.checks === undefined || isObject(raw.checks));
}

const visits = /* @__PURE__ */ defineRecordSet(
  'local',
  (key) => VISIT_KEY.test(key),
  (raw) => (isVisitRecord(raw) ? raw : null),
);

/** Every record of a visit (its own and its no-reply timer), as the retention sees them: by age. */
const visitData = /* @__PURE__ */ defineRecordSet(
  'local',
  (key) => key.startsWith(VISIT_PREFIX),
  (raw) => (isObject(raw) && typeof raw.updatedAt === 'string' ? raw.updatedAt : null),
);

export async function visitStorageKey(visitKey: string): Promise<string> {
  return `${VISIT_PREFIX}${(await sha256Hex(visitKey)).slice(0, 32)}`;
}

export function loadVisit(storageKey: string): Promise<VisitRecord | null> {
  return visits.get(storageKey);
}

export async function updateVisit(storageKey: string, patch: (record: VisitRecord) => VisitRecord): Promise<void> {
  const current = (await loadVisit(storageKey)) ?? { updatedAt: new Date().toISOString() };
  await visits.set(storageKey, { ...patch(current), updatedAt: new Date().toISOString() });
}

/** Removes visit records older than `retentionHours` (all of them with 0, at shift end). */
export async function purgeVisits(retentionHours: number, now = new Date()): Promise<number> {
  const cutoff = now.getTime() - retentionHours * 3_600_000;
  const stale = (await visitData.all())
    .filter(([, updatedAt]) => {
      const updated = Date.parse(updatedAt ?? '');
      return retentionHours === 0 || Number.isNaN(updated) || updated < cutoff;
    })
    .map(([key]) => key);
  await visitData.remove(stale);
  return stale.length;
}
