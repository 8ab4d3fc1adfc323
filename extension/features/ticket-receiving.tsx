import { ticketVisitNotice } from '../../shared/routine/ticket';
import { readTicketVisit, readVidimering, type VidimeringState } from '../clinic';
import type { Feature } from './feature';

export const VIDIMERING_TEXT: Record<VidimeringState | 'unknown', string> = {
  pending: 'Biljetten användes inte. Bekräfta posten med Vidimera – den ska inte följas upp (R-T-2).',
  done: 'Vidimerad. Den oanvända biljetten ska inte följas upp (R-T-2).',
  unknown:
    'Vidimeringspostens status kunde inte läsas: vidimera den om det inte redan är gjort. Den ska inte följas upp (R-T-2).',
};

/** The side panel's card (views/ticket-receiving.tsx): a vidimeringspost, or a visit by ticket. */
export type TicketReceivingModel = { vidimering: VidimeringState | 'unknown'; text: string } | { ticketVisit: string };

/**
 * The receiving unit's side of a ticket. A visit that came by a ticket: the patient's answers to
 * the post-triage questions are already notes in Clinic, so the note in Cosmic must not document
 * them twice (R-J-7). An unused ticket's *Vidimeringspost*: confirm it with *Vidimera*, and do not
 * follow it up (R-T-2).
 */
const ticketReceiving: Feature = {
  id: 'ticket-receiving',
  title: 'Biljetter hos mottagande vårdenhet: vidimering och posttriagesvar',
  rules: ['R-T-2', 'R-J-7'],
  init(ctx, signal) {
    const model = (): TicketReceivingModel | null => {
      const vidimering = readVidimering(document);
      if (vidimering) {
        const state = vidimering.known ? vidimering.value : 'unknown';
        return { vidimering: state, text: VIDIMERING_TEXT[state] };
      }
      const read = ctx.snapshot().route === 'visit' ? readTicketVisit(document, ctx.registry()) : null;
      if (!read?.known || !read.value) return null;
      const { fromUnit, postTriageNotes } = read.value;
      return { ticketVisit: ticketVisitNotice(fromUnit, postTriageNotes.known ? postTriageNotes.value : null) };
    };
    const draw = () => {
      if (!signal.aborted) ctx.panel.show(model());
    };
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default ticketReceiving;
