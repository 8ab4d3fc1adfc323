import { t } from '../lib/i18n';
import type { Feature } from './feature';

/** The side panel's card (views/accept-reminder.tsx): the visit's state as read (null: unknown). */
export interface AcceptReminderModel {
  visitState: 'waiting' | 'accepted' | 'ongoing' | 'closed' | null;
}

/**
 * R-Q-3: on a visit not yet accepted, remind to choose "Ta emot" (owner visible, patient SMS).
 * The tab publishes the visit's state; the side panel applies the rule (acceptReminder).
 */
const acceptReminderFeature: Feature = {
  id: 'accept-reminder',
  title: t('acceptReminder_title'),
  rules: ['R-Q-3'],
  init(ctx, signal) {
    const draw = () => {
      if (signal.aborted) return;
      const s = ctx.snapshot();
      ctx.panel.show(
        s.route === 'visit'
          ? ({ visitState: s.visitState.known ? s.visitState.value : null } satisfies AcceptReminderModel)
          : null,
      );
    };
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default acceptReminderFeature;
