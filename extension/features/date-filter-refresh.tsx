import { freshness } from '../../shared/routine/date-filter';
import { readDateFilter } from '../clinic';
import { t } from '../lib/i18n';
import { freshnessWords } from '../lib/routine-words';
import type { Feature } from './feature';

/** The side panel's card (views/date-filter-refresh.tsx); its button sends the action `refresh`. */
export interface DateFilterRefreshModel {
  text: string;
  stale: boolean;
}

/**
 * R-D-1: a view with a date filter has no automatic refresh. Say how long ago it was loaded and
 * offer one click to refresh it (the console's own "Uppdatera", else a reload). Never refreshes
 * by itself: the clinician decides.
 */
const dateFilterRefresh: Feature = {
  id: 'date-filter-refresh',
  title: t('dateFilterRefresh_title'),
  rules: ['R-D-1'],
  init(ctx, signal) {
    let loadedAt: number | null = null;
    const draw = () => {
      if (signal.aborted) return;
      if (!readDateFilter(document)) {
        loadedAt = null;
        ctx.panel.show(null);
        return;
      }
      loadedAt ??= Date.now();
      const { minutes, stale } = freshness(loadedAt, Date.now());
      ctx.panel.show({ text: freshnessWords(minutes, stale), stale } satisfies DateFilterRefreshModel);
    };
    ctx.panel.onAction((action) => {
      if (action !== 'refresh') return;
      const view = readDateFilter(document);
      if (view?.refresh) view.refresh.click();
      else if (view) location.reload();
    }, signal);
    ctx.onSnapshot(draw, signal);
    const timer = setInterval(draw, 15_000);
    signal.addEventListener('abort', () => clearInterval(timer));
    draw();
  },
};

export default dateFilterRefresh;
