import type { PageHealthModel } from '../../../features/page-health';
import { defineView } from './view';

/** Whether the companion reads the console page, and which fields it cannot (R-SUP-1). */
export default defineView<PageHealthModel>('page-health', ({ model }) =>
  model.status === 'ok' ? (
    <section class="health" data-health="ok" aria-label="Sidläsning">
      <span class="chip match">Sidan läses</span>
    </section>
  ) : (
    <section class="card" aria-label="Sidläsning" data-health="degraded">
      <span class="chip warning">Sidan läses delvis</span>
      <p style="margin:6px 0 0">
        Kunde inte läsa: {model.unread.map((d) => `${d.name} (${d.why})`).join(', ')}. Kontrollera dessa uppgifter själv
        i Clinic.
      </p>
    </section>
  ),
);
