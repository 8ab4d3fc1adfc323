import type { TicketReceivingModel } from '../../../features/ticket-receiving';
import { t } from '../../../lib/i18n';
import { RuleText } from '../../../lib/rule-ref';
import { ticketVisitWords, vidimeringWords } from '../../../lib/ticket-words';
import { defineView } from './view';

/** R-T-2 and R-J-7 applied here to what the tab read. */
export default defineView<TicketReceivingModel>('ticket-receiving', ({ model }) =>
  'vidimering' in model ? (
    <section
      class="card"
      aria-label={t('ticket_vidimeringLabel')}
      data-ticket-receiving={`vidimering-${model.vidimering}`}
    >
      <h2>{t('ticket_unused')}</h2>
      <p class={model.vidimering === 'done' ? 'alert info' : 'alert warning'}>
        <RuleText text={vidimeringWords(model.vidimering)} />
      </p>
    </section>
  ) : (
    <section class="card" aria-label={t('ticket_visit')} data-ticket-receiving="ticket-visit">
      <h2>{t('ticket_visit')}</h2>
      <p class="alert info">
        <RuleText text={ticketVisitWords(model.ticketVisit.fromUnit, model.ticketVisit.notes)} />
      </p>
    </section>
  ),
);
