/**
 * The simulator's in-memory state and every mutation on it: the page's actions (what a clinician
 * does in the console) and the control API (what tests do behind the console's back). Pure
 * TypeScript, no I/O: the server wires it to HTTP and SSE.
 */
import { PATIENTS, type ScenarioPatientKey } from '../fixtures/patients';
import {
  ALL_SKINS,
  type CallKind,
  type CaseState,
  COLLEAGUES,
  clinicianName,
  DEFAULT_PROFILE,
  FORMS,
  type HeaderVariant,
  type MessageAuthor,
  type Priority,
  type QA,
  ROLES,
  SHIFT_TYPES,
  type SimCase,
  type SimImage,
  type SimMessage,
  type SimPatient,
  type SimProfile,
  type SimSession,
  type SimState,
  type SimVidimering,
  type SkinName,
  SYSTEM_AUTHOR,
  UNIT_ROLE_CHOICES,
  UNITS,
} from './model';
import { seededUuid } from './names';
import { defaultScenario } from './scenario';

export class SimError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface NewCaseInput {
  /** A key of PATIENTS in test/fixtures/patients.ts … */
  patientKey?: string;
  /** … or a patient object (Skatteverket test numbers only). */
  patient?: SimPatient;
  priority?: Priority | null;
  /** Sökorsak. */
  reason?: string;
  anamnesis?: QA[];
  originalAnswers?: QA[];
  uploads?: SimImage[];
  /** ISO; default: now. */
  arrivedAt?: string;
  acceptedAt?: string;
  startedAt?: string;
  closedAt?: string;
  state?: CaseState;
  headerVariant?: HeaderVariant;
  unit?: string;
  role?: string;
  online?: boolean;
  /** Default: the patient's protectedIdentity. */
  protected?: boolean;
  /** For closed cases: asynchronous phase in days (R-A-1). */
  asyncDays?: number;
  /** Who accepted it (accepted/ongoing/closed); default: the logged-in clinician. */
  assignedTo?: string;
  /**
   * Handed over by `assignedTo` (accepted/ongoing) to a role of the case's unit or a colleague by
   * name, waiting for a receiver (R-HO-1); `at` default: now. The receiver sees it on Startsida →
   * *Mina aktuella* with status *Synk Överlämning* (R-Q-4).
   */
  handover?: { toRole: string; message?: string; at?: string };
  /** Came by a ticket from `fromUnit`; `notes` are the post-triage answers (R-J-7), `at` default now. */
  ticket?: { fromUnit: string; notes?: Array<{ title?: string; at?: string; answers: QA[] }> };
  /** Colleagues invited to the visit (R-C-1; names, e.g. the logged-in clinician as a guest). */
  invited?: string[];
}

export interface NewVidimeringInput {
  patientKey: string;
  fromUnit?: string;
  /** The unit and role the ticket was issued to; default: the session's. */
  unit?: string;
  role?: string;
  reason?: string;
  /** When the ticket expired unused; default: yesterday. */
  validUntil?: string;
}

export interface NewMessageInput {
  author: MessageAuthor;
  text: string;
  images?: SimImage[];
  /** ISO; default: now. */
  at?: string;
  /** Default: the patient's name, the clinician's name, or "1177 direkt". */
  authorName?: string;
}

export interface CaseUpdate {
  priority?: Priority | null;
  reason?: string;
  state?: CaseState;
  headerVariant?: HeaderVariant;
  online?: boolean;
  protected?: boolean;
  unit?: string;
  role?: string;
}

export interface SessionInput {
  loggedIn?: boolean;
  unit?: string;
  role?: string;
  shift?: 'none' | 'ongoing';
  shiftType?: string;
  loadBalancer?: boolean;
  shiftTypeChosen?: boolean;
  /** Inställningar › Profil, set directly (e.g. the name a SITHS card is compared with). */
  profile?: Partial<SimProfile>;
}

export type ClockInput = { advanceMinutes: number } | { set: string } | { real: true };

