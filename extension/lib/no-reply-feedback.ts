import type { RuleSet } from '../../shared/rules';
import { stockholmTimeText } from '../../shared/stockholm-time';
import { errorWords } from './error-words';
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

const DONE: Record<Exclude<NoReplyPress, 'phone-attempt'>, string> = {
  'insert-notice': 'Meddelandet ligger i chattrutan – läs igenom och skicka det själv.',
  'undo-phone-attempt': 'Telefonförsöket är borttaget.',
  'mark-notice': 'Meddelandet räknas som meddelandet om svarstid (R-NR-1).',
  'close-no-reply': 'Journalpanelen är öppen: anteckning om uteblivet svar (R-NR-4).',
};

const FAILED: Record<Exclude<NoReplyPress, 'insert-notice' | 'close-no-reply'>, string> = {
  'phone-attempt': 'Telefonförsöket kunde inte registreras – försök igen.',
  'undo-phone-attempt': 'Telefonförsöket kunde inte tas bort.',
  'mark-notice': 'Meddelandet kunde inte markeras – försök igen.',
};

/** The card's feedback line for an outcome; the no-reply note to copy comes from the rule set. */
export function feedbackOf(outcome: NoReplyOutcome | null, phrases: RuleSet['phrases']): Feedback {
  if (!outcome) return null;
  if ('done' in outcome) {
    const text =
      outcome.done === 'phone-attempt'
        ? `Telefonförsök registrerat kl. ${stockholmTimeText(new Date(outcome.at))} (R-NR-3).`
        : DONE[outcome.done];
    return { ok: true, text };
  }
  if (outcome.failed === 'insert-notice') {
    const text =
      outcome.composer === 'disabled'
        ? 'Chattrutan är låst (besöket pågår inte). Texten:'
        : 'Hittade inte chattrutan. Kopiera texten och klistra in den:';
    return { ok: false, text, copy: outcome.copy };
  }
  if (outcome.failed === 'close-no-reply') {
    const text = `${errorWords('side-panel-mode-failed')} Anteckningen (R-NR-4):`;
    return { ok: false, text, copy: phrases.noReplyNote };
  }
  return { ok: false, text: FAILED[outcome.failed] };
}
