import { acceptReminder } from '../../shared/routine/visit-state';
import type { Feature } from './feature';

/** The side panel's reminder (views/accept-reminder.tsx). */
export interface AcceptReminderModel {
  text: string;
}

/** R-Q-3: on a visit not yet accepted, remind to choose "Ta emot" (owner visible, patient SMS). */
const acceptReminderFeature: Feature = {
  id: 'accept-reminder',
  title: 'Påminn om att ta emot ärendet',
  rules: ['R-Q-3'],
  init(ctx, signal) {
    const draw = () => {
      if (signal.aborted) return;
      const s = ctx.snapshot();
      const text = s.route === 'visit' ? acceptReminder(s.visitState.known ? s.visitState.value : null) : null;
      ctx.panel.show(text ? ({ text } satisfies AcceptReminderModel) : null);
    };
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default acceptReminderFeature;
