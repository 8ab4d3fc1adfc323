/**
 * The visit's routine (R-Q-2, R-V-1, R-V-2, R-C-1), pure: the steps and phrases the visit card
 * shows. Unknown facts (presence, priority) are said to be unknown, never assumed.
 */

/** R-Q-2: the triage priority is checked against the answers (denied ones included). */
export function priorityCheckText(priority: number | null, checked: boolean): string {
  const shown = priority === null ? 'okänd prioritet' : `prioritet ${priority}`;
  return checked
    ? `Prioritet kontrollerad mot svaren (${shown}).`
    : `Kontrollera att ${shown} stämmer med patientens svar och fritext – även nekade svar i Originalsvar. Ändra prioriteten om den inte stämmer (R-Q-2).`;
}

/** R-V-1: the patient fee, told before a video meeting. */
export const PATIENT_FEE_PHRASE =
  'Innan vi startar videomötet vill jag berätta att ett videomöte kan innebära en patientavgift.';

export interface CallReadiness {
  /** true: the page says online; false: offline; null: unknown. */
  online: boolean | null;
  text: string;
  phrase: string;
}

/** R-V-1: video or audio needs the patient online; tell them of a possible fee first. */
export function callReadiness(online: boolean | null): CallReadiness {
  const text =
    online === true
      ? 'Patienten är online: video- och ljudsamtal går att starta. Berätta först om en eventuell patientavgift (R-V-1).'
      : online === false
        ? 'Patienten är inte online: video- och ljudsamtal fungerar inte nu. Skriv i chatten eller ring patienten (R-V-1).'
        : 'Om patienten är online kunde inte läsas: kontrollera det innan du startar video eller ljud (R-V-1).';
  return { online, text, phrase: PATIENT_FEE_PHRASE };
}

/** R-V-2: only Swedish / easy Swedish; with communication difficulties, call or refer. */
export const COMMUNICATION_ROUTINE =
  'Svårt att förstå varandra i chatten? Ring patienten, eller hänvisa till den fysiska mottagningen (R-V-2).';
export const COMMUNICATION_PHRASE =
  'Jag har svårt att förstå dig här i chatten. Jag ringer upp dig, eller så hjälper jag dig att få kontakt med din vårdcentral.';

/** R-C-1: an invited colleague can do all but close; the case and the journal stay the inviter's. */
export const COLLEAGUE_REMINDER =
  'Bjuder du in en kollega kan kollegan använda alla funktioner utom att avsluta. Ärendet och journalen är fortfarande dina (R-C-1).';
