import { render } from 'preact';
import { freshness } from '../../shared/routine/date-filter';
import { readDateFilter } from '../clinic';
import { RuleText } from '../lib/rule-ref';
import type { Feature } from './feature';

/**
 * R-D-1: a view with a date filter has no automatic refresh. Say how long ago it was loaded and
 * offer one click to refresh it (the console's own "Uppdatera", else a reload). Never refreshes
 * by itself: the clinician decides.
 */
const dateFilterRefresh: Feature = {
  id: 'date-filter-refresh',
  title: 'Visa hur gammal en datumfiltrerad vy är',
  rules: ['R-D-1'],
  init(ctx, signal) {
    let loadedAt: number | null = null;
    let last = '';
    const draw = () => {
      if (signal.aborted) return;
      const view = readDateFilter(document);
      const slot = ctx.ui.slot('date-filter-refresh');
      if (!view) {
        loadedAt = null;
        if (last !== '') render(null, slot);
        last = '';
        return;
      }
      loadedAt ??= Date.now();
      const f = freshness(loadedAt, Date.now());
      if (f.text === last) return;
      last = f.text;
      render(
        <section class="card" aria-label="Datumfiltrerad vy" data-date-filter-refresh="card">
          <p class={f.stale ? 'alert warning' : ''}>
            <RuleText text={f.text} />
          </p>
          <button
            type="button"
            onClick={() => {
              const again = readDateFilter(document);
              if (again?.refresh) again.refresh.click();
              else location.reload();
            }}
          >
            Uppdatera vyn
          </button>
        </section>,
        slot,
      );
    };
    ctx.onSnapshot(draw, signal);
    const timer = setInterval(draw, 15_000);
    signal.addEventListener('abort', () => clearInterval(timer));
    draw();
  },
};

export default dateFilterRefresh;