/** The control API, in-process (mirrored over HTTP under /__sim/ and by SimClient). */
export interface SimControl {
  /** Empty state, logged out, no cases. Keeps the seed unless given; the skin returns to the start skin unless given. */
  reset(options?: { seed?: string; clock?: string; skin?: SkinName }): SimState;
  /** Loads a named scenario; returns the created case ids keyed by patient key. */
  scenario(name: 'default'): { cases: Record<ScenarioPatientKey, string> };
  createCase(input: NewCaseInput): { id: string };
  updateCase(id: string, update: CaseUpdate): void;
  addMessage(id: string, input: NewMessageInput): { id: string };
  /** Adds `count` alternating patient/clinician messages (for the adapter benchmark). */
  addBulkMessages(id: string, count: number): { count: number };
  setOnline(id: string, online: boolean): void;
  setProtected(id: string, isProtected: boolean): void;
  /** Adds the system event "Videosamtal avslutat (12 min)" / "Ljudsamtal avslutat (…)". */
  addCall(id: string, kind: CallKind, durationMinutes: number): { id: string };
  closeCase(id: string, asyncDays?: number): void;
  /** A colleague (of the handover's target role) accepts a handed-over case. */
  acceptHandover(id: string, receiverName?: string): void;
  /** An unused ticket's vidimeringspost at its unit and role (R-T-2). */
  createVidimering(input: NewVidimeringInput): { id: string };
  setClock(input: ClockInput): { now: string };
  setSession(input: SessionInput): void;
  /** Draws the page in another skin (same state, same routes); the open page re-renders. */
  setSkin(skin: SkinName): void;
  getState(): SimState;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function emptyState(seed: string, skin: SkinName): SimState {
  return {
    version: 0,
    seed,
    now: new Date().toISOString(),
    clockRunning: true,
    session: {
      stage: 'logged-out',
      unit: null,
      role: null,
      shift: 'none',
      shiftStartedAt: null,
      shiftType: null,
      loadBalancer: false,
      shiftTypeChosen: false,
    },
    profile: { ...DEFAULT_PROFILE },
    filter: { unit: UNITS[0], role: ROLES[0] },
    cases: [],
    vidimeringar: [],
    skin,
  };
}

function parseInstant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new SimError(400, `${what}: not an ISO date-time: ${iso}`);
  return ms;
}

const BULK_LINES: ReadonlyArray<[MessageAuthor, string]> = [
  ['patient', 'Jag har haft ont sedan i går kväll och det blir inte bättre.'],
  ['clinician', 'Tack för ditt svar. Har du haft feber? I så fall hur hög?'],
  ['patient', 'Ja, 38,4 i morse. Jag har tagit paracetamol.'],
  ['clinician', 'Har du några andra besvär, till exempel hosta, halsont eller ont när du kissar?'],
  ['patient', 'Lite halsont men ingen hosta.'],
  ['clinician', 'Dricker du ordentligt och kan du kissa som vanligt?'],
];

export class SimStore implements SimControl {
  private state: SimState;
  private clock: { mode: 'real'; offsetMs: number } | { mode: 'frozen'; atMs: number };
  private counter = 0;
  private readonly listeners = new Set<() => void>();
  /** The skin given at start: reset() returns to it, so one test's skin never leaks into the next. */
  private readonly startSkin: SkinName;

  constructor(options: { seed?: string; clock?: string; skin?: SkinName } = {}) {
    const seed = options.seed ?? Math.random().toString(36).slice(2, 10);
    this.startSkin = options.skin ?? 'dl';
    this.state = emptyState(seed, this.startSkin);
    this.clock = options.clock
      ? { mode: 'frozen', atMs: parseInstant(options.clock, 'clock') }
      : { mode: 'real', offsetMs: 0 };
  }

  get seed(): string {
    return this.state.seed;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  nowMs(): number {
    return this.clock.mode === 'frozen' ? this.clock.atMs : Date.now() + this.clock.offsetMs;
  }

  private nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }

