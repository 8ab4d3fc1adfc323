import { type HandoverAdvice, handoverAdvice } from '../../../../shared/routine/handover';
import type { HandoverGuardModel, HandoverPending } from '../../../features/handover-guard';
import { copyText } from '../../../lib/clipboard';
import { adviceWords, pendingHandoverWords, pendingListWords } from '../../../lib/handover-words';
import { t } from '../../../lib/i18n';
import { RuleText } from '../../../lib/rule-ref';
import { defineView } from './view';

function Advice({ advice }: { advice: HandoverAdvice }) {
  return (
    <section class="card" aria-label={t('handoverGuard_heading')} data-handover-guard="advice">
      <h2>{t('handoverGuard_heading')}</h2>
      {advice.personWarning && (
        <p class="alert warning">
          <RuleText text={advice.personWarning} />
        </p>
      )}
      {advice.unknownReceiver && (
        <p class="alert warning">
          <RuleText text={advice.unknownReceiver} />
        </p>
      )}
      <p>
        <RuleText text={advice.tellPatient.text} />
      </p>
      <ul class="items">
        {advice.tellPatient.phrases.map((phrase) => (
          <li key={phrase}>
            {phrase} {/* Copied here: the press is the side panel's (its user activation). */}
            <button type="button" class="secondary copy" onClick={() => void copyText(phrase)}>
              {t('handoverGuard_copy')}
            </button>
          </li>
        ))}
      </ul>
      <p>
        <RuleText text={advice.ownership} />
      </p>
      <p class="alert info">
        <RuleText text={advice.nobodyOnDuty} />
      </p>
    </section>
  );
}

function PendingCard({ pending }: { pending: HandoverPending }) {
  if ('visit' in pending) {
    const { receiver, mine, owner } = pending.visit;
    return (
      <section class="card" aria-label={t('handoverGuard_pending')} data-handover-guard="pending-visit">
        <h2>{t('handoverGuard_pending')}</h2>
        <p class="alert info">
          <RuleText text={pendingHandoverWords(receiver, mine, owner)} />
        </p>
      </section>
    );
  }
  return (
    <section class="card" aria-label={t('handoverGuard_pending')} data-handover-guard="pending-list">
      <h2>{t('handoverGuard_pending')}</h2>
      <p class="alert info">
        <RuleText text={pendingListWords(pending.list.length)} />
      </p>
      <ul class="items">
        {pending.list.map((row) => (
          <li key={row.key}>{t('handoverGuard_row', row.patientName, row.receiver)}</li>
        ))}
      </ul>
    </section>
  );
}

/** R-HO-1..3 applied here to what the tab read, with the rule set's phrases. */
export default defineView<HandoverGuardModel>('handover-guard', ({ model: { pending, dialog }, rules }) => (
  <>
    {pending && <PendingCard pending={pending} />}
    {dialog && <Advice advice={adviceWords(handoverAdvice(dialog.receiver, rules.phrases), dialog.receiver)} />}
  </>
));
