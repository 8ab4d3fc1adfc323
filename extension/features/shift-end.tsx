import { watchShiftEnd } from '../clinic';
import { send } from '../lib/messages';
import type { Feature } from './feature';

/** The side panel's notice (views/shift-end.tsx): shown once this tab saw the unit change. */
export interface ShiftEndModel {
  text: string;
}

const UNIT_CHANGED = 'Du har bytt vårdenhet: skiftet på den förra är avslutat och dess besöksdata rensas.';

/**
 * At "Avsluta skift" (R-S-2) the background purges every visit's data: checklists, drafts,
 * timers and the patient last sent to Cosmic. Nothing of the shift's patients stays behind.
 * Changing vårdenhet ends the shift too (the manual: "logga ut (eller byta vårdenhet)"): each
 * unit this tab shows the clinician working in is reported, and a unit other than the shift's
 * purges the old unit's visit data the same way.
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

    // Once per unit seen in this tab: a tab left open on the old unit does not report it again.
    let reported: string | null = null;
    const onSnapshot = () => {
      const unit = ctx.snapshot().clinician.unit;
      if (!unit.known || unit.value === reported || signal.aborted) return;
      reported = unit.value;
      send('shift-unit', { unit: unit.value })
        .then((reply) => {
          if (!reply?.changed || signal.aborted) return;
          ctx.ui.announce(UNIT_CHANGED);
          ctx.panel.show({ text: UNIT_CHANGED } satisfies ShiftEndModel);
        })
        .catch(() => {
          reported = null;
        });
    };
    ctx.onSnapshot(onSnapshot, signal);
    onSnapshot();
  },
};

export default shiftEnd;
