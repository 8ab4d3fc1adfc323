import { watchShiftEnd } from '../clinic';
import { t } from '../lib/i18n';
import { send } from '../lib/messages';
import type { Feature } from './feature';

/** The side panel's notice (views/shift-end.tsx): shown once this tab saw the unit change. */
export interface ShiftEndModel {
  text: string;
}

/**
 * At "Avsluta skift" (R-S-2) the background purges every visit's data: checklists, drafts,
 * timers and the patient last sent to Cosmic. Nothing of the shift's patients stays behind.
 * Changing vårdenhet ends the shift too (the manual: "logga ut (eller byta vårdenhet)"): each
 * unit this tab shows the clinician working in is reported, and a unit other than the shift's
 * purges the old unit's visit data the same way.
 */
const shiftEnd: Feature = {
  id: 'shift-end',
  title: t('shiftEnd_title'),
  rules: ['R-S-2'],
  init(ctx, signal) {
    watchShiftEnd(
      document,
      () => {
        void send('shift-ended').catch(() => {});
        ctx.ui.announce(t('shiftEnd_announce'));
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
          const text = t('shiftEnd_unitChanged');
          ctx.ui.announce(text);
          ctx.panel.show({ text } satisfies ShiftEndModel);
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
