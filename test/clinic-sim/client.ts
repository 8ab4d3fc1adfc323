/**
 * A typed HTTP client for the simulator's control API (/__sim/…), for tests and the demo when
 * the simulator runs in another process. Mirrors SimControl (every method returns a Promise).
 */
import type { ScenarioPatientKey } from '../fixtures/patients';
import type { CallKind, SimState, SkinName } from './model';
import type { CaseUpdate, ClockInput, NewCaseInput, NewMessageInput, NewVidimeringInput, SessionInput } from './store';

export class SimClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class SimClient {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/__sim/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as T & { error?: string };
    if (!res.ok) throw new SimClientError(res.status, `${method} /__sim/${path}: ${json.error ?? res.statusText}`);
    return json;
  }

  private caseUrl(id: string, action?: string): string {
    return `cases/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
  }

  /** Empty state (logged out, no cases); optionally a new seed and a frozen clock. */
  reset(
    options: { seed?: string; clock?: string; skin?: SkinName } = {},
  ): Promise<{ ok: true; seed: string; now: string }> {
    return this.request('POST', 'reset', options);
  }

  /** The standard scenario; returns the case ids keyed by patient key. */
  scenario(name: 'default' = 'default'): Promise<{ cases: Record<ScenarioPatientKey, string> }> {
    return this.request('POST', 'scenario', { name });
  }

  createCase(input: NewCaseInput): Promise<{ id: string }> {
    return this.request('POST', 'cases', input);
  }

  updateCase(id: string, update: CaseUpdate): Promise<{ ok: true }> {
    return this.request('POST', this.caseUrl(id), update);
  }

  addMessage(id: string, message: NewMessageInput): Promise<{ id: string }> {
    return this.request('POST', this.caseUrl(id, 'messages'), message);
  }

  /** N alternating patient/clinician messages in one call (the adapter benchmark's big chat). */
  addBulkMessages(id: string, count: number): Promise<{ count: number }> {
    return this.request('POST', this.caseUrl(id, 'messages'), { bulk: count });
  }

  setOffline(id: string, offline = true): Promise<{ ok: true }> {
    return this.request('POST', this.caseUrl(id, 'offline'), { offline });
  }

  setOnline(id: string): Promise<{ ok: true }> {
    return this.request('POST', this.caseUrl(id, 'online'), {});
  }

  setProtected(id: string, isProtected: boolean): Promise<{ ok: true }> {
    return this.request('POST', this.caseUrl(id, 'protected'), { protected: isProtected });
  }

  /** Adds "Videosamtal avslutat (N min)" / "Ljudsamtal avslutat (N min)" to the chat. */
  addCall(id: string, kind: CallKind, durationMinutes: number): Promise<{ id: string }> {
    return this.request('POST', this.caseUrl(id, 'call'), { kind, durationMinutes });
  }

  closeCase(id: string, asyncDays?: number): Promise<{ ok: true }> {
    return this.request('POST', this.caseUrl(id, 'close'), asyncDays === undefined ? {} : { asyncDays });
  }

  acceptHandover(id: string, receiverName?: string): Promise<{ ok: true }> {
    return this.request('POST', this.caseUrl(id, 'handover-accept'), receiverName ? { receiverName } : {});
  }

  /** An unused ticket's vidimeringspost (R-T-2). */
  createVidimering(input: NewVidimeringInput): Promise<{ id: string }> {
    return this.request('POST', 'vidimering', input);
  }

  /** {advanceMinutes} moves the clock; {set} freezes it at an instant; {real: true} follows real time. */
  clock(input: ClockInput): Promise<{ now: string }> {
    return this.request('POST', 'clock', input);
  }

  advanceClock(minutes: number): Promise<{ now: string }> {
    return this.clock({ advanceMinutes: minutes });
  }

  session(input: SessionInput): Promise<{ ok: true }> {
    return this.request('POST', 'session', input);
  }

  /** Draws the page in another skin; an open page re-renders in it (SSE). */
  setSkin(skin: SkinName): Promise<{ ok: true }> {
    return this.request('POST', 'skin', { skin });
  }

  state(): Promise<SimState> {
    return this.request('GET', 'state');
  }
}
