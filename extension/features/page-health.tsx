import { render } from 'preact';
import { type PageHealth, pageHealth } from '../clinic';
import type { Feature } from './feature';

/**
 * How well the companion reads this console page: "degraded" names the fields it could not read
 * (never their values), so a clinician knows which warnings cannot be trusted and a superuser
 * knows which selector to fix (R-SUP-1: what to report). Follows every page change.
 */
const WHY = { missing: 'hittades inte', ambiguous: 'flera värden', 'not-applicable': 'saknas' } as const;

function HealthIndicator({ health }: { health: PageHealth }) {
  if (health.status === 'ok')
    return (
      <section class="health" data-health="ok" aria-label="Sidläsning">
        <span class="chip match">Sidan läses</span>
      </section>
    );
  return (
    <section class="card" aria-label="Sidläsning" data-health="degraded">
      <span class="chip warning">Sidan läses delvis</span>
      <p style="margin:6px 0 0">
        Kunde inte läsa: {health.degraded.map((d) => `${d.name} (${WHY[d.health]})`).join(', ')}. Kontrollera dessa
        uppgifter själv i Clinic.
      </p>
    </section>
  );
}

const pageHealthFeature: Feature = {
  id: 'page-health',
  title: 'Visa hur väl Clinic-sidan kan läsas',
  rules: ['R-SUP-1'],
  init(ctx, signal) {
    let last = '';
    const draw = () => {
      const snapshot = ctx.snapshot();
      const slot = ctx.ui.slot('page-health');
      if (snapshot.route === 'other') {
        if (last !== 'other') render(null, slot);
        last = 'other';
        return;
      }
      const health = pageHealth(snapshot);
      const key = JSON.stringify(health);
      if (key === last) return;
      const wasOk = last === '' || last.includes('"status":"ok"');
      last = key;
      render(<HealthIndicator health={health} />, slot);
      if (wasOk && health.status === 'degraded')
        ctx.ui.announce(`Clinic Companion kan inte läsa: ${health.degraded.map((d) => d.name).join(', ')}`);
    };
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default pageHealthFeature;
