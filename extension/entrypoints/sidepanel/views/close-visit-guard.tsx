import { asyncChoiceText, asyncFollowUpText } from '../../../../shared/routine/visit-state';
import type { CloseVisitGuardModel } from '../../../features/close-visit-guard';
import { asyncChoiceWords, asyncFollowUpWords } from '../../../lib/routine-words';
import { RuleText } from '../../../lib/rule-ref';
import { defineView } from './view';

/** R-A-1 applied here to what the tab read: a line drawn as information once done, else as a warning. */
export default defineView<CloseVisitGuardModel>('close-visit-guard', ({ model: { dialog, followUp } }) => {
  const choice = dialog ? asyncChoiceText(dialog.choice, dialog.touched) : null;
  const after = followUp ? asyncFollowUpText(followUp.state) : null;
  return (
    <>
      {choice && (
        <p class={choice.done ? 'alert info' : 'alert warning'} data-close-visit-guard="shown">
          <RuleText text={asyncChoiceWords(dialog?.choice ?? null, dialog?.touched ?? false)} />
        </p>
      )}
      {after && (
        <p class={after.done ? 'alert info' : 'alert warning'} data-close-visit-guard="async-follow-up">
          <RuleText text={asyncFollowUpWords(followUp?.state ?? null)} />
        </p>
      )}
    </>
  );
});
