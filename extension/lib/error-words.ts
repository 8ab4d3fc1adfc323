/**
 * What the background answers when it could not do something, as codes, and the one table that
 * turns a code into the clinician's words (it becomes the `_locales` entries of the UI issue).
 * The worker never words a failure itself: one condition, one sentence, wherever it is shown.
 */
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
