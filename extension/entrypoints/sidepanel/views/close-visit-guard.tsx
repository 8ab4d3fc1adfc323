import type { CloseVisitGuardModel } from '../../../features/close-visit-guard';
import { RuleText } from '../../../lib/rule-ref';
import { defineView } from './view';

export default defineView<CloseVisitGuardModel>('close-visit-guard', ({ model: { choice, followUp } }) => (
  <>
    {choice && (
      <p class={choice.done ? 'alert info' : 'alert warning'} data-close-visit-guard="shown">
        <RuleText text={choice.text} />
      </p>
    )}
    {followUp && (
      <p class={followUp.done ? 'alert info' : 'alert warning'} data-close-visit-guard="async-follow-up">
        <RuleText text={followUp.text} />
      </p>
    )}
  </>
));
