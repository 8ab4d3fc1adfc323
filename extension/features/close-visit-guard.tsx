import { readCloseDialog, readClosedVisitFollowUps } from '../clinic';
import { t } from '../lib/i18n';
import type { Feature } from './feature';

/**
 * The side panel's card (views/close-visit-guard.tsx), at least one part set: what the tab read;
 * the side panel words it (shared/routine/visit-state.ts).
 */
export interface CloseVisitGuardModel {
  /** While "Avsluta besök" is open: the option shown as chosen (null: unreadable), and whether the clinician changed it. */
  dialog: { choice: string | null; touched: boolean } | null;
  /** After closing, in the asynchronous phase: the follow-up's state (null: unreadable). */
  followUp: { state: 'answered' | 'done' | null } | null;
}

/**
 * R-A-1: while "Avsluta besök" is open, the asynchronous period is named and asked for
 * consciously: the console's default is not taken as the clinician's choice until they change it.
 * After closing, in the asynchronous phase: a patient's answer is handled, then *Markera som klar*.
 */
const closeVisitGuard: Feature = {
  id: 'close-visit-guard',
  title: t('closeVisitGuard_title'),
  rules: ['R-A-1'],
  init(ctx, signal) {
    let touched = false;
    const draw = () => {
      if (signal.aborted) return;
      const read = readCloseDialog(document);
      if (!read) touched = false;
      const dialog = read ? { choice: read.choice, touched } : null;
      const async =
        ctx.snapshot().route === 'visit' ? readClosedVisitFollowUps(document, ctx.registry())?.asyncFollowUp : null;
      const followUp = async ? { state: async.known ? async.value : null } : null;
      ctx.panel.show(dialog || followUp ? ({ dialog, followUp } satisfies CloseVisitGuardModel) : null);
    };
    ctx.onSnapshot(draw, signal);
    document.addEventListener(
      'change',
      (e) => {
        // Only the dialog's choice changes without the console's markup changing (a radio's
        // checked state); the rest reaches draw through the snapshot (a chat text field's change
        // on leaving it read the whole visit for nothing).
        if (!readCloseDialog(document)) return;
        if (e.target instanceof HTMLInputElement && e.target.type === 'radio') touched = true;
        draw();
      },
      { signal, capture: true },
    );
    draw();
  },
};

export default closeVisitGuard;
