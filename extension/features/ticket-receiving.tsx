import { readTicketVisit, readVidimering, type VidimeringState } from '../clinic';
import { t } from '../lib/i18n';
import type { Feature } from './feature';

/**
 * The side panel's card (views/ticket-receiving.tsx), as read: a vidimeringspost's status, or a
 * visit by ticket (its sending unit, how many post-triage notes; null: unreadable). The side
 * panel words it (shared/routine/ticket.ts).
 */
export type TicketReceivingModel =
  | { vidimering: VidimeringState | 'unknown' }
  | { ticketVisit: { fromUnit: string; notes: number | null } };

/**
 * The receiving unit's side of a ticket. A visit that came by a ticket: the patient's answers to
 * the post-triage questions are already notes in Clinic, so the note in Cosmic must not document
 * them twice (R-J-7). An unused ticket's *Vidimeringspost*: confirm it with *Vidimera*, and do not
 * follow it up (R-T-2).
 */
const ticketReceiving: Feature = {
  id: 'ticket-receiving',
  title: t('ticket_receivingTitle'),
  rules: ['R-T-2', 'R-J-7'],
  init(ctx, signal) {
    const model = (): TicketReceivingModel | null => {
      const vidimering = readVidimering(document);
      if (vidimering) return { vidimering: vidimering.known ? vidimering.value : 'unknown' };
      const read = ctx.snapshot().route === 'visit' ? readTicketVisit(document, ctx.registry()) : null;
      if (!read?.known || !read.value) return null;
      const { fromUnit, postTriageNotes } = read.value;
      return { ticketVisit: { fromUnit, notes: postTriageNotes.known ? postTriageNotes.value : null } };
    };
    const draw = () => {
      if (!signal.aborted) ctx.panel.show(model());
    };
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default ticketReceiving;
