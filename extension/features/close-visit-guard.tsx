import { render } from 'preact';
import { asyncChoiceText, asyncFollowUpText } from '../../shared/routine/visit-state';
import { readCloseDialog, readClosedVisitFollowUps } from '../clinic';
import { RuleText } from '../lib/rule-ref';
import type { Feature } from './feature';

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
    let last = '';
    const draw = () => {
      if (signal.aborted) return;
      const dialog = readCloseDialog(document);
      if (!dialog) touched = false;
      const view = dialog ? asyncChoiceText(dialog.choice, touched) : null;
      const read =
        ctx.snapshot().route === 'visit' ? readClosedVisitFollowUps(document, ctx.registry())?.asyncFollowUp : null;
      const followUp = read ? asyncFollowUpText(read.known ? read.value : null) : null;
      const key = JSON.stringify([view, followUp]);
      if (key === last) return;
      last = key;
      render(
        view || followUp ? (
          <>
            {view && (
              <p class={view.done ? 'alert info' : 'alert warning'} data-close-visit-guard="shown">
                <RuleText text={view.text} />
              </p>
            )}
            {followUp && (
              <p class={followUp.done ? 'alert info' : 'alert warning'} data-close-visit-guard="async-follow-up">
                <RuleText text={followUp.text} />
              </p>
            )}
          </>
        ) : null,
        ctx.ui.slot('close-visit-guard'),
      );
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
