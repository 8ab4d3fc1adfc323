import type { ClinicField } from '../../shared/selector-strategy';
import { t } from '../lib/i18n';
import {
  type ChatCache,
  type ChatMessage,
  channelsOf,
  messageElements,
  patientImages,
  readMessage,
  type VisitChannels,
} from './chat';
import { readClinician } from './clinician';
import { ambientQueryCache, locate, normalizeText, type QueryCache, spacedText } from './dom-query';
import { type Field, known, unknown } from './field';
import { type Guardian, readGuardians } from './guardians';
import { type HandedOverRow, readHandedOver } from './handed-over';
import { stockholmDateTime } from './identity-text';
import { type PatientIdentity, readPatientIdentity } from './patient-identity';
import { priorityOf } from './priority';
import { readProtection } from './protection';
import { type QueueRow, readQueue } from './queue-rows';
import { type FieldHealth, healthOf, questionAnswerPairs, STATE_WORDS, type VisitState } from './sections';
import { SELECTORS, type SelectorRegistry } from './selectors';

export type { ChatAuthor, ChatMessage, VisitChannels } from './chat';
export { ChatCache, channelsOf } from './chat';
export type { FieldHealth, VisitState } from './sections';

export type Route = 'visit' | 'drop-in' | 'other';

export interface ClinicSnapshot {
  route: Route;
  /** The visit's address in the console (an opaque key, never shown). */
  visitKey: string | null;
  patient: {
    id: Field<PatientIdentity>;
    /** The text as the page shows it, for refusals ("… är inget giltigt personnummer"). */
    idText: string | null;
    name: Field<string>;
    /** R-PI-2: a marker is shown. `known(false)` = no marker seen, never "not protected". */
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
  /** The logged-in clinician's own unit and role (the main menu's name block), not the filter. */
  clinician: { unit: Field<string>; role: Field<string> };
  /** The global filter's choice: which cases the queue shows, not who the clinician is. */
  filter: { unit: Field<string>; role: Field<string> };
  shift: Field<'ongoing' | 'none'>;
  queue: Field<QueueRow[]>;
  /** Startsida → *Mina aktuella*: cases handed over to me, not yet accepted (R-Q-4). */
  handedOver: Field<HandedOverRow[]>;
  health: Partial<Record<ClinicField, FieldHealth>>;
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
  const visitStartedAt = onVisit ? reader.visitStartedAt(now) : unknown<string>('missing');
  const visitDate = visitStartedAt.known ? new Date(visitStartedAt.value) : now;
  const idRead = header ? readPatientIdentity(header, registry, visitDate, now) : null;
  if (header) reader.health.patientId = healthOf(idRead!.id);
  // Drop in (its queue found, no patient header) holds no visit: a visit's parts are not searched
  // for among its 200 rows (≈ 0.7 ms of every read there, issue 16) but are "not on this page".
  // Elsewhere they are looked for even without a header: a superuser mending a header selector
  // sees which of the visit's parts are still found (the options page's selector health).
  const visitPart = (field: ClinicField) => (route === 'drop-in' ? reader.notHere(field) : reader.element(field));
  const protection = readProtection(visitPart('visitView'), header, registry, [
    visitPart('chatLog'),
    visitPart('chatComposer'),
    visitPart('anamnesis'),
    visitPart('originalAnswers'),
  ]);
  const chat = onVisit ? reader.chat(now) : unknown<ChatMessage[]>('missing');
  const uploads = onVisit ? reader.uploads() : unknown<number>('missing');
  const inChat = chat.known ? patientImages(chat.value) : unknown<number>(chat.reason);
  return {
    route,
    visitKey: onVisit ? doc.location?.pathname || null : null,
    patient: {
      id: idRead?.id ?? unknown('missing'),
      idText: idRead?.text ?? null,
      name: onVisit ? reader.text('patientName') : unknown('missing'),
      protectionMarker: onVisit ? protection.patient : unknown('missing'),
    },
    priority: onVisit ? reader.priority() : unknown('missing'),
    anamnesis: onVisit ? reader.sectionBody('anamnesis') : unknown('missing'),
    guardians: onVisit
      ? readGuardians(
          reader.element('guardians'),
          reader.health.guardians,
          idRead?.values ?? [],
          protection.others,
          visitDate,
        )
      : unknown('missing'),
    chat,
    channels: chat.known ? channelsOf(chat.value, registry.match) : unknown(chat.reason),
    uploads,
    imagesSent: uploads.known && inChat.known ? known(uploads.value + inChat.value) : unknown('missing'),
    visitState: onVisit ? reader.visitState() : unknown('missing'),
    visitStartedAt,
    clinician: reader.clinician(),
    filter: { unit: reader.filterValue('Vårdenhet'), role: reader.filterValue('Vårdroll') },
    shift: reader.shift(),
    queue: route === 'drop-in' ? readQueue(doc, registry, now) : unknown('missing'),
    handedOver: readHandedOver(doc, registry, now, reader.queries),
    health: reader.health,
  };
}

/** Reads the console's fields, each located once per read (snapshot-chat-appended.ts reads a few). */
export class Reader {
  readonly health: Partial<Record<ClinicField, FieldHealth>> = {};
  private readonly cache = new Map<ClinicField, Element | null>();

