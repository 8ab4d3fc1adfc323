import { COMMUNICATION_PHRASE, callReadiness } from '../../../../shared/routine/visit';
import type { VisitRoutineModel } from '../../../features/visit-routine';
import { copyText } from '../../../lib/clipboard';
import { t } from '../../../lib/i18n';
import { callWords, colleagueWords, communicationWords, priorityCheckWords } from '../../../lib/routine-words';
import { RuleRef, RuleText, splitRuleIds } from '../../../lib/rule-ref';
import { defineView } from './view';

/** A phrase for the chat, copied here: the press is the side panel's (its user activation). */
function Phrase({ text }: { text: string }) {
  return (
    <p>
      «{text}»{' '}
      <button type="button" class="secondary copy" onClick={() => void copyText(text)}>
        {t('visitRoutine_copy')}
      </button>
    </p>
  );
}

/** R-Q-2, R-V-1, R-V-2, R-C-1 applied here to what the tab read. */
export default defineView<VisitRoutineModel>('visit-routine', ({ model, act }) => {
  const priority = splitRuleIds(priorityCheckWords(model.priority, model.checked));
  const call = callReadiness(model.online);
  const colleague = model.people ? colleagueWords(model.people) : null;
  return (
    <section class="card" aria-label={t('visitRoutine_heading')} data-visit-routine="card">
      <h2>{t('visitRoutine_heading')}</h2>
      <div class="check-line">
        <label class="check">
          <input
            type="checkbox"
            checked={model.checked}
            data-visit-routine="priority-checked"
            onChange={(e) => act('priority-checked', e.currentTarget.checked)}
          />
          <span>{priority.text}</span>
        </label>
        {/* Outside the label: opening the rule must not tick the check. */}
        <RuleRef ids={priority.ids} />
      </div>
      <button type="button" class="secondary" data-visit-routine="original" onClick={() => act('show-original')}>
        {t(model.originalMissing ? 'visitRoutine_originalMissing' : 'visitRoutine_showOriginal')}
      </button>
      <p class={model.online === true ? '' : 'alert warning'} data-visit-routine="call">
        <RuleText text={callWords(call)} />
      </p>
      <Phrase text={call.phrase} />
      <p>
        <RuleText text={communicationWords()} />
      </p>
      <Phrase text={COMMUNICATION_PHRASE} />
      {colleague && (
        <p class="alert info" data-visit-routine="colleague">
          <RuleText text={colleague} />
        </p>
      )}
    </section>
  );
});
