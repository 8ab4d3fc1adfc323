import type { BridgeErrorCode } from '../../shared/bridge-protocol';

/**
 * What the background answers when it could not do something, as codes, and the one table that
 * turns a code into the clinician's words (it becomes the `_locales` entries of the UI issue).
 * The worker never words a failure itself: one condition, one sentence, wherever it is shown.
 * Two sections, so a content script that shows only the first never carries the bridge's words.
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

const WORDS: Record<ErrorCode, string> = {
  refused: 'Tillägget tog inte emot begäran från den här sidan.',
  'nothing-to-change': 'Det fanns inget att ändra.',
  failed: 'Något gick fel i tillägget.',
  'side-panel-failed': 'Sidopanelen kunde inte öppnas.',
  'side-panel-unsupported': 'Sidopanelen kunde inte öppnas i den här webbläsaren.',
  'side-panel-mode-failed': 'Journalpanelen kunde inte ställas om till anteckning om uteblivet svar.',
};

export function errorWords(code: ErrorCode): string {
  return WORDS[code];
}

/** No bridge for this user: the indicator's detail and the export's and the pairing's refusal. */
export const NOT_PAIRED =
  'Ingen brygga hittades för den här användaren. Kontrollera att bryggan är installerad, eller klistra in bryggans nyckel under Inställningar.';

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

const UPDATE_BOTH = 'Bryggan förstod inte begäran. Uppdatera tillägget och bryggan och försök igen.';
const UPDATE_BRIDGE = 'Bryggan känner inte igen begäran. Uppdatera bryggan och försök igen.';
const SAVE_FAILED = 'Bryggan kunde inte spara PDF-filen. Kontrollera exportmappen och försök igen.';
const UNTRUSTED =
  'Okänd brygga: programmet på bryggans port kunde inte visa att det har bryggans nyckel, så inget skickades.';

type Detail = Omit<BridgeFailure, 'ok' | 'code'>;
// Built on call, not at load: a content script that never words a bridge failure carries none of it.
const bridgeWords = (): Record<BridgeFailureCode, string | ((d: Detail) => string)> => ({
  'no-answer': 'Bryggan svarar inte – PDF kunde inte skapas. Kontrollera att Clinic Companion-bryggan är igång.',
  'export-failed': 'Exporten misslyckades oväntat. Försök igen.',
  'export-invalid': (d) =>
    `Journalanteckningen kan inte exporteras: uppgifter saknas eller är fel (${d.fields ?? 'okänt fält'}).`,
  'bridge-not-paired': NOT_PAIRED,
  'bridge-unreachable': 'Bryggan saknas: den svarar inte på den här datorn. Kontrollera att bryggan är startad.',
  'bridge-untrusted-pairing': `${UNTRUSTED} Kontrollera parkopplingen under Inställningar.`,
  'bridge-untrusted-it': `${UNTRUSTED} Kontakta IT.`,
  'card-required':
    'Inget SITHS-kort isatt. Sätt i kortet så att journalanteckningen får ditt namn och HSA-id, och försök igen.',
  'bridge-timeout': 'Bryggan svarade inte i tid. PDF-filen kan saknas – försök igen.',
  'bridge-silent': 'Bryggan svarar inte. Kontrollera att bryggan är startad och försök igen.',
  'bridge-http': (d) => `Exporten misslyckades (svar ${d.status ?? 'okänt'} från bryggan).`,
  bad_request: UPDATE_BOTH,
  invalid_json: UPDATE_BOTH,
  validation_failed: (d) => `Bryggan godtog inte journalanteckningen${d.fields ? ` (fält: ${d.fields})` : ''}.`,
  invalid_file_name: 'Filnamnet godtogs inte (inget personnummer, inga namn, inga mappar). Välj ett annat namn.',
  unauthorized: 'Bryggan godtar inte nyckeln. Kontrollera parkopplingen under Inställningar.',
  too_many_attempts:
    'Bryggan tar inte emot fler felaktiga nycklar just nu. Kontrollera parkopplingen under Inställningar.',
  too_many_streams:
    'Bryggan har för många öppna anslutningar. Stäng andra fönster med Clinic Companion och försök igen.',
  not_found: UPDATE_BRIDGE,
  method_not_allowed: UPDATE_BRIDGE,
  unsupported_media_type: UPDATE_BOTH,
  payload_too_large: 'Journalanteckningen är för stor för att exporteras.',
  export_failed: SAVE_FAILED,
  export_folder_refused:
    'Bryggan använder inte exportmappen: den tillhör en annan användare eller kan inte skyddas. Kontakta IT.',
  internal_error: SAVE_FAILED,
  'no-token': 'Ingen nyckel: klistra in nyckeln som bryggan skrev ut.',
  'pairing-by-policy': 'IT har redan parkopplat bryggan med en policy; den kan inte ändras här.',
  'invalid-token':
    'Det är ingen giltig nyckel: minst 22 tecken (A–Z, a–z, 0–9, - och _), precis som bryggan skrev ut den.',
  'invalid-port': 'Porten ska vara ett tal mellan 1024 och 65535.',
  'bridge-refuses-extension': (d) =>
    `Bryggan på port ${d.port} tar inte emot det här tillägget. Be IT kontrollera bryggans inställning för tilläggs-ID.`,
  'bridge-proof-failed': (d) =>
    `Programmet på port ${d.port} kunde inte visa att det har den här nyckeln. Kontrollera att hela nyckeln kom med och att porten stämmer. Nyckeln skickades inte dit.`,
  'no-bridge-on-port': (d) =>
    `Ingen brygga svarar på port ${d.port}. Kontrollera att bryggan är startad och att porten stämmer.`,
});

export function bridgeErrorWords({ code, ...detail }: Omit<BridgeFailure, 'ok'>): string {
  const words = bridgeWords()[code];
  return typeof words === 'string' ? words : words(detail);
}
