import type { DemoChapter } from '../types';
import { patientIdentity } from './patient-identity';

/** The demo's chapters, in the order a clinician's shift meets them. */
export const CHAPTERS: readonly DemoChapter[] = [patientIdentity];
