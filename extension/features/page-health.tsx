import { pageHealth } from '../clinic';
import { type MessageKey, t } from '../lib/i18n';
import type { Feature } from './feature';

/** The side panel's indicator (views/page-health.tsx): field names and why, never their values. */
export type PageHealthModel = { status: 'ok' } | { status: 'degraded'; unread: { name: string; why: string }[] };

/**
 * How well the companion reads this console page: "degraded" names the fields it could not read
 * (never their values), so a clinician knows which warnings cannot be trusted and a superuser
 * knows which selector to fix (R-SUP-1: what to report). Follows every page change.
 */
const WHY = {
  missing: 'pageHealth_missing',
  ambiguous: 'pageHealth_ambiguous',
  'not-applicable': 'pageHealth_notApplicable',
} as const satisfies Record<string, MessageKey>;

const pageHealthFeature: Feature = {
  id: 'page-health',
  title: t('pageHealth_title'),
  rules: ['R-SUP-1'],
  init(ctx, signal) {
    let wasOk = true;
    const draw = () => {
      if (signal.aborted) return;
      const snapshot = ctx.snapshot();
      if (snapshot.route === 'other') {
        // As before the side panel: a page read badly right after a non-console page is not announced.
        wasOk = false;
        ctx.panel.show(null);
        return;
      }
      const health = pageHealth(snapshot);
      if (health.status === 'ok') {
        wasOk = true;
        ctx.panel.show({ status: 'ok' } satisfies PageHealthModel);
        return;
      }
      const unread = health.degraded.map((d) => ({ name: d.name, why: t(WHY[d.health]) }));
      ctx.panel.show({ status: 'degraded', unread } satisfies PageHealthModel);
      // Announced once as the page stops being read, not at every snapshot while it stays so.
      if (wasOk) ctx.ui.announce(t('pageHealth_announce', health.degraded.map((d) => d.name).join(', ')));
      wasOk = false;
    };
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default pageHealthFeature;
