import copyPatientId from './copy-patient-id';
import type { Feature } from './feature';
import journalPanel from './journal-panel';
import patientSafetyBanner from './patient-safety-banner';
import samePatientGuard from './same-patient-guard';

/** Every feature of the content script, in the order their UI appears in the panel. */
export const FEATURES: readonly Feature[] = [samePatientGuard, patientSafetyBanner, copyPatientId, journalPanel];