  private changed(): void {
    this.state.version++;
    for (const listener of this.listeners) listener();
  }

  /** The state with `now` filled in, as JSON text (what /api/state and SSE send). */
  json(): string {
    this.state.now = this.nowIso();
    this.state.clockRunning = this.clock.mode === 'real';
    return JSON.stringify(this.state);
  }

  getState(): SimState {
    return JSON.parse(this.json()) as SimState;
  }

  private nextId(): string {
    return seededUuid(this.state.seed, ++this.counter);
  }

  private find(id: string): SimCase {
    const found = this.state.cases.find((c) => c.id === id);
    if (!found) throw new SimError(404, `no case ${id}`);
    return found;
  }

  private me(): string {
    return clinicianName(this.state.profile);
  }

  private pushMessage(c: SimCase, input: NewMessageInput): SimMessage {
    const authorName =
      input.authorName ??
      (input.author === 'patient' ? c.patient.name : input.author === 'clinician' ? this.me() : SYSTEM_AUTHOR);
    const message: SimMessage = {
      id: this.nextId(),
      author: input.author,
      authorName,
      text: input.text,
      images: input.images ?? [],
      at: input.at ? new Date(parseInstant(input.at, 'at')).toISOString() : this.nowIso(),
    };
    // Keep the log in time order (a message "at" an earlier time slots in before later ones).
    let index = c.messages.length;
    while (index > 0 && c.messages[index - 1]!.at > message.at) index--;
    c.messages.splice(index, 0, message);
    return message;
  }

  private requireLoggedIn(): void {
    if (this.state.session.stage !== 'in') throw new SimError(401, 'not logged in');
  }

  // ---------------------------------------------------------------- control API

  reset(options: { seed?: string; clock?: string; skin?: SkinName } = {}): SimState {
    const version = this.state.version;
    this.state = emptyState(options.seed ?? this.state.seed, options.skin ?? this.startSkin);
    this.state.version = version;
    this.counter = 0;
    if (options.clock) this.clock = { mode: 'frozen', atMs: parseInstant(options.clock, 'clock') };
    this.changed();
    return this.getState();
  }

  scenario(name: 'default'): { cases: Record<ScenarioPatientKey, string> } {
    if (name !== 'default') throw new SimError(400, `unknown scenario ${String(name)}`);
    const now = this.nowMs();
    this.setSession({
      loggedIn: true,
      unit: '1177 direkt Uppsala län',
      role: 'Sjuksköterska',
      shift: 'ongoing',
      shiftType: 'Primärjour',
      shiftTypeChosen: true,
      loadBalancer: false,
    });
    this.state.session.shiftStartedAt = new Date(now - 60 * MINUTE).toISOString();
    this.state.profile = { ...DEFAULT_PROFILE };
    const cases = {} as Record<ScenarioPatientKey, string>;
    for (const spec of defaultScenario(now)) {
      const { messages, ...input } = spec;
      const { id } = this.createCase(input);
      for (const m of messages) this.addMessage(id, m);
      cases[spec.patientKey as ScenarioPatientKey] = id;
    }
    this.changed();
    return { cases };
  }

