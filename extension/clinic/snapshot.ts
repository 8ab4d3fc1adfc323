import { findPersonnummerCandidates, type PersonnummerResult, parsePersonnummer } from '../../shared/personnummer';
import type { ClinicField } from '../../shared/selector-strategy';
import { locate, normalizeText, type QueryCache, spacedText } from './dom-query';
import { type Field, known, unknown } from './field';
import { CALL_EVENT_PATTERNS, SELECTORS, type SelectorEntry, type SelectorRegistry } from './selectors';

export type Route = 'visit' | 'drop-in' | 'other';
export type FieldHealth = 'found' | 'missing' | 'ambiguous' | 'not-applicable';
export type ChatAuthor = 'patient' | 'clinician' | 'system' | 'unknown';

export interface PatientIdentity {
  /** 12 digits, YYYYMMDDNNNC. */
  normalized: string;
  kind: 'personnummer' | 'samordningsnummer' | 'interim';
  birthDate: string | null;
}

export interface Guardian {
  name: string;
  id: Field<PatientIdentity>;
  responsible: boolean;
}

export interface ChatMessage {
  author: ChatAuthor;
  at: string | null;
  text: string;
  images: number;
}

export interface QueueRow {
  priority: number | null;
  patientName: string;
  arrivedAt: string | null;
  waitedMinutes: number | null;
}

export type VisitState = 'waiting' | 'accepted' | 'ongoing' | 'closed';

/** Which contact channels the visit actually used, from the chat's messages and call events. */
export interface VisitChannels {
  chat: boolean;
  phone: boolean;
  video: boolean;
}

export interface ClinicSnapshot {
  route: Route;
  /** The visit's address in the console (an opaque key, never shown). */
  visitKey: string | null;
  patient: {
    id: Field<PatientIdentity>;
    /** The text as the page shows it, for refusals ("… är inget giltigt personnummer"). */
    idText: string | null;
    name: Field<string>;
    protectionMarker: Field<boolean>;
  };
  priority: Field<number>;
  anamnesis: Field<string>;
  guardians: Field<Guardian[]>;
  chat: Field<ChatMessage[]>;
  channels: Field<VisitChannels>;
  uploads: Field<number>;
  /** Images the patient sent: uploads plus images in the patient's chat messages (R-J-6). */
  imagesSent: Field<number>;
  visitState: Field<VisitState>;
  visitStartedAt: Field<string>;
  clinician: { unit: Field<string>; role: Field<string> };
  shift: Field<'ongoing' | 'none'>;
  queue: Field<QueueRow[]>;
  health: Partial<Record<ClinicField, FieldHealth>>;
}

/**
 * Parsed chat messages kept between reads, per message element. The page observer drops an
 * entry whenever anything inside that message changes (invalidate), so a long chat is parsed
 * once and then only its new or changed messages: the product re-reads on every DOM change.
 * Without an observer feeding it, do not pass one (readSnapshot then parses everything).
 */
export class ChatCache {
  private messages = new WeakMap<Element, ChatMessage>();

  get(item: Element): ChatMessage {
    let message = this.messages.get(item);
    if (!message) {
      message = readMessage(item);
      this.messages.set(item, message);
    }
    return message;
  }

  invalidate(records: readonly MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      for (let el = target instanceof Element ? target : target.parentElement; el; el = el.parentElement) {
        if (this.messages.delete(el)) break;
      }
    }
  }

  clear(): void {
    this.messages = new WeakMap();
  }
}

/** Reads the console page into a typed snapshot. Never throws; what it cannot read is unknown. */
export function readSnapshot(
  doc: Document,
  registry: SelectorRegistry = SELECTORS,
  now: Date = new Date(),
  chatCache?: ChatCache,
): ClinicSnapshot {
  const reader = new Reader(doc, registry, chatCache);
  const header = reader.element('patientHeader');
  const route: Route = header ? 'visit' : reader.element('queueTable') ? 'drop-in' : 'other';
  const onVisit = route === 'visit';
  const idRead = onVisit ? reader.patientId(now) : { id: unknown<PatientIdentity>('missing'), text: null };
  const chat = onVisit ? reader.chat() : unknown<ChatMessage[]>('missing');
  const uploads = onVisit ? reader.uploads() : unknown<number>('missing');
  return {
    route,
    visitKey: onVisit ? doc.location?.pathname || null : null,
    patient: {
      id: idRead.id,
      idText: idRead.text,
      name: onVisit ? reader.text('patientName') : unknown('missing'),
      protectionMarker: onVisit ? reader.protectionMarker() : unknown('missing'),
    },
    priority: onVisit ? reader.priority() : unknown('missing'),
    anamnesis: onVisit ? reader.sectionBody('anamnesis') : unknown('missing'),
    guardians: onVisit ? reader.guardians(now) : unknown('missing'),
    chat,
    channels: chat.known ? known(channelsOf(chat.value)) : unknown(chat.reason),
    uploads,
    imagesSent:
      chat.known && uploads.known
        ? known(uploads.value + chat.value.filter((m) => m.author === 'patient').reduce((n, m) => n + m.images, 0))
        : unknown('missing'),
    visitState: onVisit ? reader.visitState() : unknown('missing'),
    visitStartedAt: onVisit ? reader.visitStartedAt() : unknown('missing'),
    clinician: { unit: reader.filterValue('Vårdenhet'), role: reader.filterValue('Vårdroll') },
    shift: reader.shift(),
    queue: route === 'drop-in' ? reader.queue() : unknown('missing'),
    health: reader.health,
  };
}

