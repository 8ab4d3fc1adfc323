import type { AcceptReminderModel } from '../../../features/accept-reminder';
import { RuleText } from '../../../lib/rule-ref';
import { defineView } from './view';

export default defineView<AcceptReminderModel>('accept-reminder', ({ model }) => (
  <p class="alert warning" data-accept-reminder="shown">
    <RuleText text={model.text} />
  </p>
));
