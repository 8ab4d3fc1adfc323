import type { BridgeErrorCode } from '../../shared/bridge-protocol';
import { type MessageKey, t } from './i18n';

/**
 * What the background answers when it could not do something, as codes, and the one table that
 * turns a code into the clinician's words (`_locales`, issue 14: error_* and bridge_* keys).
 * The worker never words a failure itself: one condition, one sentence, wherever it is shown.
 */

/** The extension's own requests (side panel, no-reply timer, queue, Cosmic chip). */
export type ErrorCode =
  /** The sender may not ask this (not a console tab, or another origin's visit). */
  | 'refused'
  /** Nothing to undo or mark (no logged phone attempt, no chat message at that time). */
  | 'nothing-to-change'
  /** The background failed unexpectedly (it logged why, without patient data). */
  | 'failed'
  | 'side-panel-failed'
  | 'side-panel-unsupported'
  | 'side-panel-mode-failed';

const WORDS: Record<ErrorCode, MessageKey> = {
  refused: 'error_refused',
  'nothing-to-change': 'error_nothingToChange',
  failed: 'error_failed',
  'side-panel-failed': 'error_sidePanel',
  'side-panel-unsupported': 'error_sidePanelUnsupported',
  'side-panel-mode-failed': 'error_sidePanelMode',
};

export function errorWords(code: ErrorCode): string {
  return t(WORDS[code]);
}

/** No bridge for this user: the indicator's detail and the export's and the pairing's refusal. */
export const notPairedWords = (): string => t('bridge_notPaired');

// ---------------------------------------------------------------------------------------------
// The bridge: exporting the note as a PDF (side panel) and pairing (options page)

export type BridgeFailureCode =
  /** The background did not answer at all (the page words it; no worker code). */
  | 'no-answer'
  | 'export-failed'
  /** The note misses or has wrong fields (`fields`: their paths, never their values). */
  | 'export-invalid'
  | 'bridge-not-paired'
  | 'bridge-unreachable'
  /** The program on the bridge's port did not prove it holds the token (pasted or IT's). */
  | 'bridge-untrusted-pairing'
  | 'bridge-untrusted-it'
  | 'card-required'
  | 'bridge-timeout'
  | 'bridge-silent'
  /** An HTTP answer without the bridge's error body (`status`). */
  | 'bridge-http'
  /** The bridge's own refusal, by its code (`fields` for validation_failed). */
  | BridgeErrorCode
  | 'no-token'
  | 'pairing-by-policy'
  | 'invalid-token'
  | 'invalid-port'
  /** Pairing on `port`: the bridge refuses this extension's ID / the proof failed / nothing answers. */
  | 'bridge-refuses-extension'
  | 'bridge-proof-failed'
  | 'no-bridge-on-port';

export interface BridgeFailure {
  ok: false;
  code: BridgeFailureCode;
  fields?: string;
  port?: number;
  status?: number;
}

type Detail = Omit<BridgeFailure, 'ok' | 'code'>;
/** A code's message key, or the words from its detail (field paths, port, HTTP status). */
const BRIDGE_WORDS: Record<BridgeFailureCode, MessageKey | ((d: Detail) => string)> = {
  'no-answer': 'bridge_noAnswer',
  'export-failed': 'bridge_exportFailed',
  'export-invalid': (d) => (d.fields ? t('bridge_exportInvalid', d.fields) : t('bridge_exportInvalidField')),
  'bridge-not-paired': 'bridge_notPaired',
  'bridge-unreachable': 'bridge_unreachable',
  'bridge-untrusted-pairing': 'bridge_untrustedPairing',
  'bridge-untrusted-it': 'bridge_untrustedIt',
  'card-required': 'bridge_cardRequired',
  'bridge-timeout': 'bridge_timeout',
  'bridge-silent': 'bridge_silent',
  'bridge-http': (d) => (d.status === undefined ? t('bridge_httpUnknown') : t('bridge_http', d.status)),
  bad_request: 'bridge_updateBoth',
  invalid_json: 'bridge_updateBoth',
  validation_failed: (d) => (d.fields ? t('bridge_notAcceptedFields', d.fields) : t('bridge_notAccepted')),
  invalid_file_name: 'bridge_badFileName',
  unauthorized: 'bridge_unauthorized',
  too_many_attempts: 'bridge_tooManyAttempts',
  too_many_streams: 'bridge_tooManyStreams',
  not_found: 'bridge_updateBridge',
  method_not_allowed: 'bridge_updateBridge',
  unsupported_media_type: 'bridge_updateBoth',
  payload_too_large: 'bridge_tooLarge',
  export_failed: 'bridge_saveFailed',
  export_folder_refused: 'bridge_folderRefused',
  internal_error: 'bridge_saveFailed',
  'no-token': 'bridge_noToken',
  'pairing-by-policy': 'bridge_byPolicy',
  'invalid-token': 'bridge_invalidToken',
  'invalid-port': 'bridge_invalidPort',
  'bridge-refuses-extension': (d) => t('bridge_refusesExtension', String(d.port)),
  'bridge-proof-failed': (d) => t('bridge_proofFailed', String(d.port)),
  'no-bridge-on-port': (d) => t('bridge_noBridgeOnPort', String(d.port)),
};

export function bridgeErrorWords({ code, ...detail }: Omit<BridgeFailure, 'ok'>): string {
  const words = BRIDGE_WORDS[code];
  return typeof words === 'string' ? t(words) : words(detail);
}