const PRIORITY_PATTERN = /(?:Prioritet|Brådskegrad)\s*:?\s*([1-5])(?!\d)/gu;
const STATE_WORDS: [RegExp, VisitState][] = [
  [/\bAvslutat\b/u, 'closed'],
  [/\bPågående\b/u, 'ongoing'],
  [/\bMottagen\b/u, 'accepted'],
  [/\bVäntar i kö\b/u, 'waiting'],
];
const AUTHOR_WORDS: Record<string, ChatAuthor> = { Patient: 'patient', Vårdpersonal: 'clinician', System: 'system' };

class Reader {
  readonly health: Partial<Record<ClinicField, FieldHealth>> = {};
  private readonly cache = new Map<ClinicField, Element | null>();
  private readonly queries: QueryCache = new Map();

  constructor(
    private readonly doc: Document,
    private readonly registry: SelectorRegistry,
    private readonly chatCache?: ChatCache,
  ) {}

  /** The field's element, or null; records its health. Scoped by the registry's `within`. */
  element(field: ClinicField): Element | null {
    if (this.cache.has(field)) return this.cache.get(field) ?? null;
    const entry = this.registry[field];
    const scope: ParentNode | null = entry.within ? this.element(entry.within) : this.doc;
    let result: Element | null = null;
    if (!scope) {
      this.health[field] = 'not-applicable';
    } else {
      const located = locate(scope, entry.strategies, this.queries);
      this.health[field] = located.status;
      if (located.status === 'found') result = located.element;
      if (located.status === 'ambiguous') this.ambiguous.add(field);
    }
    this.cache.set(field, result);
    return result;
  }

  private readonly ambiguous = new Set<ClinicField>();

  private absent<T>(field: ClinicField): Field<T> {
    return unknown(this.ambiguous.has(field) ? 'ambiguous' : 'missing');
  }

  text(field: ClinicField): Field<string> {
    const el = this.element(field);
    if (!el) return this.absent(field);
    const text = normalizeText(el.textContent);
    return text ? known(text) : unknown('missing');
  }

  /** R-ID-1: exactly one valid number in the header, else unknown (two different ones: ambiguous). */
  patientId(now: Date): { id: Field<PatientIdentity>; text: string | null } {
    const header = this.element('patientHeader');
    if (!header) return { id: unknown('missing'), text: null };
    const texts = idTexts(header, this.registry.patientId);
    this.health.patientId = texts.length === 0 ? 'missing' : 'found';
    if (texts.length === 0) return { id: unknown('missing'), text: null };
    const parsed = texts.map((text) => ({ text, result: parsePersonnummer(text, { today: now }) }));
    const valid = new Map<string, PatientIdentity>();
    for (const { result } of parsed) if (result.valid) valid.set(result.normalized, identity(result));
    if (valid.size > 1) {
      this.health.patientId = 'ambiguous';
      return { id: unknown('ambiguous', 'Flera olika personnummer i sidhuvudet'), text: null };
    }
    const first = parsed[0]!;
    const invalid = parsed.find((p) => !p.result.valid);
    if (valid.size === 0) {
      const reason = invalid && !invalid.result.valid ? invalid.result.reason : 'Ogiltigt';
      return { id: unknown('invalid', reason), text: invalid?.text ?? first.text };
    }
    if (invalid) {
      // One valid number beside another number-like text (a phone number?): not certain.
      this.health.patientId = 'ambiguous';
      return { id: unknown('ambiguous', 'Flera nummer i sidhuvudet'), text: null };
    }
    return { id: known([...valid.values()][0]!), text: first.text };
  }

  protectionMarker(): Field<boolean> {
    if (!this.element('patientHeader')) return unknown('missing');
    return known(this.element('protectionMarker') !== null || this.health.protectionMarker === 'ambiguous');
  }

