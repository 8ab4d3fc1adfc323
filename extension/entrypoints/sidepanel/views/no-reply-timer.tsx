import type { NoReplyTimerModel } from '../../../features/no-reply-timer';
import { noticePhraseOf } from '../../../lib/no-reply-chat';
import { chipView } from '../../../lib/no-reply-chip';
import { feedbackOf } from '../../../lib/no-reply-feedback';
import { chipModel } from '../../../lib/no-reply-model';
import { RUNNING_STATES, settingsFrom } from '../../../lib/no-reply-timers';
import { CHIP_STYLE, Chip } from '../no-reply-card';
import { useNoReplyRecord, useSecondClock } from '../no-reply-record';
import { defineView } from './view';

/**
 * The no-reply chip (R-NR-1..R-NR-5), worded here (issue 14): the tab's facts and the visit's
 * record read with the rule set in force at this panel's own clock. Presses go to the feature in
 * the tab, by `data-action`; the notice goes with its text, filled from this rule set. What the
 * tab did is worded here too (feedbackOf).
 */
export default defineView<NoReplyTimerModel>('no-reply-timer', ({ model, rules, act }) => {
  const record = useNoReplyRecord(model.recordKey);
  const now = useSecondClock();
  if (record === undefined) return null;
  const chip = chipModel(model, record, new Date(now), settingsFrom(rules.timers));
  if (!RUNNING_STATES.has(chip.status.state)) return null;
  return (
    <>
      <style>{CHIP_STYLE}</style>
      <Chip
        model={chipView(chip, feedbackOf(model.outcome, rules.phrases), model.busy)}
        actions={{
          onInsert: () => act('insert-notice', noticePhraseOf(rules)),
          onPhone: () => act('phone-attempt'),
          onUndoPhone: () => act('undo-phone-attempt'),
          onMarkNotice: (at) => act('mark-notice', at),
          onClose: () => act('close-no-reply'),
        }}
      />
    </>
  );
});
