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
}
