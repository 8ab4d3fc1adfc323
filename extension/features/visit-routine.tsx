import type { ColleagueView } from '../../shared/routine/visit';
import { ownedByMe, readPatientOnline, readVisitPeople, revealOriginalAnswers } from '../clinic';
import { t } from '../lib/i18n';
import type { Feature } from './feature';

/**
 * The side panel's card (views/visit-routine.tsx): what the tab read; the side panel words it
 * (shared/routine/visit.ts). Presses: `priority-checked` (data: the box's new state), `show-original`.
 */
export interface VisitRoutineModel {
  /** R-Q-2: the triage priority as read (null: unknown). */
  priority: number | null;
  checked: boolean;
  /** "Visa originalsvar" found nothing on the page for this visit. */
  originalMissing: boolean;
  /** R-V-1: presence before a call (null: unknown). */
  online: boolean | null;
  /** R-C-1: who is in the visit, only when whether a colleague is invited could be read. */
  people: ColleagueView | null;
}

/**
 * The visit's routine on every visit page: the priority checked against the answers with the
 * Originalsvar one click away (R-Q-2), presence and the patient fee before a call (R-V-1), what
 * to do with communication difficulties (R-V-2), and, once a colleague is invited, that the case
 * and the journal stay the inviter's and the guest can do all but close (R-C-1).
 */
const visitRoutine: Feature = {
  id: 'visit-routine',
  title: t('visitRoutine_title'),
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
      ctx.panel.show({
        priority: snapshot.priority.known ? snapshot.priority.value : null,
        checked: checked.has(key),
        originalMissing: originalMissing.has(key),
        online: online.known ? online.value : null,
        people:
          people?.invited.known === true
            ? {
                invited: people.invited.value,
                mine: ownedByMe(people),
                owner: people.owner.known ? people.owner.value : null,
                me: people.me.known ? people.me.value : null,
              }
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
