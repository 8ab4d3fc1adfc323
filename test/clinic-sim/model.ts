/**
 * The simulator's state model, shared by the server (which owns the state) and the page bundle
 * (which renders it). Browser-safe: no node imports.
 */

export type CaseState = 'waiting' | 'accepted' | 'ongoing' | 'closed';
export type HeaderVariant = 'normal' | 'no-id' | 'two-ids' | 'no-name';
export type Priority = 1 | 2 | 3 | 4 | 5;
export type MessageAuthor = 'patient' | 'clinician' | 'system';
export type CallKind = 'audio' | 'video';

/** Markup variants of the console the default page adapter must read (README, "Skins"). */
export const SKINS = ['dl', 'regions', 'tables', 'grid'] as const;
/** A well-formed console in words outside the default vocabulary: readable only with a rule set. */
export const FOREIGN_SKIN = 'foreign';
export const ALL_SKINS = [...SKINS, FOREIGN_SKIN] as const;
export type SkinName = (typeof ALL_SKINS)[number];

export interface SimGuardian {
  name: string;
  /** As shown: YYYYMMDD-NNNN. */
  personnummer: string;
  /** R-GU-1: the guardian who booked the visit. */
  responsible: boolean;
}

export interface SimPatient {
  name: string;
  /** As shown in the visit header: YYYYMMDD-NNNN. Only Skatteverket test numbers. */
  personnummer: string;
  guardians?: SimGuardian[];
  protectedIdentity?: boolean;
}

export interface QA {
  question: string;
  answer: string;
}

export interface SimImage {
  name: string;
  alt: string;
}

export interface SimMessage {
  id: string;
  author: MessageAuthor;
  authorName: string;
  text: string;
  images: SimImage[];
  /** ISO instant. */
  at: string;
}

export interface SimCase {
  id: string;
  /** The scenario patient key (test/fixtures/patients.ts), when created from one. */
  patientKey: string | null;
  patient: SimPatient;
  priority: Priority | null;
  /** Sökorsak. */
  reason: string;
  anamnesis: QA[];
  /** The complete interview ("Originalsvar"), including denied answers. */
  originalAnswers: QA[];
  /** Images sent during triage / post-triage ("Uppladdningar"). */
  uploads: SimImage[];
  /** Vårdenhet and vårdroll whose queue the case is in. */
  unit: string;
  role: string;
  arrivedAt: string;
  acceptedAt: string | null;
  startedAt: string | null;
  closedAt: string | null;
  /** R-A-1: until when the patient may answer asynchronously after closing. */
  asyncUntil: string | null;
  state: CaseState;
  /** Name of the clinician who accepted (owns) the case. */
  assignedTo: string | null;
  online: boolean;
  /** Shows the "Skyddade personuppgifter" marker. */
  protected: boolean;
  headerVariant: HeaderVariant;
  messages: SimMessage[];
  /** A video/audio call in progress, started from the page. */
  call: { kind: CallKind; startedAt: string } | null;
  /** Came by a ticket from another unit (null: an ordinary drop-in visit). */
  ticket: SimTicket | null;
  /**
   * R-HO-1: handed over to a role in the own unit (or a colleague by name), waiting for a receiver;
   * `assignedTo` (the one who handed over) owns the case until then.
   */
  handover: { toRole: string; message: string; at: string } | null;
  /**
   * R-C-1: colleagues invited to the visit (*Bjud in kollega*): they can use every function but
   * closing; the case and the journal stay `assignedTo`'s.
   */
  invited: string[];
  /** R-A-1: *Markera som klar* in the asynchronous phase (→ *Kräver ingen åtgärd*); null: not done. */
  asyncDoneAt: string | null;
  /** R-J-1: the visit note checked and *Signera och exportera* clicked (closed visits); null: not yet. */
  signedAt: string | null;
}

/** A note in Clinic (the receiving unit sees the patient's post-triage answers as notes, R-J-7). */
export interface SimNote {
  title: string;
  at: string;
  answers: QA[];
}

