import type { RuleSet } from '../../shared/rules';
import { stockholmTimeText } from '../../shared/stockholm-time';
import { errorWords } from './error-words';
import { type MessageKey, t } from './i18n';
import type { NoReplyAction } from './messages';
import type { Feedback } from './no-reply-chip';

/** A button of the no-reply card whose press the tab carries out (features/no-reply-timer.tsx). */
export type NoReplyPress = NoReplyAction | 'insert-notice' | 'close-no-reply';

/**
 * The last press's outcome as the tab saw it, plain JSON; the side panel words it (feedbackOf):
 * the page acts, the side panel speaks (issue 14). `at`: when "Ringt patienten" was pressed;
 * `copy`: the notice the tab could not put into the chat box.
 */
export type NoReplyOutcome =
  | { done: Exclude<NoReplyPress, 'phone-attempt'> }
  | { done: 'phone-attempt'; at: string }
  | { failed: Exclude<NoReplyPress, 'insert-notice'> }
  | { failed: 'insert-notice'; composer: 'disabled' | 'missing'; copy: string };

const DONE: Record<Exclude<NoReplyPress, 'phone-attempt'>, MessageKey> = {
  'insert-notice': 'noReply_inserted',
  'undo-phone-attempt': 'noReply_phoneUndone',
  'mark-notice': 'noReply_marked',
  'close-no-reply': 'noReply_journalOpen',
};

const FAILED: Record<Exclude<NoReplyPress, 'insert-notice' | 'close-no-reply'>, MessageKey> = {
  'phone-attempt': 'noReply_phoneFailed',
  'undo-phone-attempt': 'noReply_undoFailed',
  'mark-notice': 'noReply_markFailed',
};

/** The card's feedback line for an outcome; the no-reply note to copy comes from the rule set. */
export function feedbackOf(outcome: NoReplyOutcome | null, phrases: RuleSet['phrases']): Feedback {
  if (!outcome) return null;
  if ('done' in outcome) {
    const text =
      outcome.done === 'phone-attempt'
        ? t('noReply_phoneLoggedRule', stockholmTimeText(new Date(outcome.at)))
        : t(DONE[outcome.done]);
    return { ok: true, text };
  }
  if (outcome.failed === 'insert-notice') {
    const text = t(outcome.composer === 'disabled' ? 'noReply_composerLocked' : 'noReply_composerMissing');
    return { ok: false, text, copy: outcome.copy };
  }
  if (outcome.failed === 'close-no-reply') {
    const text = t('noReply_noteToCopy', errorWords('side-panel-mode-failed'));
    return { ok: false, text, copy: phrases.noReplyNote };
  }
  return { ok: false, text: t(FAILED[outcome.failed]) };
}