  createCase(input: NewCaseInput): { id: string } {
    let patient: SimPatient;
    if (input.patientKey) {
      const known = (PATIENTS as Record<string, SimPatient>)[input.patientKey];
      if (!known) throw new SimError(400, `unknown patientKey ${input.patientKey}`);
      patient = {
        name: known.name,
        personnummer: known.personnummer,
        ...(known.guardians ? { guardians: known.guardians.map((g) => ({ ...g })) } : {}),
        ...(known.protectedIdentity ? { protectedIdentity: true } : {}),
      };
    } else if (input.patient) {
      if (!/^\d{8}-\d{4}$/.test(input.patient.personnummer)) {
        throw new SimError(400, 'patient.personnummer must be YYYYMMDD-NNNN');
      }
      patient = structuredClone(input.patient);
    } else {
      throw new SimError(400, 'patientKey or patient is required');
    }
    const now = this.nowMs();
    const arrived = input.arrivedAt ? parseInstant(input.arrivedAt, 'arrivedAt') : now;
    const state = input.state ?? 'waiting';
    const at = (given: string | undefined, fallback: number) =>
      new Date(given ? parseInstant(given, 'time') : Math.min(now, fallback)).toISOString();
    const accepted = state !== 'waiting';
    const started = state === 'ongoing' || state === 'closed';
    const closedAt = state === 'closed' ? at(input.closedAt, now) : null;
    const c: SimCase = {
      id: this.nextId(),
      patientKey: input.patientKey ?? null,
      patient,
      priority: input.priority === undefined ? 3 : input.priority,
      reason: input.reason ?? 'Övrigt',
      anamnesis: input.anamnesis ?? [],
      originalAnswers: input.originalAnswers ?? [
        ...(input.anamnesis ?? []),
        { question: 'Känner du dig allmänt påverkad?', answer: 'Nej' },
        { question: 'Har du svårt att andas?', answer: 'Nej' },
        { question: 'Har du nedsatt medvetande eller förvirring?', answer: 'Nej' },
      ],
      uploads: input.uploads ?? [],
      unit: input.unit ?? UNITS[0],
      role: input.role ?? ROLES[0],
      arrivedAt: new Date(arrived).toISOString(),
      acceptedAt: accepted ? at(input.acceptedAt, arrived + 3 * MINUTE) : null,
      startedAt: started ? at(input.startedAt, arrived + 5 * MINUTE) : null,
      closedAt,
      asyncUntil:
        closedAt && (input.asyncDays ?? 3) > 0
          ? new Date(Date.parse(closedAt) + (input.asyncDays ?? 3) * DAY).toISOString()
          : null,
      state,
      assignedTo: accepted ? (input.assignedTo ?? this.me()) : null,
      online: input.online ?? state !== 'closed',
      protected: input.protected ?? patient.protectedIdentity === true,
      headerVariant: input.headerVariant ?? 'normal',
      messages: [],
      call: null,
      ticket: input.ticket
        ? {
            fromUnit: input.ticket.fromUnit,
            notes: (input.ticket.notes ?? []).map((n) => ({
              title: n.title ?? 'Posttriage',
              at: at(n.at, now),
              answers: n.answers.map((a) => ({ ...a })),
            })),
          }
        : null,
      handover:
        input.handover && accepted && state !== 'closed'
          ? {
              toRole: input.handover.toRole,
              message: input.handover.message ?? '',
              at: at(input.handover.at, now),
            }
          : null,
      invited: [...(input.invited ?? [])],
      asyncDoneAt: null,
      signedAt: null,
    };
    this.state.cases.push(c);
    this.changed();
    return { id: c.id };
  }

  updateCase(id: string, update: CaseUpdate): void {
    const c = this.find(id);
    if (update.priority !== undefined) c.priority = update.priority;
    if (update.reason !== undefined) c.reason = update.reason;
    if (update.headerVariant !== undefined) c.headerVariant = update.headerVariant;
    if (update.online !== undefined) c.online = update.online;
    if (update.protected !== undefined) c.protected = update.protected;
    if (update.unit !== undefined) c.unit = update.unit;
    if (update.role !== undefined) c.role = update.role;
    if (update.state !== undefined && update.state !== c.state) {
      const now = this.nowIso();
      c.state = update.state;
      if (update.state === 'waiting') {
        c.acceptedAt = c.startedAt = c.closedAt = c.assignedTo = null;
      } else {
        c.acceptedAt ??= now;
        c.assignedTo ??= this.me();
        if (update.state !== 'accepted') c.startedAt ??= now;
        if (update.state === 'closed') c.closedAt ??= now;
      }
    }
    this.changed();
  }

  addMessage(id: string, input: NewMessageInput): { id: string } {
    const message = this.pushMessage(this.find(id), input);
    this.changed();
    return { id: message.id };
  }