/**
 * A visit that came by a ticket from another unit (1177 på telefon, R-T-1): the receiving unit
 * sees no triage results or chat history from the sender, and the post-triage answers as notes.
 */
export interface SimTicket {
  fromUnit: string;
  notes: SimNote[];
}

/**
 * An unused ticket's *vidimeringspost* at the unit and role it was issued to (R-T-2): confirmed
 * with *Vidimera*, never followed up.
 */
export interface SimVidimering {
  id: string;
  patient: { name: string; personnummer: string };
  fromUnit: string;
  unit: string;
  role: string;
  reason: string;
  validUntil: string;
  vidimeradAt: string | null;
  vidimeradBy: string | null;
}

export type SessionStage = 'logged-out' | 'choose-unit' | 'choose-shift-type' | 'in';

export interface SimSession {
  stage: SessionStage;
  unit: string | null;
  role: string | null;
  shift: 'none' | 'ongoing';
  shiftStartedAt: string | null;
  shiftType: string | null;
  /** Lastbalanserare (R-S-1: should be off). */
  loadBalancer: boolean;
  /** After the first login the shift-type dialog is not shown again. */
  shiftTypeChosen: boolean;
}

export interface SimProfile {
  firstName: string;
  lastName: string;
  title: string;
  mobile: string;
}

export interface SimState {
  /** Bumped on every change. */
  version: number;
  seed: string;
  /** The simulator clock's "now" (ISO) when the state was produced. */
  now: string;
  /** true: the clock follows real time (plus any offset); false: frozen until moved. */
  clockRunning: boolean;
  session: SimSession;
  profile: SimProfile;
  /** The global filter (Vårdenhet, Vårdroll). */
  filter: { unit: string; role: string };
  cases: SimCase[];
  /** Unused tickets' vidimeringsposter (R-T-2), at the unit and role they were issued to. */
  vidimeringar: SimVidimering[];
  /** Which markup the page is drawn in (the same facts in every skin). */
  skin: SkinName;
}

export const UNITS = ['1177 direkt Uppsala län', 'Testviken hälsocentral'] as const;
export const ROLES = ['Sjuksköterska', 'Läkare', 'Psykolog', 'Fysioterapeut', 'Medicinsk admin'] as const;
/** The login's "Vårdenhet och roll" choices. */
export const UNIT_ROLE_CHOICES: ReadonlyArray<{ unit: string; role: string }> = [
  { unit: '1177 direkt Uppsala län', role: 'Sjuksköterska' },
  { unit: '1177 direkt Uppsala län', role: 'Läkare' },
  { unit: 'Testviken hälsocentral', role: 'Sjuksköterska' },
  { unit: 'Testviken hälsocentral', role: 'Läkare' },
];
/** Colleagues in the own unit, offered by name in "Välj resurs" (R-HO-1 says: prefer a role). */
export const COLLEAGUES: ReadonlyArray<{ name: string; role: string }> = [
  { name: 'Lars Läkarsson', role: 'Läkare' },
  { name: 'Petra Psykologsson', role: 'Psykolog' },
];
export const SHIFT_TYPES = ['Primärjour', 'Sekundärjour', 'Bakjour', 'Koordinator'] as const;

export const DEFAULT_PROFILE: SimProfile = {
  firstName: 'Sara',
  lastName: 'Sjuksköterska',
  title: 'Sjuksköterska',
  mobile: '',
};

/** The 1177 descriptions of the triage priorities. */
export const PRIORITY_TEXT: Record<Priority, string> = {
  1: 'Omedelbart',
  2: 'Inom några timmar',
  3: 'Inom ett dygn',
  4: 'Inom en vecka',
  5: 'Egenvård / kan vänta',
};

export const CASE_STATE_TEXT: Record<CaseState, string> = {
  waiting: 'Väntar i kö',
  accepted: 'Mottagen',
  ongoing: 'Pågående',
  closed: 'Avslutat',
};

export const AUTHOR_ROLE_TEXT: Record<MessageAuthor, string> = {
  patient: 'Patient',
  clinician: 'Vårdpersonal',
  system: 'System',
};

