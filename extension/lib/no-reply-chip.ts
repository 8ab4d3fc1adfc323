// The no-reply chip's model (R-NR-1..R-NR-5): what the no-reply-timer feature sends to its card in
// the side panel (entrypoints/sidepanel/no-reply-card.tsx draws it), apart from its wiring. Every
// time and count in it comes from the rule set's timers. No UI library here: the content script
// imports this file (issue 14).
import type { NoReplySettings, NoReplyStatus } from '../../shared/no-reply';
import { durationText } from '../../shared/rules/phrases';
import { STATE_TEXT, timeLeftText } from './no-reply-timers';

export type Feedback = { ok: boolean; text: string; copy?: string } | null;

/** What the chip needs, from the page and the background's record of this visit. */
export interface ChipModel {
  status: NoReplyStatus;
  settings: NoReplySettings;
  priority: number | null;
  now: number;
  /** When the notice becomes due (awaiting-patient), else null. */
  noticeDueAt: string | null;
  untimed: number;
  /** Chat messages whose author was not recognised: counted as the patient's, and said. */
  unknownAuthors?: number;
  phoneLogged: boolean;
  /** Phone attempts the clinician logged since the patient last wrote (undoable), times. */
  undoable?: string[];
  /** A clinician message that may be the notice (edited wording), to mark as such; its time. */
  unsureNotice?: string | null;
}

/**
 * What the side panel draws (issue 14): the chip's model as plain JSON, with its line already
 * worded. No `now`: the model changes only when what is shown changes, so the feature's
 * one-second tick sends nothing while the line stays the same (e.g. "1 tim 05 min kvar").
 */
export type ChipView = Omit<ChipModel, 'now' | 'noticeDueAt'> & {
  /** chipText at the time of drawing. */
  line: string;
  feedback: Feedback;
  /** An action is on its way to the background ("Ringt patienten" is disabled meanwhile). */
  busy: boolean;
};

export function chipView(model: ChipModel, feedback: Feedback, busy: boolean): ChipView {
  const { now: _now, noticeDueAt: _dueAt, ...shown } = model;
  return { ...shown, line: chipText(model), feedback, busy };
}

/** "Infoga meddelandet om svarstid (två (2) timmar)": the window from the timers, never hard-coded. */
export function noticeLabel(settings: NoReplySettings): string {
  return `Infoga meddelandet om svarstid (${durationText(settings.replyWindowMinutes)})`;
}

/** The chip's one line: attempts, time left, phone. Exported for the unit test. */
export function chipText(model: ChipModel): string {
  const { status, settings, now } = model;
  const state =
    status.state === 'notice-suggested'
      ? `${STATE_TEXT[status.state]} (${durationText(settings.replyWindowMinutes)})`
      : STATE_TEXT[status.state];
  const parts = [state, `försök ${status.attempts} av ${settings.minAttempts}`];
  const left = timeLeftText(status.deadline, model.noticeDueAt, now);
  if (left) parts.push(left);
  if (status.phoneRequired) parts.push(model.phoneLogged ? 'telefon ✔' : 'telefon krävs');
  return parts.join(' · ');
}
