import acceptReminder from './accept-reminder';
import bridgeStatus from './bridge-status';
import closeVisitGuard from './close-visit-guard';
import copyPatientId from './copy-patient-id';
import dateFilterRefresh from './date-filter-refresh';
import type { Feature } from './feature';
import firstLoginSettings from './first-login-settings';
import handoverGuard from './handover-guard';
import journalPanel from './journal-panel';
import noReplyTimer from './no-reply-timer';
import pageHealth from './page-health';
import patientSafetyBanner from './patient-safety-banner';
import queueDeadlines from './queue-deadlines';
import samePatientGuard from './same-patient-guard';
import shiftEnd from './shift-end';
import shiftGuard from './shift-guard';
import supportInfo from './support-info';
import ticketGuard from './ticket-guard';
import ticketReceiving from './ticket-receiving';
import visitRoutine from './visit-routine';

/** Every feature of the content script, in the order their UI appears in the panel. */
export const FEATURES: readonly Feature[] = [
  shiftGuard,
  samePatientGuard,
  patientSafetyBanner,
  copyPatientId,
  journalPanel,
  bridgeStatus,
  noReplyTimer,
  queueDeadlines,
  acceptReminder,
  closeVisitGuard,
  handoverGuard,
  ticketGuard,
  ticketReceiving,
  shiftEnd,
  firstLoginSettings,
  visitRoutine,
  dateFilterRefresh,
  pageHealth,
  supportInfo,
];
