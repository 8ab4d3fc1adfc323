// The no-reply chip's model (R-NR-1..R-NR-5) as its card in the side panel draws it
// (entrypoints/sidepanel/no-reply-card.tsx), worded in the side panel from the page's facts and the
// visit's record (views/no-reply-timer.tsx). Every time and count in it comes from the rule set's
// timers. The content script imports nothing from here (issue 14).
import type { NoReplyReason, NoReplySettings, NoReplyStatus } from '../../shared/no-reply';
import { t } from './i18n';
import { durationWords, STATE_TEXT, timeLeftText } from './no-reply-timers';

export type Feedback = { ok: boolean; text: string; copy?: string } | null;

/** What the chip needs, from the page and the background's record of this visit. */
export interface ChipModel {
  status: NoReplyStatus;
  /** The status's reasons by ID (shared/no-reply's reading), to word them; without them the card
   * shows the status's Swedish reasons. */
  notes?: NoReplyReason[];
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
 * What the card draws: the chip's model as plain JSON, with its line already worded. No `now`:
 * it changes only when what is shown changes, though the side panel's clock ticks every second
 * (the line stays the same within "1 tim 05 min kvar").
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
  return t('noReply_insertNotice', durationWords(settings.replyWindowMinutes));
}

/** The chip's one line: attempts, time left, phone. Exported for the unit test. */
export function chipText(model: ChipModel): string {
  const { status, settings, now } = model;
  const state =
    status.state === 'notice-suggested'
      ? t('noReply_chipNoticeDue', durationWords(settings.replyWindowMinutes))
      : STATE_TEXT[status.state];
  const parts = [state, t('noReply_chipAttempts', status.attempts, settings.minAttempts)];
  const left = timeLeftText(status.deadline, model.noticeDueAt, now);
  if (left) parts.push(left);
  if (status.phoneRequired) parts.push(t(model.phoneLogged ? 'noReply_chipPhoneDone' : 'noReply_chipPhoneNeeded'));
  return parts.join(' · ');
}