  addBulkMessages(id: string, count: number): { count: number } {
    const c = this.find(id);
    if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new SimError(400, 'bulk must be 1..100000');
    const end = this.nowMs();
    const me = this.me();
    const startIndex = c.messages.length;
    for (let i = 0; i < count; i++) {
      const [author, line] = BULK_LINES[(startIndex + i) % BULK_LINES.length]!;
      c.messages.push({
        id: this.nextId(),
        author,
        authorName: author === 'patient' ? c.patient.name : me,
        text: `${line} (${startIndex + i + 1})`,
        images: [],
        at: new Date(end - (count - 1 - i) * 5_000).toISOString(),
      });
    }
    c.messages.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    this.changed();
    return { count };
  }

  setOnline(id: string, online: boolean): void {
    const c = this.find(id);
    c.online = online;
    if (!online && c.call) c.call = null;
    this.changed();
  }

  setProtected(id: string, isProtected: boolean): void {
    this.find(id).protected = isProtected;
    this.changed();
  }

  addCall(id: string, kind: CallKind, durationMinutes: number): { id: string } {
    const c = this.find(id);
    const minutes = Math.max(0, Math.round(durationMinutes));
    const text = `${kind === 'video' ? 'Videosamtal' : 'Ljudsamtal'} avslutat (${minutes} min)`;
    const message = this.pushMessage(c, { author: 'system', text });
    this.changed();
    return { id: message.id };
  }

  closeCase(id: string, asyncDays = 3): void {
    const c = this.find(id);
    const now = this.nowMs();
    c.state = 'closed';
    c.acceptedAt ??= new Date(now).toISOString();
    c.assignedTo ??= this.me();
    c.closedAt = new Date(now).toISOString();
    c.asyncUntil = asyncDays > 0 ? new Date(now + asyncDays * DAY).toISOString() : null;
    c.call = null;
    c.handover = null;
    this.pushMessage(c, { author: 'system', text: 'Besöket har avslutats.' });
    this.changed();
  }

  acceptHandover(id: string, receiverName = 'Lars Läkare'): void {
    const c = this.find(id);
    if (!c.handover) throw new SimError(409, 'the case is not handed over');
    c.assignedTo = receiverName;
    c.handover = null;
    c.state = c.startedAt ? 'ongoing' : 'accepted';
    this.pushMessage(c, { author: 'system', text: `${receiverName} har tagit emot överlämningen.` });
    this.changed();
  }

  createVidimering(input: NewVidimeringInput): { id: string } {
    const known = (PATIENTS as Record<string, SimPatient>)[input.patientKey];
    if (!known) throw new SimError(400, `unknown patientKey ${input.patientKey}`);
    const s = this.state.session;
    const v: SimVidimering = {
      id: this.nextId(),
      patient: { name: known.name, personnummer: known.personnummer },
      fromUnit: input.fromUnit ?? '1177 direkt Uppsala län',
      unit: input.unit ?? s.unit ?? UNITS[1],
      role: input.role ?? s.role ?? ROLES[0],
      reason: input.reason ?? 'Övrigt',
      validUntil: input.validUntil
        ? new Date(parseInstant(input.validUntil, 'validUntil')).toISOString()
        : new Date(this.nowMs() - DAY).toISOString(),
      vidimeradAt: null,
      vidimeradBy: null,
    };
    this.state.vidimeringar.push(v);
    this.changed();
    return { id: v.id };
  }

  /** "Vidimera" on a vidimeringspost (R-T-2): confirmed, no follow-up. */
  vidimera(id: string): void {
    this.requireLoggedIn();
    const v = this.state.vidimeringar.find((x) => x.id === id);
    if (!v) throw new SimError(404, `no vidimeringspost ${id}`);
    if (v.vidimeradAt) throw new SimError(409, 'already vidimerad');
    v.vidimeradAt = this.nowIso();
    v.vidimeradBy = this.me();
    this.changed();
  }

