import type { NoReplyReason } from '../../shared/no-reply';
import { plural, t } from './i18n';
import { durationWords } from './no-reply-timers';

/**
 * The no-reply status's reasons (R-NR-1..5) in the browser's language: shared/no-reply.ts decides
 * which apply (and says them in Swedish); the extension words them by ID. The Swedish messages
 * are shared/'s words exactly (no-reply-words.test.ts keeps them in step), each led by its rule
 * ID ("R-NR-2: …") as shared/'s are, so the card splits the rule off the same way.
 */
export function reasonWords(reason: NoReplyReason): string {
  switch (reason.id) {
    case 'ignored-events':
      return plural(reason.count, 'nrWhy_ignored_one', 'nrWhy_ignored_other');
    case 'closed':
      return t('nrWhy_closed');
    case 'idle':
      return t('nrWhy_idle');
    case 'awaiting-patient':
      return t('nrWhy_awaiting', durationWords(reason.noticeAfterMinutes));
    case 'notice-suggested':
      return t('nrWhy_noticeDue', durationWords(reason.noticeAfterMinutes), durationWords(reason.replyWindowMinutes));
    case 'notice-sent':
      return t('nrWhy_noticeSent', durationWords(reason.replyWindowMinutes));
    case 'window-passed':
      return t('nrWhy_windowPassed', durationWords(reason.replyWindowMinutes));
    case 'attempts-missing':
      return t('nrWhy_attempts', reason.attempts, reason.minAttempts);
    case 'call-required':
      return reason.priority === null ? t('nrWhy_callUnknownPriority') : t('nrWhy_call', reason.priority);
    case 'call-attempted':
      return t('nrWhy_called');
    case 'no-sms':
      return t('nrWhy_noSms');
    case 'close-now':
      return t('nrWhy_closeNow');
  }
}

/**
 * The reasons to show: worded from their IDs, or, for a status that came without them (a model
 * built from a status alone, as an earlier version passed it), shared/'s Swedish as it is.
 */
export function reasonTexts(status: { reasons: readonly string[] }, notes?: readonly NoReplyReason[]): string[] {
  return notes ? notes.map(reasonWords) : [...status.reasons];
}
