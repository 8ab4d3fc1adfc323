import { render } from 'preact';
import {
  COMMUNICATION_PHRASE,
  COMMUNICATION_ROUTINE,
  callReadiness,
  colleagueReminder,
  priorityCheckText,
} from '../../shared/routine/visit';
import { ownedByMe, readPatientOnline, readVisitPeople, revealOriginalAnswers } from '../clinic';
import { copyText } from '../lib/clipboard';
import { RuleRef, RuleText, splitRuleIds } from '../lib/rule-ref';
import type { Feature } from './feature';

/**
 * The visit's routine on every visit page: the priority checked against the answers with the
 * Originalsvar one click away (R-Q-2), presence and the patient fee before a call (R-V-1), what
 * to do with communication difficulties (R-V-2), and, once a colleague is invited, that the case
 * and the journal stay the inviter's and the guest can do all but close (R-C-1).
 */
interface View {
  priority: number | null;
  checked: boolean;
  online: boolean | null;
  /** R-C-1: said only when the page shows an invited colleague. */
  colleague: string | null;
}

function Phrase({ text }: { text: string }) {
  return (
    <p>
      «{text}»{' '}
      <button type="button" class="secondary copy" onClick={() => void copyText(text)}>
        Kopiera
      </button>
    </p>
  );
}

const visitRoutine: Feature = {
  id: 'visit-routine',
  title: 'Besökets rutin: prioritet, samtal, kommunikation och inbjuden kollega',
  rules: ['R-Q-2', 'R-V-1', 'R-V-2', 'R-C-1'],
  init(ctx, signal) {
    // Checked per visit while this tab lives (a new visit starts unchecked).
    const checked = new Set<string>();
    let last = '';
    const draw = () => {
      if (signal.aborted) return;
      const snapshot = ctx.snapshot();
      const slot = ctx.ui.slot('visit-routine');
      const key = snapshot.visitKey;
      if (snapshot.route !== 'visit' || !key) {
        if (last !== '') render(null, slot);
        last = '';
        return;
      }
      const online = readPatientOnline(document, ctx.registry());
      const people = readVisitPeople(document, ctx.registry());
      const view: View = {
        priority: snapshot.priority.known ? snapshot.priority.value : null,
        checked: checked.has(key),
        online: online.known ? online.value : null,
        colleague:
          people?.invited.known === true
            ? colleagueReminder({
                invited: people.invited.value,
                mine: ownedByMe(people),
                owner: people.owner.known ? people.owner.value : null,
                me: people.me.known ? people.me.value : null,
              })
            : null,
      };
      const id = JSON.stringify([key, view]);
      if (id === last) return;
      last = id;
      const call = callReadiness(view.online);
      const priorityText = splitRuleIds(priorityCheckText(view.priority, view.checked));
      render(
        <section class="card" aria-label="Besökets rutin" data-visit-routine="card">
          <h2>Besökets rutin</h2>
          <div class="check-line">
            <label class="check">
              <input
                type="checkbox"
                checked={view.checked}
                data-visit-routine="priority-checked"
                onChange={(e) => {
                  if (e.currentTarget.checked) checked.add(key);
                  else checked.delete(key);
                  draw();
                }}
              />
              <span>{priorityText.text}</span>
            </label>
            {/* Outside the label: opening the rule must not tick the check. */}
            <RuleRef ids={priorityText.ids} />
          </div>
          <button
            type="button"
            class="secondary"
            data-visit-routine="original"
            onClick={(e) => {
              if (!revealOriginalAnswers(document, ctx.registry()))
                e.currentTarget.textContent = 'Originalsvar hittades inte på sidan – öppna dem i Clinic';
            }}
          >
            Visa originalsvar
          </button>
          <p class={view.online === true ? '' : 'alert warning'} data-visit-routine="call">
            <RuleText text={call.text} />
          </p>
          <Phrase text={call.phrase} />
          <p>
            <RuleText text={COMMUNICATION_ROUTINE} />
          </p>
          <Phrase text={COMMUNICATION_PHRASE} />
          {view.colleague && (
            <p class="alert info" data-visit-routine="colleague">
              <RuleText text={view.colleague} />
            </p>
          )}
        </section>,
        slot,
      );
    };
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default visitRoutine;
