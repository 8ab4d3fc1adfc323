import type { DemoChapter } from '../types';
import { bridge } from './bridge';
import { journal } from './journal';
import { noReply } from './no-reply';
import { patientIdentity } from './patient-identity';

/** The demo's chapters, in the order a clinician's shift meets them. */
export const CHAPTERS: readonly DemoChapter[] = [patientIdentity, journal, bridge, noReply];
