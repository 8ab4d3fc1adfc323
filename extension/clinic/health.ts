import type { ClinicField } from '../../shared/selector-strategy';
import type { ClinicSnapshot, FieldHealth } from './snapshot';

/** What a clinician calls each field the adapter reads (never a value from the page). */
export const FIELD_NAMES: Record<ClinicField, string> = {
  visitView: 'besöksvyn',
  patientHeader: 'patientens sidhuvud',
  patientName: 'patientens namn',
  patientId: 'personnummer',
  protectionMarker: 'skyddsmarkering',
  priority: 'prioritet',
  anamnesis: 'anamnes',
  originalAnswers: 'originalsvar',
  uploads: 'uppladdningar',
  guardians: 'vårdnadshavare',
  chatLog: 'chatten',
  chatComposer: 'chattens skrivruta',
  visitState: 'besöksstatus',
  visitStartedAt: 'besökets starttid',
  queueTable: 'kön',
  globalFilter: 'globalt filter',
  shiftState: 'skift',
  clinicianIdentity: 'din roll och vårdenhet',
  pageBanner: 'sidans toppfält',
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