  setClock(input: ClockInput): { now: string } {
    if ('advanceMinutes' in input) {
      const delta = Number(input.advanceMinutes) * MINUTE;
      if (!Number.isFinite(delta)) throw new SimError(400, 'advanceMinutes must be a number');
      if (this.clock.mode === 'frozen') this.clock.atMs += delta;
      else this.clock.offsetMs += delta;
    } else if ('set' in input) {
      this.clock = { mode: 'frozen', atMs: parseInstant(input.set, 'set') };
    } else {
      this.clock = { mode: 'real', offsetMs: 0 };
    }
    this.changed();
    return { now: this.nowIso() };
  }

  setSession(input: SessionInput): void {
    const s: SimSession = this.state.session;
    if (input.unit !== undefined) s.unit = input.unit;
    if (input.role !== undefined) s.role = input.role;
    if (input.shiftType !== undefined) s.shiftType = input.shiftType;
    if (input.loadBalancer !== undefined) s.loadBalancer = input.loadBalancer;
    if (input.shiftTypeChosen !== undefined) s.shiftTypeChosen = input.shiftTypeChosen;
    if (input.profile) this.state.profile = { ...this.state.profile, ...input.profile };
    if (input.shift !== undefined) {
      s.shift = input.shift;
      s.shiftStartedAt = input.shift === 'ongoing' ? (s.shiftStartedAt ?? this.nowIso()) : null;
    }
    if (input.loggedIn === true) {
      s.stage = 'in';
      s.unit ??= UNITS[0];
      s.role ??= ROLES[0];
      s.shiftType ??= SHIFT_TYPES[0];
      s.shiftTypeChosen = true;
    } else if (input.loggedIn === false) {
      s.stage = 'logged-out';
    }
    if (s.unit && s.role) this.state.filter = { unit: s.unit, role: s.role };
    this.changed();
  }

  setSkin(skin: SkinName): void {
    if (!(ALL_SKINS as readonly string[]).includes(skin)) throw new SimError(400, `unknown skin ${String(skin)}`);
    this.state.skin = skin;
    this.changed();
  }

  // ---------------------------------------------------------------- page actions

  /** "Logga in med SITHS-kort" (the card and PIN are taken as given). */
  login(): void {
    if (this.state.session.stage === 'in') return;
    this.state.session.stage = 'choose-unit';
    this.changed();
  }

  /** The "Vårdenhet och roll" choice, e.g. "1177 direkt Uppsala län, Sjuksköterska". */
  chooseUnit(choice: string): void {
    const s = this.state.session;
    if (s.stage !== 'choose-unit') throw new SimError(409, 'not choosing a unit');
    const found = UNIT_ROLE_CHOICES.find((c) => `${c.unit}, ${c.role}` === choice);
    if (!found) throw new SimError(400, `unknown unit and role: ${choice}`);
    // The manual: the shift ends by "Avsluta skift" or by changing vårdenhet; a new one starts.
    if (s.unit !== null && s.unit !== found.unit && s.shift === 'ongoing') {
      s.shift = 'none';
      s.shiftStartedAt = null;
    }
    s.unit = found.unit;
    s.role = found.role;
    this.state.filter = { unit: found.unit, role: found.role };
    if (!s.shiftTypeChosen) {
      s.stage = 'choose-shift-type';
    } else {
      s.stage = 'in';
      if (s.shift === 'none') {
        s.shift = 'ongoing';
        s.shiftStartedAt = this.nowIso();
      }
    }
    this.changed();
  }

  /** The first-login Skifttyp dialog, or Inställningar › Skifttyp. */
  chooseShiftType(shiftType: string, loadBalancer: boolean): void {
    const s = this.state.session;
    if (!(SHIFT_TYPES as readonly string[]).includes(shiftType))
      throw new SimError(400, `unknown shift type ${shiftType}`);
    if (s.stage !== 'choose-shift-type' && s.stage !== 'in') throw new SimError(409, 'not logged in');
    s.shiftType = shiftType;
    s.loadBalancer = loadBalancer;
    s.shiftTypeChosen = true;
    if (s.stage === 'choose-shift-type') {
      s.stage = 'in';
      s.shift = 'ongoing';
      s.shiftStartedAt = this.nowIso();
    }
    this.changed();
  }

