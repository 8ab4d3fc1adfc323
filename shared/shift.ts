/**
 * The shift guard's rules (R-S-2, R-S-3, R-S-4), pure: what to tell the clinician from what the
 * console and the bridge show. Anything that could not be read is "unknown" and never turns into
 * a reassurance ("no open cases") or an alarm built on a guess ("someone else's card").
 */

export type ShiftState = 'ongoing' | 'none' | 'unknown';
/** The SITHS card as the bridge reports it; 'unknown' when the bridge is not reachable. */
export type CardPresence = 'present' | 'absent' | 'unknown';

/** R-S-2: pulling the card does not end the shift; only a known ongoing shift and a known empty reader warn. */
export function cardPulledDuringShift(shift: ShiftState, card: CardPresence): boolean {
  return shift === 'ongoing' && card === 'absent';
}

export type IdentityVerdict = 'same' | 'different' | 'unknown';

/** Words of a name, lower-cased, hyphenated parts kept whole ("Öberg-Testläkare"). */
function nameWords(name: string): string[] {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .split(/[\s,]+/u)
    .filter(Boolean)
    .sort();
}

/**
 * Is the card's holder the clinician logged into the console? The console shows first and last
 * name; the card's name may add a middle name, so the console's words must all be on the card.
 * Either name unreadable → unknown (no warning built on a guess).
 */
export function sameClinician(cardName: string | null, consoleName: string | null): IdentityVerdict {
  if (!cardName?.trim() || !consoleName?.trim()) return 'unknown';
  const card = new Set(nameWords(cardName));
  const shown = nameWords(consoleName);
  return shown.every((w) => card.has(w)) ? 'same' : 'different';
}

export interface ChecklistInput {
  /** Own open cases as the Startsida lists them; null = not read (unknown, never "none"). */
  ownOpenCases: readonly string[] | null;
  /** Cases waiting in Drop in; null = not read. */
  waitingDropIn: number | null;
  phrases: { pauseNotice: string; handoverNotice: string; urgentAdvice: string };
}

export interface ChecklistItem {
  rule: 'R-S-3';
  text: string;
  /** true: done, false: to do, null: could not be read. */
  done: boolean | null;
  /** Cases to deal with, or phrases to send. */
  details: string[];
}

/** R-S-3: before "Avsluta skift" — own cases empty, Drop in seen to, patients told. */
export function endShiftChecklist(input: ChecklistInput): ChecklistItem[] {
  const own = input.ownOpenCases;
  const items: ChecklistItem[] = [
    own === null
      ? {
          rule: 'R-S-3',
          text: 'Dina egna ärenden: okänt – öppna Startsida och kontrollera Mina ärenden innan du avslutar skiftet.',
          done: null,
          details: [],
        }
      : own.length === 0
        ? { rule: 'R-S-3', text: 'Inga egna ärenden är öppna.', done: true, details: [] }
        : {
            rule: 'R-S-3',
            text: `${own.length} egna ärenden är öppna: lämna över eller pausa dem innan du avslutar skiftet.`,
            done: false,
            details: [...own],
          },
    input.waitingDropIn === null
      ? { rule: 'R-S-3', text: 'Väntar i kö (Drop in): okänt antal.', done: null, details: [] }
      : input.waitingDropIn === 0
        ? { rule: 'R-S-3', text: 'Inga ärenden väntar i Drop in.', done: true, details: [] }
        : {
            rule: 'R-S-3',
            text: `${input.waitingDropIn} ärenden väntar i Drop in: se till att en kollega i tjänst tar dem.`,
            done: false,
            details: [],
          },
  ];
  if (own === null || own.length > 0) {
    items.push(
      {
        rule: 'R-S-3',
        text: 'Berätta för patienten i chatten att ärendet lämnas över eller pausas:',
        done: false,
        details: [input.phrases.handoverNotice, input.phrases.pauseNotice],
      },
      {
        rule: 'R-S-3',
        text: 'Brådskande patienter: hänvisa till 1177 eller en akutmottagning:',
        done: false,
        details: [input.phrases.urgentAdvice],
      },
    );
  }
  return items;
}

export interface NotificationsNotice {
  rule: 'R-S-4';
  get: string[];
  notGet: string[];
}

const SHIFT_SMS = ['nya asynkrona meddelanden', 'nya patienter i kön', 'bokade besök'];
const ALWAYS_SMS = 'oavslutade synkrona ärenden (aviserar alltid)';

/**
 * R-S-4: SMS for new asynchronous messages, new patients and scheduled visits come only with an
 * ongoing shift, whether or not the clinician looks logged in (R-S-2); an unclosed synchronous
 * case notifies regardless. Said when the two differ from what the clinician may expect:
 * logged out with a shift, or logged in without one. Unknown → nothing said.
 */
export function notificationsNotice(loggedIn: boolean | null, shift: ShiftState): NotificationsNotice | null {
  if (loggedIn === null || shift === 'unknown') return null;
  if (!loggedIn && shift === 'ongoing') return { rule: 'R-S-4', get: [...SHIFT_SMS, ALWAYS_SMS], notGet: [] };
  if (loggedIn && shift === 'none') return { rule: 'R-S-4', get: [ALWAYS_SMS], notGet: [...SHIFT_SMS] };
  return null;
}

/** The notice as one sentence for the panel. */
export function notificationsText(notice: NotificationsNotice): string {
  const get = `Du får SMS om: ${notice.get.join(', ')}.`;
  return notice.notGet.length > 0 ? `${get} Du får inte SMS om: ${notice.notGet.join(', ')} (inget skift pågår).` : get;
}
