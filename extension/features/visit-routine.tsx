import {
  COMMUNICATION_PHRASE,
  COMMUNICATION_ROUTINE,
  callReadiness,
  colleagueReminder,
  priorityCheckText,
} from '../../shared/routine/visit';
import { ownedByMe, readPatientOnline, readVisitPeople, revealOriginalAnswers } from '../clinic';
import type { Feature } from './feature';

/** The side panel's card (views/visit-routine.tsx). */
/** Presses: `priority-checked` (data: the box's new state), `show-original`. */
export interface VisitRoutineModel {
  /** R-Q-2: the priority against the answers (may name its rule). */
  priorityText: string;
  checked: boolean;
  /** "Visa originalsvar" found nothing on the page for this visit. */
  originalMissing: boolean;
  /** R-V-1: presence before a call; `online` false/null draws a warning. */
  online: boolean | null;
  call: { text: string; phrase: string };
  /** R-V-2. */
  communication: { text: string; phrase: string };
  /** R-C-1: said only when the page shows an invited colleague. */
  colleague: string | null;
}

/**
 * The visit's routine on every visit page: the priority checked against the answers with the
 * Originalsvar one click away (R-Q-2), presence and the patient fee before a call (R-V-1), what
 * to do with communication difficulties (R-V-2), and, once a colleague is invited, that the case
 * and the journal stay the inviter's and the guest can do all but close (R-C-1).
 */
const visitRoutine: Feature = {
  id: 'visit-routine',
  title: 'Besökets rutin: prioritet, samtal, kommunikation och inbjuden kollega',
  rules: ['R-Q-2', 'R-V-1', 'R-V-2', 'R-C-1'],
  init(ctx, signal) {
    // Per visit while this tab lives (a new visit starts unchecked).
    const checked = new Set<string>();
    const originalMissing = new Set<string>();
    const currentKey = () => {
      const s = ctx.snapshot();
      return s.route === 'visit' ? s.visitKey : null;
    };
    const draw = () => {
      if (signal.aborted) return;
      const snapshot = ctx.snapshot();
      const key = currentKey();
      if (!key) {
        ctx.panel.show(null);
        return;
      }
      const online = readPatientOnline(document, ctx.registry());
      const people = readVisitPeople(document, ctx.registry());
      const isOnline = online.known ? online.value : null;
      const call = callReadiness(isOnline);
      ctx.panel.show({
        priorityText: priorityCheckText(snapshot.priority.known ? snapshot.priority.value : null, checked.has(key)),
        checked: checked.has(key),
        originalMissing: originalMissing.has(key),
        online: isOnline,
        call: { text: call.text, phrase: call.phrase },
        communication: { text: COMMUNICATION_ROUTINE, phrase: COMMUNICATION_PHRASE },
        colleague:
          people?.invited.known === true
            ? colleagueReminder({
                invited: people.invited.value,
                mine: ownedByMe(people),
                owner: people.owner.known ? people.owner.value : null,
                me: people.me.known ? people.me.value : null,
              })
            : null,
      } satisfies VisitRoutineModel);
    };
    ctx.panel.onAction((action, data) => {
      const key = currentKey();
      if (!key) return;
      if (action === 'priority-checked') {
        if (data === true) checked.add(key);
        else checked.delete(key);
      } else if (action === 'show-original') {
        if (revealOriginalAnswers(document, ctx.registry())) originalMissing.delete(key);
        else originalMissing.add(key);
      }
      draw();
    }, signal);
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default visitRoutine;