  /** "Logga ut": with endShift the shift ends (R-S-2), otherwise it keeps running. */
  logout(endShift: boolean): void {
    const s = this.state.session;
    s.stage = 'logged-out';
    if (endShift) {
      s.shift = 'none';
      s.shiftStartedAt = null;
    }
    this.changed();
  }

  setFilter(unit: string, role: string): void {
    this.requireLoggedIn();
    if (!(UNITS as readonly string[]).includes(unit)) throw new SimError(400, `unknown unit ${unit}`);
    if (!(ROLES as readonly string[]).includes(role)) throw new SimError(400, `unknown role ${role}`);
    this.state.filter = { unit, role };
    this.changed();
  }

  saveProfile(profile: { firstName: string; lastName: string; title: string; mobile: string }): void {
    this.requireLoggedIn();
    this.state.profile = { ...profile };
    this.changed();
  }

  /** "Ta emot" (R-Q-3): visible to colleagues; the patient gets an SMS. */
  accept(id: string): void {
    this.requireLoggedIn();
    const c = this.find(id);
    if (c.handover) {
      c.handover = null;
    } else if (c.state !== 'waiting') {
      throw new SimError(409, 'the case is not waiting');
    }
    c.state = c.startedAt ? 'ongoing' : 'accepted';
    c.acceptedAt = this.nowIso();
    c.assignedTo = this.me();
    this.pushMessage(c, {
      author: 'system',
      text: `${this.me()} har tagit emot ärendet. Patienten har fått ett SMS om att ärendet tagits emot.`,
    });
    this.changed();
  }

  /** "Starta besök": the patient gets the automatic welcome message. */
  start(id: string): void {
    this.requireLoggedIn();
    const c = this.find(id);
    if (c.state !== 'accepted') throw new SimError(409, 'the case must be accepted first');
    c.state = 'ongoing';
    c.startedAt = this.nowIso();
    const p = this.state.profile;
    this.pushMessage(c, {
      author: 'system',
      text: `Välkommen! Du har nu kontakt med ${clinicianName(p)}, ${p.title.toLowerCase()} på ${this.state.session.unit ?? UNITS[0]}.`,
    });
    this.changed();
  }

  sendMessage(id: string, text: string): { id: string } {
    this.requireLoggedIn();
    const c = this.find(id);
    if (c.state !== 'ongoing') throw new SimError(409, 'start the visit before chatting');
    if (!text.trim()) throw new SimError(400, 'empty message');
    const message = this.pushMessage(c, { author: 'clinician', text });
    this.changed();
    return { id: message.id };
  }

  /** "Avsluta besök" with the asynchronous phase chosen (R-A-1). */
  closeFromPage(id: string, asyncDays: number): void {
    this.requireLoggedIn();
    const c = this.find(id);
    if (c.state !== 'accepted' && c.state !== 'ongoing') throw new SimError(409, 'the visit is not open');
    // R-C-1: an invited colleague can do everything but close.
    if (c.assignedTo !== this.me() && c.invited.includes(this.me()))
      throw new SimError(409, 'En inbjuden kollega kan inte avsluta besöket');
    this.closeCase(id, asyncDays);
  }

  /** "Boka biljett" (1177 på telefon, R-T-1): the console books whatever it is given. */
  bookTicket(id: string, unit: string, resource: string): void {
    this.requireLoggedIn();
    const c = this.find(id);
    this.pushMessage(c, { author: 'system', text: `Biljett bokad till ${unit}, ${resource}.` });
    this.changed();
  }