  constructor(
    private readonly doc: Document,
    private readonly registry: SelectorRegistry,
    private readonly chatCache?: ChatCache,
    readonly queries: QueryCache = ambientQueryCache(doc) ?? new Map(),
  ) {}

  /** The field's element, or null; records its health. Scoped by the registry's `within`. */
  element(field: ClinicField): Element | null {
    if (this.cache.has(field)) return this.cache.get(field) ?? null;
    const entry = this.registry.fields[field];
    const scope: ParentNode | null = entry.within ? this.element(entry.within) : this.doc;
    let result: Element | null = null;
    if (!scope) {
      this.health[field] = 'not-applicable';
    } else if (entry.strategies.length > 0) {
      const located = locate(scope, entry.strategies, this.queries);
      this.health[field] = located.status;
      if (located.status === 'found') result = located.element;
    }
    this.cache.set(field, result);
    return result;
  }

  /** A field this page cannot hold (a visit's part on Drop in): not looked for. */
  notHere(field: ClinicField): null {
    this.health[field] = 'not-applicable';
    this.cache.set(field, null);
    return null;
  }

  private absent<T>(field: ClinicField): Field<T> {
    return unknown(this.health[field] === 'ambiguous' ? 'ambiguous' : 'missing');
  }

  text(field: ClinicField): Field<string> {
    const el = this.element(field);
    if (!el) return this.absent(field);
    const text = normalizeText(el.textContent);
    return text ? known(text) : unknown('missing');
  }

  priority(): Field<number> {
    const section = this.element('priority');
    return section ? priorityOf(section) : this.absent('priority');
  }

