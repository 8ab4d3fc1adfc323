import { watchShiftEnd } from '../clinic';
import { send } from '../lib/messages';
import type { Feature } from './feature';

/**
 * At "Avsluta skift" (R-S-2) the background purges every visit's data: checklists, drafts,
 * timers and the patient last sent to Cosmic. Nothing of the shift's patients stays behind.
 */
const shiftEnd: Feature = {
  id: 'shift-end',
  title: 'Rensa besöksdata när skiftet avslutas',
  rules: ['R-S-2'],
  init(ctx, signal) {
    watchShiftEnd(
      document,
      () => {
        void send('shift-ended').catch(() => {});
        ctx.ui.announce('Skiftet avslutas: besöksdata i Clinic Companion rensas.');
      },
      signal,
    );
  },
};

export default shiftEnd;
