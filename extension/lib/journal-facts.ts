import type { VisitFacts } from '../../shared/journal';
import { normalisePriority, type Priority } from '../../shared/no-reply';
import type { Kontaktsatt } from '../../shared/rules';
import type { ClinicSnapshot } from '../clinic';
import { defineRecordSet, isObject, isString, isStringOrNull } from './storage';

/**
 * What the journal panel needs to know about the visit in a tab (R-J-2..R-J-8), as the content
 * script read it from the console. Plain data (no schema library in the content script). Unknown
 * stays unknown (null): the panel asks the clinician instead of guessing.
 */
export interface JournalVisitFacts {
  /** The visit's address in the console (opaque; drafts are keyed by its hash). */
  visitKey: string;
  priority: Priority | null;
  /** null: the chat could not be read, so which channels were used is unknown. */
  channels: { chat: boolean; phone: boolean; video: boolean } | null;
  anamnesis: string | null;
  /** Uploads plus images in the patient's chat messages; null when they could not be read. */
  imagesSent: number | null;
  /** The logged-in clinician's own unit and role (R-J-5), never the global filter's choice. */
  clinician: { unit: string | null; role: string | null };
  /** For the PDF export only (bridge issue). Kept in session storage: memory only. */
  patient: { name: string | null; personnummer: string | null; protectedIdentity: boolean | null };
  visitStartedAt: string | null;
  /** The visit's state in Clinic (R-J-1: the note is written after closing); null = unreadable. */
  visitState?: 'waiting' | 'accepted' | 'ongoing' | 'closed' | null;
  /**
   * R-J-7: the visit came by a ticket from another unit; the patient's post-triage answers are
   * notes in Clinic (their count, null when unreadable). Absent or null: no ticket seen.
   */
  ticket?: { fromUnit: string; postTriageNotes: number | null } | null;
  /** R-J-1: the visit note in Clinic after closing (*Signera och exportera*); absent/null = not read. */
  visitNote?: 'unsigned' | 'signed' | null;
}

/** What the background keeps per tab in storage.session (null facts: the tab shows no visit). */
export interface StoredJournalFacts {
  tabId: number;
  facts: JournalVisitFacts | null;
  updatedAt: string;
}

export const JOURNAL_FACTS_PREFIX = 'journalFacts:';
export const journalFactsKey = (tabId: number) => `${JOURNAL_FACTS_PREFIX}${tabId}`;

/** Larger facts are refused (a console page never has a 200 000-character anamnesis). */
const MAX_FACTS_CHARS = 400_000;

/** A light shape check: the content script is ours, but the page it reads is not. */
export function isPlausibleFacts(f: unknown): f is JournalVisitFacts {
  const boolOrNull = (v: unknown) => v === null || typeof v === 'boolean';
  return (
    isObject(f) &&
    isString(f.visitKey) &&
    (f.priority === null || normalisePriority(f.priority) !== null) &&
    (f.channels === null ||
      (isObject(f.channels) &&
        typeof f.channels.chat === 'boolean' &&
        typeof f.channels.phone === 'boolean' &&
        typeof f.channels.video === 'boolean')) &&
    isStringOrNull(f.anamnesis) &&
    (f.imagesSent === null ||
      (typeof f.imagesSent === 'number' && Number.isInteger(f.imagesSent) && f.imagesSent >= 0)) &&
    isObject(f.clinician) &&
    isStringOrNull(f.clinician.unit) &&
    isStringOrNull(f.clinician.role) &&
    isObject(f.patient) &&
    isStringOrNull(f.patient.name) &&
    isStringOrNull(f.patient.personnummer) &&
    boolOrNull(f.patient.protectedIdentity) &&
    isStringOrNull(f.visitStartedAt) &&
    (f.ticket === undefined ||
      f.ticket === null ||
      (isObject(f.ticket) &&
        isString(f.ticket.fromUnit) &&
        (f.ticket.postTriageNotes === null || typeof f.ticket.postTriageNotes === 'number'))) &&
    (f.visitNote === undefined || f.visitNote === null || f.visitNote === 'unsigned' || f.visitNote === 'signed') &&
    JSON.stringify(f).length <= MAX_FACTS_CHARS
  );
}

/** The facts the background keeps per tab (session storage: memory only, trusted contexts only). */
export const journalFactsRecords = /* @__PURE__ */ defineRecordSet(
  'session',
  (key) => key.startsWith(JOURNAL_FACTS_PREFIX),
  (raw): StoredJournalFacts | null =>
    isObject(raw) &&
    typeof raw.tabId === 'number' &&
    isString(raw.updatedAt) &&
    (raw.facts === null || isPlausibleFacts(raw.facts))
      ? { tabId: raw.tabId, facts: raw.facts, updatedAt: raw.updatedAt }
      : null,
);

/** The visit's facts from a snapshot; null when the page shows no visit. */
export function journalFactsFor(
  snapshot: ClinicSnapshot,
  ticket: JournalVisitFacts['ticket'] = null,
  visitNote: JournalVisitFacts['visitNote'] = null,
): JournalVisitFacts | null {
  if (snapshot.route !== 'visit' || !snapshot.visitKey) return null;
  const value = <T>(field: { known: true; value: T } | { known: false }): T | null =>
    field.known ? field.value : null;
  const priority = value(snapshot.priority);
  const id = snapshot.patient.id;
  return {
    visitKey: snapshot.visitKey,
    priority: normalisePriority(priority),
    channels: snapshot.channels.known ? { ...snapshot.channels.value } : null,
    anamnesis: value(snapshot.anamnesis),
    imagesSent: value(snapshot.imagesSent),
    clinician: { unit: value(snapshot.clinician.unit), role: value(snapshot.clinician.role) },
    patient: {
      name: value(snapshot.patient.name),
      personnummer: id.known ? id.value.normalized : null,
      protectedIdentity: value(snapshot.patient.protectionMarker),
    },
    visitStartedAt: value(snapshot.visitStartedAt),
    visitState: value(snapshot.visitState),
    ticket,
    visitNote,
  };
}

const CHANNELS_OF: Record<Kontaktsatt, VisitFacts['channels']> = {
  chatt: { chat: true, phone: false, video: false },
  telefon: { chat: false, phone: true, video: false },
  video: { chat: false, phone: false, video: true },
};

/**
 * The builder's input. An unknown channel set is passed as "none used", which the builder turns
 * into "Kontaktsätt okänt – välj" (never a guess); `chosen` is the clinician's answer to that.
 */
export function visitFactsForBuilder(
  facts: JournalVisitFacts,
  options: { noReply: boolean; chosen?: Kontaktsatt; phoneAttempted?: boolean },
): VisitFacts {
  return {
    priority: facts.priority,
    channels: options.chosen
      ? CHANNELS_OF[options.chosen]
      : (facts.channels ?? { chat: false, phone: false, video: false }),
    anamnesis: facts.anamnesis,
    imagesSent: facts.imagesSent ?? 0,
    noReply: options.noReply,
    patientProtected: facts.patient.protectedIdentity === true,
    phoneAttempted: options.phoneAttempted === true,
    // Facts published before this field existed read as unknown, never as "closed".
    visitState: facts.visitState ?? null,
    visitNote: facts.visitNote ?? null,
  };
}
