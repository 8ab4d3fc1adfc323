/** Messages between the background and the content scripts. */
export interface CopyPatientIdCommand {
  type: 'copy-patient-id';
}

export function isCopyPatientIdCommand(message: unknown): message is CopyPatientIdCommand {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'copy-patient-id';
}

/**
 * "Exportera PDF" (bridge issue): the journal panel asks the background, which owns the bridge
 * client, to export. The request is the bridge protocol's JournalPdfRequest (shared/bridge-protocol).
 */
export interface BridgeExportPdfMessage {
  type: 'bridge-export-pdf';
  request: import('../../shared/bridge-protocol').JournalPdfRequest;
}
/** The answer: the saved file's name (no personnummer, no name in it) or a Swedish reason. */
export type BridgeExportPdfReply = { ok: true; fileName: string } | { ok: false; error: string };

/**
 * What the clinician's status indicator shows, kept in session storage by the background's
 * bridge client ('bridgeStatus'), so pages see it even while the worker sleeps.
 */
export const BRIDGE_STATUS_KEY = 'bridgeStatus';
export interface BridgeStatus {
  /** not-paired: no token; unreachable: nothing answers; untrusted: the proof failed (a squatter?). */
  bridge: 'not-paired' | 'unreachable' | 'untrusted' | 'ok';
  card: import('../../shared/bridge-protocol').CardStatus | null;
  checkedAt: string;
  /** Where the token came from (native host, IT's policy or the options page), when there is one. */
  source?: 'native' | 'policy' | 'pairing';
  /** Why, as a code (never a value): rejected = 401, refused = 403, locked-out = 429. */
  detail?: 'proof-failed' | 'rejected' | 'refused' | 'burnt' | 'locked-out' | 'timeout' | 'no-answer';
}

/** Content scripts and pages ask the background to re-check the bridge now (wakes the worker). */
export interface BridgeRefreshMessage {
  type: 'bridge-refresh';
}
/**
 * Options page → background: check a token and port with a fresh health challenge; `save` stores
 * the pairing when (and only when) the proof holds. `token` absent = test the pairing in force.
 */
export interface BridgePairMessage {
  type: 'bridge-pair';
  token?: string;
  port?: number;
  save: boolean;
}
export type BridgePairReply = { ok: true; version: string; port: number } | { ok: false; error: string };
/** Options page → background: forget the local pairing. */
export interface BridgeUnpairMessage {
  type: 'bridge-unpair';
}
export function isBridgeMessage(
  message: unknown,
): message is BridgeExportPdfMessage | BridgeRefreshMessage | BridgePairMessage | BridgeUnpairMessage {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return (
    type === 'bridge-export-pdf' || type === 'bridge-refresh' || type === 'bridge-pair' || type === 'bridge-unpair'
  );
}

/**
 * Journal panel (issue 3): the content script publishes its tab's visit facts to the background,
 * which keeps them per tab in session storage for the side panel (extension/background/visit-facts.ts).
 */
export interface JournalFactsMessage {
  type: 'journal-facts';
  facts: import('./journal-facts').JournalVisitFacts | null;
}
/**
 * The "Journalanteckning" button: the background opens the side panel for the sender's tab.
 * `mode: 'no-reply'` ("Stäng med anteckning om uteblivet svar", R-NR-4): the panel opens on the
 * short no-reply note (handed over in session storage, JOURNAL_PANEL_MODE_PREFIX).
 */
export interface JournalOpenPanelMessage {
  type: 'journal-open-panel';
  mode?: 'no-reply';
}
/** Session key (per tab) of a pending panel mode: `{ mode, at }`, consumed by the side panel. */
export const JOURNAL_PANEL_MODE_PREFIX = 'journalPanelMode:';
export type JournalOpenPanelReply = { ok: true } | { ok: false; error: string };

