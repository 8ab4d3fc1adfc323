import { asyncChoiceText, asyncFollowUpText } from '../../shared/routine/visit-state';
import { readCloseDialog, readClosedVisitFollowUps } from '../clinic';
import type { Feature } from './feature';

/** A line of the side panel's card: `done` draws it as information, else as a warning. */
export interface CloseVisitLine {
  text: string;
  done: boolean;
}

/** The side panel's card (views/close-visit-guard.tsx); at least one line is set. */
export interface CloseVisitGuardModel {
  /** While "Avsluta besök" is open. */
  choice: CloseVisitLine | null;
  /** After closing, in the asynchronous phase. */
  followUp: CloseVisitLine | null;
}

/**
 * R-A-1: while "Avsluta besök" is open, the asynchronous period is named and asked for
 * consciously: the console's default is not taken as the clinician's choice until they change it.
 * After closing, in the asynchronous phase: a patient's answer is handled, then *Markera som klar*.
 */
const closeVisitGuard: Feature = {
  id: 'close-visit-guard',
  title: 'Välj den asynkrona perioden medvetet vid avslut',
  rules: ['R-A-1'],
  init(ctx, signal) {
    let touched = false;
    const draw = () => {
      if (signal.aborted) return;
      const dialog = readCloseDialog(document);
      if (!dialog) touched = false;
      const choice = dialog ? asyncChoiceText(dialog.choice, touched) : null;
      const read =
        ctx.snapshot().route === 'visit' ? readClosedVisitFollowUps(document, ctx.registry())?.asyncFollowUp : null;
      const followUp = read ? asyncFollowUpText(read.known ? read.value : null) : null;
      ctx.panel.show(choice || followUp ? ({ choice, followUp } satisfies CloseVisitGuardModel) : null);
    };
    ctx.onSnapshot(draw, signal);
    document.addEventListener(
      'change',
      (e) => {
        if (e.target instanceof HTMLInputElement && e.target.type === 'radio' && readCloseDialog(document))
          touched = true;
        draw();
      },
      { signal, capture: true },
    );
    draw();
  },
};

export default closeVisitGuard;