  /** A section's text without its heading (questions and answers as "fråga: svar" lines). */
  sectionBody(field: ClinicField): Field<string> {
    const section = this.element(field);
    if (!section) return this.absent(field);
    const pairs = questionAnswerPairs(section);
    if (pairs.length > 0) return known(pairs.join('\n'));
    const clone = section.cloneNode(true) as Element;
    for (const heading of clone.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')) heading.remove();
    const text = normalizeText(clone.textContent);
    return text ? known(text) : unknown('missing');
  }

  chat(now: Date): Field<ChatMessage[]> {
    const log = this.element('chatLog');
    if (!log) return this.absent('chatLog');
    const match = this.registry.match;
    if (!this.chatCache) return known(messageElements(log).map((item) => readMessage(item, match, now)));
    return known(this.chatCache.read(log, match, now));
  }

  /** Images uploaded; a section with no image and no "Inga …" is unreadable, not zero. */
  uploads(): Field<number> {
    const section = this.element('uploads');
    if (!section) return this.absent('uploads');
    const count = section.querySelectorAll('img, [role="img"]').length;
    if (count > 0) return known(count);
    return /(?<![\p{L}])(inga|saknas|0 )/iu.test(spacedText(section))
      ? known(0)
      : unknown('invalid', t('adapter_uploads'));
  }

  visitState(): Field<VisitState> {
    const section = this.element('visitState');
    if (!section) return this.absent('visitState');
    // i18n-exempt: the console's own label (matched, never shown)
    const status = locate(section, [
      { kind: 'term', term: 'Besöksstatus' },
      { kind: 'term', term: 'Status' },
      { kind: 'label', label: 'Besöksstatus', exact: true },
      { kind: 'label', label: 'Status', exact: true },
    ]);
    const text = spacedText(status.status === 'found' ? status.element : section);
    const hits = STATE_WORDS.filter(([pattern]) => pattern.test(text));
    if (hits.length === 1) return known(hits[0]![1]);
    return unknown(hits.length > 1 ? 'ambiguous' : 'invalid');
  }

  /** When the visit started (else when it arrived): the date the age rules apply at. */
  visitStartedAt(now: Date): Field<string> {
    const section = this.element('visitState');
    if (!section) return this.absent('visitState');
    // "Ej startat": the next term (arrival) is the date the age rules apply at.
    let health: FieldHealth = 'missing';
    for (const strategy of this.registry.fields.visitStartedAt.strategies) {
      const located = locate(section, [strategy], this.queries);
      if (located.status === 'ambiguous') health = 'ambiguous';
      if (located.status !== 'found') continue;
      health = 'found';
      const el = located.element;
      const datetime = (el.matches('time[datetime]') ? el : el.querySelector('time[datetime]'))?.getAttribute(
        'datetime',
      );
      // Shown as text only ("2024-06-03 08:20", "08:30"): Swedish time.
      const iso = datetime ?? stockholmDateTime(spacedText(el), now);
      if (iso && !Number.isNaN(Date.parse(iso))) {
        this.health.visitStartedAt = 'found';
        return known(iso);
      }
    }
    this.health.visitStartedAt = health;
    return unknown(health === 'ambiguous' ? 'ambiguous' : 'missing');
  }

  filterValue(label: 'Vårdenhet' | 'Vårdroll'): Field<string> {
    const group = this.element('globalFilter');
    if (!group) return this.absent('globalFilter');
    const located = locate(group, [{ kind: 'label', label, exact: true }]);
    if (located.status !== 'found') return unknown(located.status);
    const el = located.element;
    const value =
      el.tagName === 'SELECT'
        ? (el as HTMLSelectElement).selectedOptions[0]?.textContent
        : ((el as HTMLInputElement).value ?? el.textContent);
    const text = normalizeText(value);
    return text ? known(text) : unknown('missing');
  }

  clinician(): { unit: Field<string>; role: Field<string> } {
    const read = readClinician(this.doc, this.registry, this.queries);
    this.health.clinicianIdentity = healthOf(read.role);
    return read;
  }

  shift(): Field<'ongoing' | 'none'> {
    const region = this.element('shiftState');
    if (!region) return this.absent('shiftState');
    const text = normalizeText(region.textContent);
    const ongoing = /Skift pågår|Arbetspass pågår|I tjänst/iu.test(text);
    const none = /Inget skift|Skift avslutat|Inget arbetspass|Ej i tjänst/iu.test(text);
    if (ongoing !== none) return known(ongoing ? 'ongoing' : 'none');
    return unknown('invalid');
  }
}

/** Where UI belongs beside the patient's ID: the element showing it (else the name), and the header. */
export function patientIdAnchor(
  doc: Document,
  registry: SelectorRegistry = SELECTORS,
  now: Date = new Date(),
): { anchor: Element; header: Element } | null {
  const reader = new Reader(doc, registry);
  const header = reader.element('patientHeader');
  if (!header) return null;
  const read = readPatientIdentity(header, registry, now, now);
  const anchor = read.element ?? reader.element('patientName') ?? header.firstElementChild ?? header;
  return { anchor, header };
}
