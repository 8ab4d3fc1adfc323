/**
 * R-T-1, pure: a drop-in ticket (1177 på telefon) goes to *Sjuksköterska* at the vårdcentral, or
 * to *Medicinsk admin* when administrative; it has a sökorsak, a validity and the anamnesis; the
 * chat is closed before the patient can activate it. Undefined: not on the page; null: unreadable.
 */
export interface TicketFacts {
  resource: string | null;
  administrative: boolean | null;
  reason?: string | null;
  validUntil?: string | null;
  anamnesis?: string | null;
  /** The visit's chat is closed (null: unknown). */
  chatClosed: boolean | null;
}

export interface TicketRemark {
  rule: 'R-T-1';
  field: 'resource' | 'reason' | 'validUntil' | 'anamnesis' | 'chat';
  kind: 'wrong' | 'todo' | 'unknown';
  /** Which sentence it is, for the extension to word in the browser's language (issue 14). */
  id: TicketRemarkId;
  /** The resource as read, for the 'resource-wrong-*' sentences. */
  now?: string;
  text: string;
}

export type TicketRemarkId =
  | 'resource-unknown'
  | 'resource-wrong-admin'
  | 'resource-wrong-unit'
  | `${'reason' | 'validUntil' | 'anamnesis'}-${'unknown' | 'todo'}`
  | 'chat-open';

export function ticketRemarks(f: TicketFacts): TicketRemark[] {
  const out: TicketRemark[] = [];
  const say = (
    field: TicketRemark['field'],
    kind: TicketRemark['kind'],
    id: TicketRemarkId,
    text: string,
    now?: string,
  ) => out.push({ rule: 'R-T-1', field, kind, id, ...(now === undefined ? {} : { now }), text });
  const wanted = f.administrative === true ? 'Medicinsk admin' : 'Sjuksköterska';
  if (f.resource === null || f.administrative === null)
    say(
      'resource',
      'unknown',
      'resource-unknown',
      'Resursen kunde inte läsas: kontrollera att den är Sjuksköterska (Medicinsk admin för administrativa biljetter).',
    );
  else if (f.resource !== wanted)
    say(
      'resource',
      'wrong',
      f.administrative ? 'resource-wrong-admin' : 'resource-wrong-unit',
      `Resursen ska vara ${wanted}${f.administrative ? ' för en administrativ biljett' : ' på vårdcentralen'} (nu: ${f.resource}).`,
      f.resource,
    );
  const filled = (field: 'reason' | 'validUntil' | 'anamnesis', label: string) => {
    const v = f[field];
    if (v === null) say(field, 'unknown', `${field}-unknown`, `${label}: okänt – kontrollera själv.`);
    else if (v !== undefined && v.trim() === '') say(field, 'todo', `${field}-todo`, `${label} saknas.`);
  };
  filled('reason', 'Sökorsak');
  filled('validUntil', 'Giltighetstid');
  filled('anamnesis', 'Anamnes (klistras in, visas inte för patienten)');
  if (f.chatClosed !== true)
    say(
      'chat',
      f.chatClosed === null ? 'unknown' : 'todo',
      'chat-open',
      'Avsluta chatten efter bokningen: patienten kan inte aktivera biljetten förrän chatten är stängd.',
    );
  return out;
}

/**
 * R-J-7 at the receiving unit: a visit that came by a ticket has the patient's post-triage answers
 * as notes in Clinic already, so the note in Cosmic must not document them twice. `notes`: how
 * many such notes the page shows (null: unreadable).
 */
export function ticketVisitNotice(fromUnit: string, notes: number | null): string {
  const count = notes === null ? '' : ` (${notes} st)`;
  return `Besöket kom via biljett från ${fromUnit}. Patientens svar på posttriagefrågorna finns som anteckningar i Clinic${count}: dokumentera dem inte dubbelt i Cosmic (R-J-7).`;
}

/** R-T-2 at the receiving unit: an unused ticket's *Vidimeringspost*, by its status as read. */
export const VIDIMERING_TEXT: Record<'pending' | 'done' | 'unknown', string> = {
  pending: 'Biljetten användes inte. Bekräfta posten med Vidimera – den ska inte följas upp (R-T-2).',
  done: 'Vidimerad. Den oanvända biljetten ska inte följas upp (R-T-2).',
  unknown:
    'Vidimeringspostens status kunde inte läsas: vidimera den om det inte redan är gjort. Den ska inte följas upp (R-T-2).',
};
