import type { DateFilterRefreshModel } from '../../../features/date-filter-refresh';
import { t } from '../../../lib/i18n';
import { RuleText } from '../../../lib/rule-ref';
import { defineView } from './view';

/** R-D-1: how old the date-filtered view is; the clinician refreshes it (never by itself). */
export default defineView<DateFilterRefreshModel>('date-filter-refresh', ({ model, act }) => (
  <section class="card" aria-label={t('dateFilterRefresh_label')} data-date-filter-refresh="card">
    <p class={model.stale ? 'alert warning' : ''}>
      <RuleText text={model.text} />
    </p>
    <button type="button" onClick={() => act('refresh')}>
      {t('dateFilterRefresh_refresh')}
    </button>
  </section>
));
