import { render } from 'preact';
import { acceptReminder } from '../../shared/routine/visit-state';
import { RuleText } from '../lib/rule-ref';
import type { Feature } from './feature';

/** R-Q-3: on a visit not yet accepted, remind to choose "Ta emot" (owner visible, patient SMS). */
const acceptReminderFeature: Feature = {
  id: 'accept-reminder',
  title: 'Påminn om att ta emot ärendet',
  rules: ['R-Q-3'],
  init(ctx, signal) {
    let last: string | null = '';
    const draw = () => {
      if (signal.aborted) return;
      const s = ctx.snapshot();
      const text = s.route === 'visit' ? acceptReminder(s.visitState.known ? s.visitState.value : null) : null;
      if (text === last) return;
      last = text;
      render(
        text ? (
          <p class="alert warning" data-accept-reminder="shown">
            <RuleText text={text} />
          </p>
        ) : null,
        ctx.ui.slot('accept-reminder'),
      );
    };
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default acceptReminderFeature;
