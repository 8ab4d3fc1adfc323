import type { ClinicField } from '../../shared/selector-strategy';
import { t } from '../lib/i18n';
import type { ClinicSnapshot, FieldHealth } from './snapshot';

/**
 * What a clinician calls each field the adapter reads (never a value from the page), in the
 * browser's language: read once at load (getMessage is synchronous).
 */
export const FIELD_NAMES: Record<ClinicField, string> = {
  visitView: t('adapter_fView'),
  patientHeader: t('adapter_fHeader'),
  patientName: t('adapter_fName'),
  patientId: t('adapter_fId'),
  protectionMarker: t('adapter_fMarker'),
  priority: t('adapter_fPrio'),
  anamnesis: t('adapter_fAnam'),
  originalAnswers: t('adapter_fOrig'),
  uploads: t('adapter_fUploads'),
  guardians: t('adapter_fGuard'),
  chatLog: t('adapter_fChat'),
  chatComposer: t('adapter_fCompose'),
  visitState: t('adapter_fState'),
  visitStartedAt: t('adapter_fStart'),
  queueTable: t('adapter_fQueue'),
  globalFilter: t('adapter_fFilter'),
  shiftState: t('adapter_fShift'),
  clinicianIdentity: t('adapter_fMe'),
  pageBanner: t('adapter_fBanner'),
};

/** The fields each kind of page must show for the features to work. */
const EXPECTED: Record<ClinicSnapshot['route'], ClinicField[]> = {
  visit: [
    'patientHeader',
    'patientName',
    'patientId',
    'priority',
    'chatLog',
    'visitState',
    'clinicianIdentity',
    'shiftState',
  ],
  'drop-in': ['queueTable', 'clinicianIdentity', 'shiftState'],
  other: [],
};

export interface PageHealth {
  status: 'ok' | 'degraded';
  /** Fields not read, with why: names only, never patient data. */
  degraded: { field: ClinicField; name: string; health: Exclude<FieldHealth, 'found'> }[];
}

/** How well the page was read, from the snapshot's per-field health. */
export function pageHealth(snapshot: ClinicSnapshot): PageHealth {
  const degraded = EXPECTED[snapshot.route]
    .map((field) => ({ field, name: FIELD_NAMES[field], health: snapshot.health[field] ?? 'missing' }))
    .filter((f): f is PageHealth['degraded'][number] => f.health !== 'found');
  if (snapshot.route === 'drop-in' && !snapshot.queue.known && !degraded.some((d) => d.field === 'queueTable'))
    degraded.push({ field: 'queueTable', name: FIELD_NAMES.queueTable, health: 'missing' });
  return { status: degraded.length === 0 ? 'ok' : 'degraded', degraded };
}
