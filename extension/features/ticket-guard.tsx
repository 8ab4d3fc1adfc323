import { type TicketRemark, ticketRemarks } from '../../shared/routine/ticket';
import { readTicketDialog } from '../clinic';
import type { Feature } from './feature';

/** The side panel's card (views/ticket-guard.tsx): shown while "Boka biljett" is open. */
export interface TicketGuardModel {
  remarks: TicketRemark[];
}

/** R-T-1 while "Boka biljett" is open: the resource, the required fields and the chat to close after. */
const ticketGuard: Feature = {
  id: 'ticket-guard',
  title: 'Kontrollera biljetten till vårdcentralen',
  rules: ['R-T-1'],
  init(ctx, signal) {
    const draw = () => {
      if (signal.aborted) return;
      const dialog = readTicketDialog(document);
      const s = ctx.snapshot();
      const remarks = dialog
        ? ticketRemarks({ ...dialog, chatClosed: s.visitState.known ? s.visitState.value === 'closed' : null })
        : null;
      ctx.panel.show(remarks ? ({ remarks } satisfies TicketGuardModel) : null);
    };
    ctx.onSnapshot(draw, signal);
    for (const type of ['change', 'input']) document.addEventListener(type, draw, { signal, capture: true });
    draw();
  },
};

export default ticketGuard;
