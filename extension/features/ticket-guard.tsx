import { render } from 'preact';
import { ticketRemarks } from '../../shared/routine/ticket';
import { readTicketDialog } from '../clinic';
import { RuleRef, RuleText } from '../lib/rule-ref';
import type { Feature } from './feature';

/** R-T-1 while "Boka biljett" is open: the resource, the required fields and the chat to close after. */
const ticketGuard: Feature = {
  id: 'ticket-guard',
  title: 'Kontrollera biljetten till vårdcentralen',
  rules: ['R-T-1'],
  init(ctx, signal) {
    let last = '';
    const draw = () => {
      if (signal.aborted) return;
      const dialog = readTicketDialog(document);
      const s = ctx.snapshot();
      const remarks = dialog
        ? ticketRemarks({ ...dialog, chatClosed: s.visitState.known ? s.visitState.value === 'closed' : null })
        : null;
      const key = JSON.stringify(remarks);
      if (key === last) return;
      last = key;
      render(
        remarks ? (
          <section class="card" aria-label="Boka biljett" data-ticket-guard="remarks">
            <h2>Biljett</h2>
            <ul class="items">
              {remarks.map((r) => (
                <li key={r.field} class={r.kind === 'wrong' ? 'alert warning' : 'alert info'}>
                  <RuleText text={r.text} />
                </li>
              ))}
            </ul>
            <p class="rule-line">
              <RuleRef ids={['R-T-1']} />
            </p>
          </section>
        ) : null,
        ctx.ui.slot('ticket-guard'),
      );
    };
    ctx.onSnapshot(draw, signal);
    for (const type of ['change', 'input']) document.addEventListener(type, draw, { signal, capture: true });
    draw();
  },
};

export default ticketGuard;
