import type { AcceptReminderModel } from '../../../features/accept-reminder';
import { acceptWords } from '../../../lib/routine-words';
import { RuleText } from '../../../lib/rule-ref';
import { defineView } from './view';

export default defineView<AcceptReminderModel>('accept-reminder', ({ model }) => {
  const text = acceptWords(model.visitState);
  return text ? (
    <p class="alert warning" data-accept-reminder="shown">
      <RuleText text={text} />
    </p>
  ) : null;
});
