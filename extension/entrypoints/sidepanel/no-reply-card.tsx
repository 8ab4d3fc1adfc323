// The no-reply chip's card in the side panel (R-NR-1..R-NR-5), drawn from the chip's model
// (lib/no-reply-chip.ts) as views/no-reply-timer.tsx words it. Here, not in lib/: the content
// script never imports the side panel, so no UI library reaches the console page (issue 14).
import { stockholmTimeText } from '../../../shared/stockholm-time';
import { copyText } from '../../lib/clipboard';
import { plural, t } from '../../lib/i18n';
import { type ChipView, noticeLabel } from '../../lib/no-reply-chip';
import { durationWords, STATE_TEXT } from '../../lib/no-reply-timers';
import { reasonTexts } from '../../lib/no-reply-words';
import { RuleRef, RuleText, splitRuleIds } from '../../lib/rule-ref';

export interface ChipActions {
  onInsert(): void;
  onPhone(): void;
  onUndoPhone(): void;
  onMarkNotice(at: string): void;
  onClose(): void;
}

const timeOf = (iso: string) => stockholmTimeText(new Date(iso));

/** The status's reasons ("R-NR-2: …") as sentences, their rules behind one toggle. */
function Reasons({ reasons }: { reasons: string[] }) {
  const split = reasons.map(splitRuleIds);
  return <RuleText text={split.map((r) => r.text).join('. ')} ids={split.flatMap((r) => r.ids)} />;
}

export function Chip({ model, actions }: { model: ChipView; actions: ChipActions }) {
  const { status, settings, feedback, busy } = model;
  const tone =
    status.state === 'ready-to-close' ? 'match' : status.state === 'awaiting-patient' ? '' : ('warning' as const);
  const waitingForNotice = status.state === 'awaiting-patient' || status.state === 'notice-suggested';
  const prio = model.priority === null ? t('noReply_priorityUnknown') : t('noReply_priority', model.priority);
  const undoable = model.undoable ?? [];
  // In the browser's language; each leads with its rule ID (shared/no-reply.ts decides which apply).
  const reasons = reasonTexts(status, model.notes);
  // R-NR-5 is worded once, in the status's reasons.
  const smsReason = reasons.find((r) => r.startsWith('R-NR-5'));
  const lastLogged = undoable[undoable.length - 1];
  return (
    <section class="card no-reply" aria-label={t('noReply_cardLabel')}>
      <h2>{t('noReply_heading')}</h2>
      <span class={`chip ${tone}`} role="timer" aria-live="off" data-state={status.state}>
        {model.line}
      </span>
      <ul class="facts">
        <li>
          {t('noReply_chatAttempts', status.attempts, settings.minAttempts)} <RuleRef ids={['R-NR-2']} />
        </li>
        {status.phoneRequired && (
          <li>
            {t(model.phoneLogged ? 'noReply_phoneCalled' : 'noReply_phoneNotCalled', prio)} <RuleRef ids={['R-NR-3']} />
          </li>
        )}
        {lastLogged && (
          <li class="logged-phone">
            {t('noReply_phoneLogged', timeOf(lastLogged))}{' '}
            <button type="button" class="secondary" data-action="undo-phone-attempt" onClick={actions.onUndoPhone}>
              {t('noReply_undo')}
            </button>
          </li>
        )}
      </ul>
      {status.state === 'notice-suggested' && (
        <p class="alert warning" role="alert">
          <strong>{t('noReply_notAnswered')}</strong>
          {t('noReply_sendNotice', durationWords(settings.replyWindowMinutes))} <RuleRef ids={['R-NR-1']} />
        </p>
      )}
      {waitingForNotice && model.unsureNotice && (
        <p class="alert info unsure-notice">
          {t('noReply_unsureNotice', timeOf(model.unsureNotice))}{' '}
          <button
            type="button"
            class="secondary"
            data-action="mark-notice"
            onClick={() => actions.onMarkNotice(model.unsureNotice!)}
          >
            {t('noReply_markNotice')}
          </button>
        </p>
      )}
      {status.state === 'deadline-passed' && (
        <p class="alert warning">
          <strong>{STATE_TEXT['deadline-passed']}</strong>
          <Reasons reasons={reasons.filter((r) => r.startsWith('R-NR-2') || r.startsWith('R-NR-3: '))} />
        </p>
      )}
      {status.state === 'ready-to-close' && (
        <p class="alert info" role="status">
          <strong>{STATE_TEXT['ready-to-close']}</strong>
          {t('noReply_readyAdvice')} <RuleRef ids={['R-NR-4']} />
        </p>
      )}
      {smsReason && (
        <p class="alert info nr5">
          <RuleText text={t('noReply_callInstead', smsReason)} />
        </p>
      )}
      {(model.unknownAuthors ?? 0) > 0 && (
        <p class="alert warning unknown-authors">
          {plural(model.unknownAuthors ?? 0, 'noReply_unknownAuthors_one', 'noReply_unknownAuthors_other')}
        </p>
      )}
      {model.untimed > 0 && (
        <p class="alert warning">{plural(model.untimed, 'noReply_untimed_one', 'noReply_untimed_other')}</p>
      )}
      <div class="actions">
        {waitingForNotice && (
          <button
            type="button"
            data-action="insert-notice"
            class={status.state === 'notice-suggested' ? '' : 'secondary'}
            title={t('noReply_insertTitle')}
            onClick={actions.onInsert}
          >
            {noticeLabel(settings)}
          </button>
        )}
        <button type="button" data-action="phone-attempt" class="secondary" disabled={busy} onClick={actions.onPhone}>
          {t('noReply_called')}
        </button>
        {status.state === 'ready-to-close' && (
          <button type="button" data-action="close-no-reply" onClick={actions.onClose}>
            {t('noReply_closeWithNote')}
          </button>
        )}
      </div>
      {feedback && (
        <p class={`feedback-line ${feedback.ok ? 'ok' : 'error'}`} role={feedback.ok ? 'status' : 'alert'}>
          <RuleText text={feedback.text} />
          {feedback.copy && (
            <button type="button" class="secondary" onClick={() => void copyText(feedback.copy!)}>
              {t('noReply_copyText')}
            </button>
          )}
        </p>
      )}
    </section>
  );
}

export const CHIP_STYLE = `
.no-reply .facts { margin: 6px 0; padding-left: 18px; }
.no-reply .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.no-reply .alert { margin: 6px 0; }
.no-reply .feedback-line { margin: 6px 0 0; font-size: 13px; }
.no-reply .feedback-line.ok { color: #1d5234; }
.no-reply .feedback-line.error { color: #b3261e; }
.no-reply button[disabled] { opacity: .6; cursor: default; }
`;
