import { render } from 'preact';
import { ticketVisitNotice } from '../../shared/routine/ticket';
import { type Field, readTicketVisit, readVidimering, type TicketVisit, type VidimeringState } from '../clinic';
import { RuleText } from '../lib/rule-ref';
import type { Feature } from './feature';

/**
 * The receiving unit's side of a ticket. A visit that came by a ticket: the patient's answers to
 * the post-triage questions are already notes in Clinic, so the note in Cosmic must not document
 * them twice (R-J-7). An unused ticket's *Vidimeringspost*: confirm it with *Vidimera*, and do not
 * follow it up (R-T-2).
 */
export const VIDIMERING_TEXT: Record<VidimeringState | 'unknown', string> = {
  pending: 'Biljetten användes inte. Bekräfta posten med Vidimera – den ska inte följas upp (R-T-2).',
  done: 'Vidimerad. Den oanvända biljetten ska inte följas upp (R-T-2).',
  unknown:
    'Vidimeringspostens status kunde inte läsas: vidimera den om det inte redan är gjort. Den ska inte följas upp (R-T-2).',
};

function View({ vidimering, ticket }: { vidimering: Field<VidimeringState> | null; ticket: TicketVisit | null }) {
  if (vidimering) {
    const state = vidimering.known ? vidimering.value : 'unknown';
    return (
      <section class="card" aria-label="Vidimering" data-ticket-receiving={`vidimering-${state}`}>
        <h2>Oanvänd biljett</h2>
        <p class={state === 'done' ? 'alert info' : 'alert warning'}>
          <RuleText text={VIDIMERING_TEXT[state]} />
        </p>
      </section>
    );
  }
  if (!ticket) return null;
  return (
    <section class="card" aria-label="Besök via biljett" data-ticket-receiving="ticket-visit">
      <h2>Besök via biljett</h2>
      <p class="alert info">
        <RuleText
          text={ticketVisitNotice(ticket.fromUnit, ticket.postTriageNotes.known ? ticket.postTriageNotes.value : null)}
        />
      </p>
    </section>
  );
}

const ticketReceiving: Feature = {
  id: 'ticket-receiving',
  title: 'Biljetter hos mottagande vårdenhet: vidimering och posttriagesvar',
  rules: ['R-T-2', 'R-J-7'],
  init(ctx, signal) {
    let last = '';
    const draw = () => {
      if (signal.aborted) return;
      const s = ctx.snapshot();
      const vidimering = readVidimering(document);
      const read = s.route === 'visit' ? readTicketVisit(document, ctx.registry()) : null;
      const ticket = read?.known ? read.value : null;
      const key = JSON.stringify([vidimering, ticket]);
      if (key === last) return;
      last = key;
      render(<View vidimering={vidimering} ticket={ticket} />, ctx.ui.slot('ticket-receiving'));
    };
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default ticketReceiving;
