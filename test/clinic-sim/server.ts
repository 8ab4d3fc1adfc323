/**
 * The Clinic console simulator's server (node:http, 127.0.0.1 only).
 *
 * - Every non-API GET serves the SPA (History-API fallback): the page rendered server-side for
 *   the current state, plus the bundle (test/clinic-sim/app/main.ts, built in memory with
 *   esbuild at start-up) that takes over.
 * - /api/…: what the page uses. GET /api/state, GET /api/events (Server-Sent Events, event
 *   "state" with the whole state as JSON after every change), POST actions.
 * - /__sim/…: the control API for tests and the demo (also `control`, in-process).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { z } from 'zod';
import { ALL_SKINS, type SkinName } from './model';
import { renderPageHtml } from './pages';
import { type SimControl, SimError, SimStore } from './store';

export interface ClinicSimOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Seed of the hashed class names and ids (default: random). */
  seed?: string;
  /** ISO instant: freezes the simulator clock there (default: real time). */
  clock?: string;
  /** The markup the page is drawn in (default 'dl'); /__sim/reset returns to it. */
  skin?: SkinName;
}

export interface ClinicSim {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  close(): Promise<void>;
  control: SimControl;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const SCRIPT_PATH = '/assets/clinic.js';
const MAX_BODY = 10 * 1024 * 1024;

let bundlePromise: Promise<string> | null = null;

/** The page bundle, built once per process. */
function pageBundle(): Promise<string> {
  bundlePromise ??= build({
    entryPoints: [path.join(here, 'app', 'main.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
  })
    .then((result) => result.outputFiles[0]!.text)
    .catch((error: unknown) => {
      bundlePromise = null;
      throw error;
    });
  return bundlePromise;
}

// ------------------------------------------------------------------ request bodies

const priority = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const image = z.object({ name: z.string().min(1), alt: z.string() });
const qa = z.object({ question: z.string(), answer: z.string() });
const caseState = z.enum(['waiting', 'accepted', 'ongoing', 'closed']);
const headerVariant = z.enum(['normal', 'no-id', 'two-ids', 'no-name']);
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date-time');
const skin = z.enum(ALL_SKINS);
const patient = z.object({
  name: z.string().min(1),
  personnummer: z.string().regex(/^\d{8}-\d{4}$/, 'YYYYMMDD-NNNN'),
  guardians: z
    .array(z.object({ name: z.string(), personnummer: z.string().regex(/^\d{8}-\d{4}$/), responsible: z.boolean() }))
    .optional(),
  protectedIdentity: z.boolean().optional(),
});

const schemas = {
  vidimering: z.object({
    patientKey: z.string().min(1),
    fromUnit: z.string().optional(),
    unit: z.string().optional(),
    role: z.string().optional(),
    reason: z.string().optional(),
    validUntil: iso.optional(),
  }),
  reset: z.object({ seed: z.string().min(1).optional(), clock: iso.optional(), skin: skin.optional() }),
  skin: z.object({ skin }),
  scenario: z.object({ name: z.literal('default').default('default') }),
  createCase: z
    .object({
      patientKey: z.string().optional(),
      patient: patient.optional(),
      priority: priority.nullable().optional(),
      reason: z.string().optional(),
      anamnesis: z.array(qa).optional(),
      originalAnswers: z.array(qa).optional(),
      uploads: z.array(image).optional(),
      arrivedAt: iso.optional(),
      acceptedAt: iso.optional(),
      startedAt: iso.optional(),
      closedAt: iso.optional(),
      state: caseState.optional(),
      headerVariant: headerVariant.optional(),
      unit: z.string().optional(),
      role: z.string().optional(),
      online: z.boolean().optional(),
      protected: z.boolean().optional(),
      asyncDays: z.number().int().min(0).max(60).optional(),
      assignedTo: z.string().optional(),
      handover: z.object({ toRole: z.string().min(1), message: z.string().optional(), at: iso.optional() }).optional(),
      invited: z.array(z.string().min(1)).optional(),
      ticket: z
        .object({
          fromUnit: z.string().min(1),
          notes: z
            .array(z.object({ title: z.string().optional(), at: iso.optional(), answers: z.array(qa) }))
            .optional(),
        })
        .optional(),
    })
    .refine((v) => v.patientKey !== undefined || v.patient !== undefined, 'patientKey or patient is required'),
  updateCase: z.object({
    priority: priority.nullable().optional(),
    reason: z.string().optional(),
    state: caseState.optional(),
    headerVariant: headerVariant.optional(),
    online: z.boolean().optional(),
    protected: z.boolean().optional(),
    unit: z.string().optional(),
    role: z.string().optional(),
  }),
  message: z.union([
    z.object({ bulk: z.number().int().min(1).max(100_000) }),
    z.object({
      author: z.enum(['patient', 'clinician', 'system']),
      text: z.string(),
      images: z.array(image).optional(),
      at: iso.optional(),
      authorName: z.string().optional(),
    }),
  ]),
  offline: z.object({ offline: z.boolean().default(true) }),
  protected: z.object({ protected: z.boolean() }),
  call: z.object({ kind: z.enum(['audio', 'video']), durationMinutes: z.number().min(0).max(600) }),
  close: z.object({ asyncDays: z.number().int().min(0).max(60).optional() }),
  handoverAccept: z.object({ receiverName: z.string().min(1).optional() }),
  clock: z.union([
    z.object({ advanceMinutes: z.number() }),
    z.object({ set: iso }),
    z.object({ real: z.literal(true) }),
  ]),
  session: z.object({
    loggedIn: z.boolean().optional(),
    unit: z.string().optional(),
    role: z.string().optional(),
    shift: z.enum(['none', 'ongoing']).optional(),
    shiftType: z.string().optional(),
    loadBalancer: z.boolean().optional(),
    shiftTypeChosen: z.boolean().optional(),
    profile: z
      .object({
        firstName: z.string().optional(),
        lastName: z.string().optional(),
        title: z.string().optional(),
        mobile: z.string().optional(),
      })
      .optional(),
  }),
};

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new SimError(400, detail);
  }
  return result.data;
}

/** Page form values arrive as strings; JSON callers may send real booleans and numbers. */
function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === 'on';
}
function str(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' && typeof value !== 'number') throw new SimError(400, `${key} is required`);
  return String(value);
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SimError(413, 'body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new SimError(400, 'body must be a JSON object');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0f2f57"/><path d="M9 16h14M16 9v14" stroke="#fff" stroke-width="4"/></svg>';

// ------------------------------------------------------------------ the server

export async function startClinicSim(options: ClinicSimOptions = {}): Promise<ClinicSim> {
  const script = await pageBundle();
  const store = new SimStore({ seed: options.seed, clock: options.clock, skin: options.skin });
  const streams = new Set<ServerResponse>();
  let pushPending = false;

  store.onChange(() => {
    if (pushPending) return;
    pushPending = true;
    setImmediate(() => {
      pushPending = false;
      if (streams.size === 0) return;
      const frame = `event: state\ndata: ${store.json()}\n\n`;
      for (const stream of streams) stream.write(frame);
    });
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  const controlRoute = async (method: string, parts: string[], req: IncomingMessage): Promise<unknown> => {
    if (method === 'GET' && parts.length === 1 && parts[0] === 'state') return store.json();
    if (method !== 'POST') throw new SimError(405, 'use POST');
    const body = await readBody(req);
    const [head, id, action] = parts;
    if (head === 'reset' && parts.length === 1) {
      const state = store.reset(parse(schemas.reset, body));
      return { ok: true, seed: state.seed, now: state.now };
    }
    if (head === 'scenario' && parts.length === 1) return store.scenario(parse(schemas.scenario, body).name);
    if (head === 'clock' && parts.length === 1) return store.setClock(parse(schemas.clock, body));
    if (head === 'skin' && parts.length === 1) {
      store.setSkin(parse(schemas.skin, body).skin);
      return { ok: true };
    }
    if (head === 'session' && parts.length === 1) {
      store.setSession(parse(schemas.session, body));
      return { ok: true };
    }
    if (head === 'vidimering' && parts.length === 1) return store.createVidimering(parse(schemas.vidimering, body));
    if (head !== 'cases') throw new SimError(404, `unknown control route /__sim/${parts.join('/')}`);
    if (!id) return store.createCase(parse(schemas.createCase, body));
    const caseId = decodeURIComponent(id);
    if (parts.length === 2) {
      store.updateCase(caseId, parse(schemas.updateCase, body));
      return { ok: true };
    }
    if (parts.length !== 3) throw new SimError(404, `unknown control route /__sim/${parts.join('/')}`);
    switch (action) {
      case 'messages': {
        const input = parse(schemas.message, body);
        return 'bulk' in input ? store.addBulkMessages(caseId, input.bulk) : store.addMessage(caseId, input);
      }
      case 'offline':
        store.setOnline(caseId, !parse(schemas.offline, body).offline);
        return { ok: true };
      case 'online':
        store.setOnline(caseId, true);
        return { ok: true };
      case 'protected':
        store.setProtected(caseId, parse(schemas.protected, body).protected);
        return { ok: true };
      case 'call': {
        const input = parse(schemas.call, body);
        return store.addCall(caseId, input.kind, input.durationMinutes);
      }
      case 'close':
        store.closeCase(caseId, parse(schemas.close, body).asyncDays);
        return { ok: true };
      case 'handover-accept':
        store.acceptHandover(caseId, parse(schemas.handoverAccept, body).receiverName);
        return { ok: true };
      default:
        throw new SimError(404, `unknown control route /__sim/${parts.join('/')}`);
    }
  };

  const pageAction = (parts: string[], body: Record<string, unknown>): unknown => {
    const [head, id, action, sub] = parts;
    if (parts.length === 1) {
      switch (head) {
        case 'login':
          return store.login();
        case 'unit':
          return store.chooseUnit(str(body, 'unitRole'));
        case 'shift-type':
          return store.chooseShiftType(str(body, 'shiftType'), bool(body.loadBalancer));
        case 'logout':
          return store.logout(bool(body.endShift));
        case 'filter':
          return store.setFilter(str(body, 'unit'), str(body, 'role'));
        case 'profile':
          return store.saveProfile({
            firstName: str(body, 'firstName'),
            lastName: str(body, 'lastName'),
            title: str(body, 'title'),
            mobile: typeof body.mobile === 'string' ? body.mobile : '',
          });
      }
    }
    if (head === 'vidimering' && id && parts.length === 2) return store.vidimera(decodeURIComponent(id));
    if (head === 'cases' && id) {
      const caseId = decodeURIComponent(id);
      const key = sub ? `${action}/${sub}` : action;
      switch (key) {
        case 'accept':
          return store.accept(caseId);
        case 'start':
          return store.start(caseId);
        case 'messages':
          store.sendMessage(caseId, str(body, 'text'));
          return;
        case 'close': {
          const days = body.asyncDays === undefined ? 3 : Number(body.asyncDays);
          if (!Number.isInteger(days) || days < 0 || days > 60) throw new SimError(400, 'asyncDays must be 0..60');
          return store.closeFromPage(caseId, days);
        }
        case 'ticket':
          return store.bookTicket(caseId, str(body, 'unit'), str(body, 'resource'));
        case 'async-done':
          return store.markAsyncDone(caseId);
        case 'sign':
          return store.signAndExport(caseId);
        case 'invite':
          return store.invite(caseId, str(body, 'colleague'));
        case 'handover':
          return store.handover(caseId, str(body, 'role'), typeof body.message === 'string' ? body.message : '');
        case 'priority': {
          const value = Number(body.priority);
          if (![1, 2, 3, 4, 5].includes(value)) throw new SimError(400, 'priority must be 1..5');
          return store.setPriority(caseId, value as 1 | 2 | 3 | 4 | 5);
        }
        case 'call': {
          const kind = str(body, 'kind');
          if (kind !== 'audio' && kind !== 'video') throw new SimError(400, 'kind must be audio or video');
          return store.startCall(caseId, kind);
        }
        case 'call/end':
          return store.endCall(caseId);
        case 'form':
          return store.sendForm(caseId, str(body, 'form'));
      }
    }
    throw new SimError(404, `unknown action /api/${parts.join('/')}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const pathname = url.pathname;
    const parts = pathname.split('/').filter(Boolean);
    try {
      if (parts[0] === '__sim') {
        sendJson(res, 200, await controlRoute(method, parts.slice(1), req));
        return;
      }
      if (parts[0] === 'api') {
        if (method === 'GET' && pathname === '/api/state') {
          sendJson(res, 200, store.json());
          return;
        }
        if (method === 'GET' && pathname === '/api/events') {
          res.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-store',
            connection: 'keep-alive',
          });
          res.write(`retry: 1000\n\nevent: state\ndata: ${store.json()}\n\n`);
          streams.add(res);
          req.on('close', () => streams.delete(res));
          return;
        }
        if (method !== 'POST') throw new SimError(405, 'use POST');
        const body = await readBody(req);
        pageAction(parts.slice(1), body);
        // A plain (script-less) form post goes back where it came from.
        if (
          (req.headers['content-type'] ?? '').includes('urlencoded') &&
          (req.headers.accept ?? '').includes('text/html')
        ) {
          res.writeHead(303, { location: req.headers.referer ?? '/' });
          res.end();
          return;
        }
        sendJson(res, 200, `{"ok":true,"state":${store.json()}}`);
        return;
      }
      if (method !== 'GET' && method !== 'HEAD') throw new SimError(405, 'method not allowed');
      if (pathname === SCRIPT_PATH) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        res.end(method === 'HEAD' ? undefined : script);
        return;
      }
      if (pathname === '/favicon.ico' || pathname === '/favicon.svg') {
        res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
        res.end(FAVICON);
        return;
      }
      // SPA fallback: every other path is the app, rendered for the current state.
      const state = store.getState();
      const page = renderPageHtml(state, pathname, state.seed, { scriptSrc: SCRIPT_PATH });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(method === 'HEAD' ? undefined : page);
    } catch (error) {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (error instanceof SimError) sendJson(res, error.status, { error: error.message });
      else sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    control: store,
    close: async () => {
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
