/**
 * R-HO-1..3, pure: what to say while the clinician fills in "Lämna över besök". A receiver the
 * page did not let us read is unknown (no warning and no reassurance built on it).
 */
export type Receiver = { kind: 'role' | 'person'; name: string };

export interface HandoverAdvice {
  /** R-HO-1: a specific person was chosen. */
  personWarning: string | null;
  /** R-HO-1: the receiver could not be read. */
  unknownReceiver: string | null;
  /** R-HO-2: what to tell the patient (paused or handed over). */
  tellPatient: { text: string; phrases: string[] };
  /** R-HO-3: when nobody in the role is on duty. */
  nobodyOnDuty: string;
  /** R-HO-1: ownership until accepted. */
  ownership: string;
}

export function handoverAdvice(
  receiver: Receiver | null,
  phrases: { handoverNotice: string; pauseNotice: string },
): HandoverAdvice {
  return {
    personWarning:
      receiver?.kind === 'person'
        ? `Du lämnar över till en person (${receiver.name}), inte till en roll. Lämna hellre över till en roll i den egna vårdenheten, så att den som är i tjänst kan ta emot ärendet (R-HO-1).`
        : null,
    unknownReceiver:
      receiver === null ? 'Mottagaren kunde inte läsas: kontrollera själv att du väljer en roll (R-HO-1).' : null,
    tellPatient: {
      text: 'Berätta för patienten i chatten att ärendet lämnas över eller pausas (R-HO-2):',
      phrases: [phrases.handoverNotice, phrases.pauseNotice],
    },
    nobodyOnDuty:
      'Finns ingen kollega i rollen i tjänst och kan ärendet inte avslutas i dag: avsluta det i 1177 direkt och boka patienten en tid i Cosmic (R-HO-3).',
    ownership:
      'Ärendet är ditt tills mottagaren har tagit emot det: det står som "väntar på mottagare" till dess (R-HO-1).',
  };
}

/** R-HO-1: the headline while a handover waits for its receiver. */
export const WAITING_FOR_RECEIVER = 'Väntar på mottagare – ärendet är ditt tills det tas emot';

/**
 * R-HO-1 on the visit while a handover waits: `mine` true (I handed it over) → it is still mine;
 * null (the owner or my name unreadable) → whoever handed it over owns it, said without "ditt";
 * false (someone else's) → who owns it until the receiver accepts.
 */
export function pendingHandoverText(receiver: string, mine: boolean | null, owner: string | null): string {
  const id = pendingHandoverId(mine, owner);
  if (id === 'mine')
    return `${WAITING_FOR_RECEIVER}. Lämnat över till ${receiver}: tills mottagaren väljer Ta emot äger du ärendet och chatten – svara patienten om hen skriver (R-HO-1).`;
  if (id === 'owner-unread')
    return `Överlämnat till ${receiver}, väntar på mottagare. Den som lämnade över äger ärendet tills det tas emot; vem det är kunde inte läsas (R-HO-1).`;
  return `Överlämnat till ${receiver}, väntar på mottagare. ${owner ?? 'Den som lämnade över'} äger ärendet tills det tas emot (R-HO-1).`;
}

/** Which of pendingHandoverText's sentences applies, for the extension to word (issue 14). */
export type PendingHandoverId = 'mine' | 'owner-unread' | 'other' | 'other-no-owner';

export function pendingHandoverId(mine: boolean | null, owner: string | null): PendingHandoverId {
  if (mine === true) return 'mine';
  if (mine === null) return 'owner-unread';
  return owner === null ? 'other-no-owner' : 'other';
}

/** R-HO-1 on *Mina aktuella*: the clinician's own handovers not yet accepted. */
export function pendingListText(count: number): string {
  return count === 1
    ? `${WAITING_FOR_RECEIVER}: ett ärende du lämnat över är inte mottaget än (R-HO-1).`
    : `${WAITING_FOR_RECEIVER}: ${count} ärenden du lämnat över är inte mottagna än (R-HO-1).`;
}