  priority(): Field<number> {
    const section = this.element('priority');
    if (!section) return this.absent('priority');
    // Forms (e.g. "Ändra prioritet") are inputs, not the triage result.
    const clone = section.cloneNode(true) as Element;
    for (const form of clone.querySelectorAll('form, select, option')) form.remove();
    const found = new Set(Array.from(spacedText(clone).matchAll(PRIORITY_PATTERN), (m) => Number(m[1])));
    if (found.size === 1) return known([...found][0]!);
    return unknown(found.size > 1 ? 'ambiguous' : 'invalid');
  }

  /** A section's text without its heading (questions and answers as "fråga: svar" lines). */
  sectionBody(field: ClinicField): Field<string> {
    const section = this.element(field);
    if (!section) return this.absent(field);
    const pairs = Array.from(section.querySelectorAll('dt')).map(
      (dt) => `${normalizeText(dt.textContent)}: ${normalizeText(dt.nextElementSibling?.textContent)}`,
    );
    if (pairs.length > 0) return known(pairs.join('\n'));
    const clone = section.cloneNode(true) as Element;
    for (const heading of clone.querySelectorAll('h1, h2, h3, h4, h5, h6')) heading.remove();
    const text = normalizeText(clone.textContent);
    return text ? known(text) : unknown('missing');
  }

  guardians(now: Date): Field<Guardian[]> {
    const section = this.element('guardians');
    if (!section) return this.health.guardians === 'ambiguous' ? unknown('ambiguous') : known([]);
    const items = Array.from(section.querySelectorAll('li, tr, dd')).filter(
      (item) => findPersonnummerCandidates(spacedText(item)).length === 1,
    );
    const leaves = items.filter((item) => !items.some((other) => other !== item && item.contains(other)));
    return known(
      leaves.map((item) => {
        const text = spacedText(item);
        const candidate = findPersonnummerCandidates(text)[0]!;
        const result = parsePersonnummer(candidate, { today: now });
        const name = normalizeText(text.split(candidate)[0]?.replace(/Ansvarig vårdnadshavare/giu, ''));
        return {
          name,
          id: result.valid ? known(identity(result)) : unknown<PatientIdentity>('invalid', result.reason),
          responsible: /ansvarig vårdnadshavare/iu.test(text),
        };
      }),
    );
  }

  chat(): Field<ChatMessage[]> {
    const log = this.element('chatLog');
    if (!log) return this.absent('chatLog');
    const items = Array.from(log.children).filter((el) => el.tagName === 'LI' || el.getAttribute('role') === 'article');
    const cache = this.chatCache;
    return known(items.map((item) => (cache ? cache.get(item) : readMessage(item))));
  }

  uploads(): Field<number> {
    const section = this.element('uploads');
    if (!section) return this.absent('uploads');
    return known(section.querySelectorAll('img').length);
  }

  visitState(): Field<VisitState> {
    const section = this.element('visitState');
    if (!section) return this.absent('visitState');
    const status = locate(section, [{ kind: 'term', term: 'Besöksstatus' }]);
    const text = spacedText(status.status === 'found' ? status.element : section);
    const hits = STATE_WORDS.filter(([pattern]) => pattern.test(text));
    if (hits.length === 1) return known(hits[0]![1]);
    return unknown(hits.length > 1 ? 'ambiguous' : 'invalid');
  }

  /** When the visit started (else when it arrived): the date the age rules apply at. */
  visitStartedAt(): Field<string> {
    const value = this.element('visitStartedAt');
    if (!value) return this.absent('visitStartedAt');
    const iso = (value.matches('time[datetime]') ? value : value.querySelector('time[datetime]'))?.getAttribute(
      'datetime',
    );
    if (!iso) {
      // "Ej startat": try the next strategy's term (arrival) before giving up.
      const arrival = locate(this.element('visitState') ?? this.doc, [{ kind: 'term', term: 'Ankomst' }]);
      const fallback =
        arrival.status === 'found' ? arrival.element.querySelector('time[datetime]')?.getAttribute('datetime') : null;
      return fallback && !Number.isNaN(Date.parse(fallback)) ? known(fallback) : unknown('missing');
    }
    return Number.isNaN(Date.parse(iso)) ? unknown('invalid') : known(iso);
  }

  filterValue(label: 'Vårdenhet' | 'Vårdroll'): Field<string> {
    const group = this.element('globalFilter');
    if (!group) return this.absent('globalFilter');
    const located = locate(group, [{ kind: 'label', label, exact: true }]);
    if (located.status !== 'found') return unknown(located.status);
    const el = located.element;
    const value =
      el instanceof el.ownerDocument.defaultView!.HTMLSelectElement
        ? el.selectedOptions[0]?.textContent
        : ((el as HTMLInputElement).value ?? el.textContent);
    const text = normalizeText(value);
    return text ? known(text) : unknown('missing');
  }

