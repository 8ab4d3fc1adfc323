import type { DateFilterRefreshModel } from '../../../features/date-filter-refresh';
import { RuleText } from '../../../lib/rule-ref';
import { defineView } from './view';

/** R-D-1: how old the date-filtered view is; the clinician refreshes it (never by itself). */
export default defineView<DateFilterRefreshModel>('date-filter-refresh', ({ model, act }) => (
  <section class="card" aria-label="Datumfiltrerad vy" data-date-filter-refresh="card">
    <p class={model.stale ? 'alert warning' : ''}>
      <RuleText text={model.text} />
    </p>
    <button type="button" onClick={() => act('refresh')}>
      Uppdatera vyn
    </button>
  </section>
));
