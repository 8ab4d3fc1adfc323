import type { PageHealthModel } from '../../../features/page-health';
import { t } from '../../../lib/i18n';
import { defineView } from './view';

/** Whether the companion reads the console page, and which fields it cannot (R-SUP-1). */
export default defineView<PageHealthModel>('page-health', ({ model }) =>
  model.status === 'ok' ? (
    <section class="health" data-health="ok" aria-label={t('pageHealth_label')}>
      <span class="chip match">{t('pageHealth_ok')}</span>
    </section>
  ) : (
    <section class="card" aria-label={t('pageHealth_label')} data-health="degraded">
      <span class="chip warning">{t('pageHealth_partly')}</span>
      <p style="margin:6px 0 0">{t('pageHealth_unread', model.unread.map((d) => `${d.name} (${d.why})`).join(', '))}</p>
    </section>
  ),
);
