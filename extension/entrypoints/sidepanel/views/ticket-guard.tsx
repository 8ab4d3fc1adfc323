import { ticketRemarks } from '../../../../shared/routine/ticket';
import type { TicketGuardModel } from '../../../features/ticket-guard';
import { t } from '../../../lib/i18n';
import { RuleRef, RuleText } from '../../../lib/rule-ref';
import { remarkWords } from '../../../lib/ticket-words';
import { defineView } from './view';

export default defineView<TicketGuardModel>('ticket-guard', ({ model }) => (
  <section class="card" aria-label={t('ticket_bookLabel')} data-ticket-guard="remarks">
    <h2>{t('ticket_cardTitle')}</h2>
    <ul class="items">
      {ticketRemarks(model.facts).map((r) => (
        <li key={r.field} class={r.kind === 'wrong' ? 'alert warning' : 'alert info'}>
          <RuleText text={remarkWords(r)} />
        </li>
      ))}
    </ul>
    <p class="rule-line">
      <RuleRef ids={['R-T-1']} />
    </p>
  </section>
));
