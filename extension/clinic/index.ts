/** The page adapter: the only code that knows the Clinic console's DOM. */

export { bannerFreeSpan, type FreeSpan, freeSpotNear } from './banner';
export { readCloseDialog } from './close-dialog';
export {
  type AsyncFollowUp,
  type ClosedVisitFollowUps,
  readClosedVisitFollowUps,
  type VisitNoteState,
} from './closed-visit';
export { type ComposerInsert, insertIntoComposer, locateField } from './composer';
export { type DateFilterView, readDateFilter } from './date-filter';
export {
  ambientQueryCache,
  COMPANION_HOST_ATTR,
  carryOver,
  elementsIn,
  type QueryCache,
  withQueryCache,
} from './dom-query';
export { type Field, known, unknown, unknownText } from './field';
export type { Guardian } from './guardians';
export {
  HANDED_OVER_LIST,
  type HandedOverByMeRow,
  type HandedOverRow,
  readHandedOver,
  readHandedOverByMe,
} from './handed-over';
export { type HandoverDialog, readHandoverDialog } from './handover-dialog';
export { FIELD_NAMES, type PageHealth, pageHealth } from './health';
export { observeClinic } from './observer';
export { revealOriginalAnswers } from './original-answers';
export type { PatientIdentity } from './patient-identity';
export { readPatientOnline } from './presence';
export { type QueueRow, type QueueRowPlace, waitingQueuePlaces } from './queue-rows';
export {
  readTicketVisit,
  readVidimering,
  type TicketVisit,
  type VidimeringState,
} from './receiving-unit';
export { registryFor, SELECTORS, type SelectorEntry, type SelectorRegistry } from './selectors';
export { readSettingsFacts } from './settings-facts';
export { END_SHIFT_BUTTON_NAME, watchShiftEnd } from './shift';
export { type LogoutChoice, readShiftFacts, type ShiftFacts, watchLogoutChoice } from './shift-facts';
export * from './snapshot';
export { readChatAppended } from './snapshot-chat-appended';
export { readTicketDialog } from './ticket-dialog';
export { ownedByMe, readVisitPeople, sameName, type VisitPeople } from './visit-people';
