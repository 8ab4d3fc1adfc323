import { acceptReminder } from '../../../../shared/routine/visit-state';
import type { AcceptReminderModel } from '../../../features/accept-reminder';
import { RuleText } from '../../../lib/rule-ref';
import { defineView } from './view';

export default defineView<AcceptReminderModel>('accept-reminder', ({ model }) => {
  const text = acceptReminder(model.visitState);
  return text ? (
    <p class="alert warning" data-accept-reminder="shown">
      <RuleText text={text} />
    </p>
  ) : null;
});
