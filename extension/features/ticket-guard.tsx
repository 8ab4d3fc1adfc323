import type { TicketFacts } from '../../shared/routine/ticket';
import { readTicketDialog } from '../clinic';
import { onFormEdits } from '../lib/form-edits';
import { t } from '../lib/i18n';
import type { Feature } from './feature';

/**
 * The side panel's card (views/ticket-guard.tsx), while "Boka biljett" is open: the dialog's
 * fields and the chat's state as read; the side panel applies R-T-1 (ticketRemarks).
 */
export interface TicketGuardModel {
  facts: TicketFacts;
}

/** R-T-1 while "Boka biljett" is open: the resource, the required fields and the chat to close after. */
const ticketGuard: Feature = {
  id: 'ticket-guard',
  title: t('ticket_guardTitle'),
  rules: ['R-T-1'],
  init(ctx, signal) {
    const draw = () => {
      if (signal.aborted) return;
      const dialog = readTicketDialog(document);
      const s = ctx.snapshot();
      const chatClosed = s.visitState.known ? s.visitState.value === 'closed' : null;
      ctx.panel.show(dialog ? ({ facts: { ...dialog, chatClosed } } satisfies TicketGuardModel) : null);
    };
    ctx.onSnapshot(draw, signal);
    // The dialog's choices and typed fields change no markup: follow the edits themselves.
    onFormEdits(document, draw, signal);
    draw();
  },
};

export default ticketGuard;
