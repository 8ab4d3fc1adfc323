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

/** Who is in the visit, as read (R-C-1). `mine`: the case is mine (null: unreadable). */
export interface ColleagueView {
  invited: readonly string[];
  mine: boolean | null;
  owner: string | null;
  me: string | null;
}

const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('sv') === b.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('sv');

/** Which R-C-1 reminder applies: the extension words it by `id` (colleagueReminder says it in Swedish). */
export type ColleagueCase =
  | { id: 'guest'; owner: string | null }
  | { id: 'inviter'; names: string }
  | { id: 'neutral'; names: string };

export function colleagueCase(view: ColleagueView): ColleagueCase | null {
  const { invited, mine, owner, me } = view;
  if (me && mine === false && invited.some((n) => sameName(n, me))) return { id: 'guest', owner };
  if (invited.length === 0) return null;
  const names = invited.join(', ');
  return mine === true ? { id: 'inviter', names } : { id: 'neutral', names };
}

/**
 * R-C-1: an invited colleague can do all but close; the case and the journal stay the inviter's.
 * Said when someone is invited: to the inviter (still yours), to the guest (all but closing), and
 * in neutral words when whose case it is could not be read. Nobody invited → nothing.
 */
export function colleagueReminder(view: ColleagueView): string | null {
  const c = colleagueCase(view);
  if (c === null) return null;
  if (c.id === 'guest')
    return `Du är inbjuden i besöket: du kan använda alla funktioner utom att avsluta det. ${
      c.owner ?? 'Den som bjöd in'
    } är fortsatt ansvarig för ärendet och journalföringen (R-C-1).`;
  if (c.id === 'inviter')
    return `Du har bjudit in ${c.names}. Kollegan kan använda alla funktioner utom att avsluta. Ärendet och journalen är fortfarande dina (R-C-1).`;
  return `Inbjuden kollega: ${c.names}. En inbjuden kollega kan använda alla funktioner utom att avsluta; ärendet och journalen stannar hos den som bjöd in (R-C-1).`;
}