  shift(): Field<'ongoing' | 'none'> {
    const region = this.element('shiftState');
    if (!region) return this.absent('shiftState');
    const text = normalizeText(region.textContent);
    if (/Skift pågår/iu.test(text)) return known('ongoing');
    if (/Inget skift|Skift avslutat/iu.test(text)) return known('none');
    return unknown('invalid');
  }

  queue(): Field<QueueRow[]> {
    const table = this.element('queueTable');
    if (!table) return this.absent('queueTable');
    const headers = Array.from(table.querySelectorAll('thead th, tr:first-child th')).map((th) =>
      normalizeText(th.textContent),
    );
    const col = (name: string) => headers.findIndex((h) => h.startsWith(name));
    const [prio, patient, arrived, waited] = [col('Prioritet'), col('Patient'), col('Ankomst'), col('Väntat')];
    if (patient < 0) return unknown('invalid', 'Kolumnen Patient saknas');
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    return known(
      rows.map((row) => {
        const cells = Array.from(row.querySelectorAll('td, th'));
        const cell = (i: number) => (i >= 0 ? normalizeText(cells[i]?.textContent) : '');
        const priority = /^([1-5])\b/u.exec(cell(prio))?.[1];
        const time = arrived >= 0 ? cells[arrived]?.querySelector('time[datetime]')?.getAttribute('datetime') : null;
        const minutes = /(\d+)\s*min/u.exec(cell(waited))?.[1];
        return {
          priority: priority ? Number(priority) : null,
          patientName: cell(patient),
          arrivedAt: time ?? null,
          waitedMinutes: minutes ? Number(minutes) : null,
        };
      }),
    );
  }
}

function idTexts(header: Element, entry: SelectorEntry): string[] {
  // Candidates from the whole header text: a number split over elements still counts, and two
  // numbers anywhere in the header make the identity ambiguous rather than "the first one".
  const fromText = findPersonnummerCandidates(spacedText(header));
  if (entry === SELECTORS.patientId) return fromText;
  const located = locate(header, entry.strategies);
  return located.status === 'found' ? findPersonnummerCandidates(spacedText(located.element)) : [];
}

export function channelsOf(messages: readonly ChatMessage[]): VisitChannels {
  const system = messages.filter((m) => m.author === 'system').map((m) => m.text);
  return {
    chat: messages.some((m) => m.author === 'clinician'),
    phone: system.some((text) => CALL_EVENT_PATTERNS.phone.test(text)),
    video: system.some((text) => CALL_EVENT_PATTERNS.video.test(text)),
  };
}

function identity(result: Extract<PersonnummerResult, { valid: true }>): PatientIdentity {
  return { normalized: result.normalized, kind: result.kind, birthDate: result.birthDate };
}

function readMessage(item: Element): ChatMessage {
  // One pass over the message's elements: a 2,000-message visit is read on every change.
  let at: string | null = null;
  let author: ChatAuthor = 'unknown';
  let images = 0;
  const paragraphs: string[] = [];
  const all = item.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const tag = el.tagName;
    if (tag === 'TIME') at ??= el.getAttribute('datetime');
    else if (tag === 'IMG') images++;
    else if (tag === 'P') {
      // The meta line (author, role, time) is not the message's text.
      if (el.getElementsByTagName('time').length === 0) {
        const text = normalizeText(el.textContent);
        if (text) paragraphs.push(text);
      }
    } else if (author === 'unknown' && el.childElementCount === 0) {
      const word = AUTHOR_WORDS[(el.textContent ?? '').trim()];
      if (word) author = word;
    }
  }
  return {
    author,
    at: at && !Number.isNaN(Date.parse(at)) ? at : null,
    text: paragraphs.length > 0 ? paragraphs.join('\n') : normalizeText(item.textContent),
    images,
  };
}

/** Where UI belongs beside the patient's ID: the element showing it (else the name), and the header. */
export function patientIdAnchor(
  doc: Document,
  registry: SelectorRegistry = SELECTORS,
): { anchor: Element; header: Element } | null {
  const reader = new Reader(doc, registry);
  const header = reader.element('patientHeader');
  if (!header) return null;
  const located = locate(header, registry.patientId.strategies);
  if (located.status === 'found') return { anchor: located.element, header };
  return { anchor: reader.element('patientName') ?? header.firstElementChild ?? header, header };
}