  /** Asynkrona → *Markera som klar* (R-A-1): an answered case moves to *Kräver ingen åtgärd*. */
  markAsyncDone(id: string): void {
    this.requireLoggedIn();
    const c = this.find(id);
    if (c.state !== 'closed' || !c.asyncUntil || Date.parse(c.asyncUntil) <= this.nowMs())
      throw new SimError(409, 'Besöket är inte i en asynkron fas');
    c.asyncDoneAt = this.nowIso();
    this.changed();
  }

  /** *Signera och exportera* the visit note of a closed visit (R-J-1). */
  signAndExport(id: string): void {
    this.requireLoggedIn();
    const c = this.find(id);
    if (c.state !== 'closed') throw new SimError(409, 'Besöket måste avslutas innan anteckningen signeras');
    if (c.signedAt) throw new SimError(409, 'Besöksanteckningen är redan signerad');
    c.signedAt = this.nowIso();
    this.changed();
  }

  /** "Bjud in kollega" (R-C-1): a colleague joins the visit as a guest. */
  invite(id: string, name: string): void {
    this.requireLoggedIn();
    const c = this.find(id);
    if (c.state !== 'accepted' && c.state !== 'ongoing') throw new SimError(409, 'the visit is not open');
    if (!COLLEAGUES.some((p) => p.name === name)) throw new SimError(400, `unknown colleague ${name}`);
    if (c.invited.includes(name)) throw new SimError(409, `${name} är redan inbjuden`);
    c.invited.push(name);
    this.pushMessage(c, { author: 'system', text: `${name} har bjudits in till besöket.` });
    this.changed();
  }

  /** "Lämna över besök" to a role in the own unit (R-HO-1). */
  handover(id: string, toRole: string, message: string): void {
    this.requireLoggedIn();
    const c = this.find(id);
    if (c.state !== 'accepted' && c.state !== 'ongoing') throw new SimError(409, 'the visit is not open');
    // "person:<name>": handed over to one colleague by name (the console allows it; R-HO-1 advises against).
    const person = toRole.startsWith('person:') ? COLLEAGUES.find((p) => `person:${p.name}` === toRole) : undefined;
    if (!person && !(ROLES as readonly string[]).includes(toRole)) throw new SimError(400, `unknown role ${toRole}`);
    const to = person ? person.name : toRole;
    c.handover = { toRole: to, message, at: this.nowIso() };
    if (!person) c.role = toRole;
    this.pushMessage(c, { author: 'system', text: `Besöket har lämnats över till ${to}.` });
    this.changed();
  }

  setPriority(id: string, priority: Priority): void {
    this.requireLoggedIn();
    const c = this.find(id);
    c.priority = priority;
    this.changed();
  }

  startCall(id: string, kind: CallKind): void {
    this.requireLoggedIn();
    const c = this.find(id);
    if (c.state !== 'ongoing') throw new SimError(409, 'start the visit first');
    if (!c.online) throw new SimError(409, 'Patienten är offline');
    if (c.call) throw new SimError(409, 'a call is already in progress');
    c.call = { kind, startedAt: this.nowIso() };
    this.pushMessage(c, {
      author: 'system',
      text: `${kind === 'video' ? 'Videosamtal' : 'Ljudsamtal'} startat.`,
    });
    this.changed();
  }

  endCall(id: string): void {
    this.requireLoggedIn();
    const c = this.find(id);
    if (!c.call) throw new SimError(409, 'no call in progress');
    const minutes = Math.max(1, Math.round((this.nowMs() - Date.parse(c.call.startedAt)) / MINUTE));
    const kind = c.call.kind;
    c.call = null;
    this.addCall(id, kind, minutes);
  }

  sendForm(id: string, form: string): void {
    this.requireLoggedIn();
    const c = this.find(id);
    if (!FORMS.includes(form)) throw new SimError(400, `unknown form ${form}`);
    if (c.state !== 'ongoing') throw new SimError(409, 'start the visit first');
    this.pushMessage(c, { author: 'system', text: `Formulär skickat: ${form}. Status: Väntar på svar.` });
    this.changed();
  }
}