/** Author name shown on system messages. */
export const SYSTEM_AUTHOR = '1177 direkt';

/** R-A-1: how long the patient may answer asynchronously after closing. */
export const ASYNC_CHOICES: ReadonlyArray<{ days: number; label: string }> = [
  { days: 0, label: 'Ingen asynkron fas' },
  { days: 1, label: '1 dygn' },
  { days: 3, label: '3 dygn' },
  { days: 7, label: '7 dygn' },
  { days: 14, label: '14 dygn' },
];

export const PHRASES: ReadonlyArray<{ title: string; text: string }> = [
  {
    title: 'Hälsning',
    text: 'Hej! Mitt namn är {clinician} och jag är {title} på 1177 direkt. Jag har läst dina svar och har några frågor.',
  },
  {
    title: 'Svara inom två timmar',
    text: 'Vi har inte fått något svar från dig. Du behöver svara inom två (2) timmar, annars avslutas ärendet och du får göra en ny kontakt om besvären kvarstår eller försämras.',
  },
  {
    title: 'Inget svar – avslut',
    text: 'Vi har försökt nå dig utan att få svar och avslutar därför ärendet. Kontakta 1177 på telefon eller en akutmottagning om du behöver hjälp snabbt.',
  },
  {
    title: 'Överlämning',
    text: 'Ditt ärende lämnas nu över till en kollega som fortsätter besöket med dig.',
  },
  {
    title: 'Egenvårdsråd',
    text: 'Vila, drick mycket och ta febernedsättande vid behov. Hör av dig igen om du blir sämre.',
  },
];

export const FORMS: readonly string[] = ['Hudbesvär', 'Urinvägsbesvär', 'Samtycke till delning av journal', 'PHQ-9'];

export const TIME_ZONE = 'Europe/Stockholm';

const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, day: 'numeric', month: 'short' });
const ymdFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2024-06-03" in Swedish time. */
export function swedishDate(ms: number): string {
  return ymdFormat.format(ms);
}

/** "09:05" in Swedish time; "2 juni 14:05" style when not on the day of `nowMs`. */
export function formatClock(ms: number, nowMs: number): string {
  const time = timeFormat.format(ms);
  return swedishDate(ms) === swedishDate(nowMs) ? time : `${dayFormat.format(ms)} ${time}`;
}

/** "12 min", "1 tim 5 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} tim` : `${h} tim ${m} min`;
}

/** Birth date parts of a YYYYMMDD-NNNN number (samordningsnummer: day + 60). */
export function birthDate(personnummer: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(personnummer);
  if (!match) return null;
  const d = Number(match[3]);
  return { y: Number(match[1]), m: Number(match[2]), d: d > 60 ? d - 60 : d };
}

/** Whole years of age at `nowMs` (Swedish date). */
export function ageYears(personnummer: string, nowMs: number): number | null {
  const birth = birthDate(personnummer);
  if (!birth) return null;
  const [ty, tm, td] = swedishDate(nowMs).split('-').map(Number) as [number, number, number];
  const beforeBirthday = tm < birth.m || (tm === birth.m && td < birth.d);
  return ty - birth.y - (beforeBirthday ? 1 : 0);
}

/** "34 år", or "5 mån" under one year. */
export function formatAge(personnummer: string, nowMs: number): string {
  const birth = birthDate(personnummer);
  const years = ageYears(personnummer, nowMs);
  if (!birth || years === null) return '';
  if (years >= 1) return `${years} år`;
  const [ty, tm, td] = swedishDate(nowMs).split('-').map(Number) as [number, number, number];
  const months = Math.max(0, (ty - birth.y) * 12 + (tm - birth.m) - (td < birth.d ? 1 : 0));
  return `${months} mån`;
}

export function priorityLabel(priority: Priority | null): string {
  return priority === null ? 'Prioritet saknas – Ej triagerad' : `Prioritet ${priority} – ${PRIORITY_TEXT[priority]}`;
}

export function clinicianName(profile: SimProfile): string {
  return `${profile.firstName} ${profile.lastName}`.trim();
}