export function isJournalFactsMessage(message: unknown): message is JournalFactsMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'journal-facts';
}
export function isJournalOpenPanelMessage(message: unknown): message is JournalOpenPanelMessage {
  return (
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'journal-open-panel'
  );
}
/** The side panel asks a tab's content script to publish its facts again (none stored for it). */
export interface JournalFactsRequest {
  type: 'journal-facts-request';
}
export function isJournalFactsRequest(message: unknown): message is JournalFactsRequest {
  return (
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'journal-facts-request'
  );
}

/**
 * No-reply timer (issue 4): the content script reports a visit's chat events and priority; the
 * background keeps the timer (extension/background/no-reply-timers.ts). `visitKey` is the visit's
 * address (pathname), `visitUrl` the full address to bring it back; neither holds patient data.
 */
export interface NoReplySyncMessage {
  type: 'no-reply-sync';
  visitKey: string;
  visitUrl: string;
  priority: number | null;
  events: import('../../shared/no-reply').NoReplyEvent[];
  closed: boolean;
}
/** "Ringt patienten" (R-NR-3): the background logs a phone attempt at its own clock. */
export interface NoReplyPhoneAttemptMessage {
  type: 'no-reply-phone-attempt';
  visitKey: string;
  visitUrl: string;
}
/** Overview (popup): bring the visit of a timer to the front. */
export interface NoReplyFocusMessage {
  type: 'no-reply-focus';
  id: string;
}
export function isNoReplyMessage(
  message: unknown,
): message is NoReplySyncMessage | NoReplyPhoneAttemptMessage | NoReplyFocusMessage {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return type === 'no-reply-sync' || type === 'no-reply-phone-attempt' || type === 'no-reply-focus';
}

/**
 * Queue deadlines (issue 4, R-Q-1): a Drop in tab reports the cases of *Väntar i kö* that passed
 * the red threshold, while the clinician is on shift; the background notifies once per case.
 */
export interface QueueOverdueMessage {
  type: 'queue-overdue';
  cases: { visitKey: string; priority: number | null; waitedMinutes: number }[];
}
/** The shift ended (R-S-2): the once-per-case memory belongs to one shift and is reset. */
export interface QueueShiftEndedMessage {
  type: 'queue-shift-ended';
}
export function isQueueMessage(message: unknown): message is QueueOverdueMessage | QueueShiftEndedMessage {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return type === 'queue-overdue' || type === 'queue-shift-ended';
}

/** The clinician chose "Avsluta skift" (R-S-2): the background purges per-visit data. */
export const SHIFT_ENDED = 'shift-ended';

/** A content script asks the background for the session's identity key (cosmic-patient.ts). */
export const COSMIC_KEY_REQUEST = 'cosmic-key';

/**
 * Session storage is trusted-only (extension pages and the worker): it holds every tab's journal
 * facts (name, personnummer, anamnesis). Content scripts reach only these keys, through the
 * background (extension/background/session-bridge.ts); extension pages read storage directly.
 */
export const SHARED_SESSION_KEYS = ['cosmicPatient', 'cosmicKey', 'bridgeStatus'] as const;
export type SharedSessionKey = (typeof SHARED_SESSION_KEYS)[number];
export function isSharedSessionKey(key: unknown): key is SharedSessionKey {
  return (SHARED_SESSION_KEYS as readonly unknown[]).includes(key);
}
/** Content script → background: one allow-listed session value (null when unset). */
export interface SessionReadMessage {
  type: 'session-read';
  key: SharedSessionKey;
}
/** Content script → background: the patient just copied for Cosmic (R-ID-2), checked there. */
export interface CosmicPatientSaveMessage {
  type: 'cosmic-patient-save';
  patient: import('./cosmic-patient').CosmicPatient;
}
/** Background → every tab: an allow-listed session value changed (null: removed). */
export interface SessionChangedMessage {
  type: 'session-changed';
  key: SharedSessionKey;
  value: unknown;
}
export function isSessionChangedMessage(message: unknown): message is SessionChangedMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'session-changed' &&
    isSharedSessionKey((message as { key?: unknown }).key)
  );
}
