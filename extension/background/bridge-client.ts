/**
 * The bridge client (issues 5 and 11): the background alone talks to the bridge on 127.0.0.1.
 *
 * - Endpoint: this user's native messaging host, else IT's policy, else a pasted pairing
 *   (bridge-endpoint.ts). Pairing needs no clinician action where the host is installed: at
 *   every worker start, and after the bridge restarted (perhaps on another port), it asks again.
 * - Prove, then trust: `GET /v1/health` with a fresh challenge and no token must come back with
 *   the HMAC proof before the token or anything else is sent. A failed proof → `untrusted` and
 *   a retry with backoff (the program on the port never saw the token).
 * - Card status: the SSE stream (fetch, since EventSource cannot send the Bearer header) feeds
 *   `BridgeStatus` in storage.session on every change, so every console tab follows it. The
 *   worker is killed at will: at every start-up and on a one-minute alarm it re-proves the bridge,
 *   re-reads `GET /v1/card` and re-opens the stream.
 * - Privacy (R-PI-2): nothing here logs a personnummer, a name or note text; errors are codes.
 */
import type { CardStatus } from '../../shared/bridge-protocol';
import type { BridgeEndpoint } from '../lib/bridge-settings';
import { MANAGED_BRIDGE_PORT_KEY, MANAGED_BRIDGE_TOKEN_KEY } from '../lib/bridge-settings';
import { logError } from '../lib/log';
import { BRIDGE_STATUS_KEY, type BridgeStatus, isBridgeMessage } from '../lib/messages';
import { exportPdf, pair, unpair } from './bridge-actions';
import {
  checkHealth,
  type FetchLike,
  fetchCard,
  type HealthOutcome,
  reconnectDelayMs,
  streamCardEvents,
} from './bridge-api';
import {
  cachedNative,
  discoverNative,
  dropLegacyStorage,
  fallbackEndpoints,
  publishPairingInfo,
} from './bridge-endpoint';

export const BRIDGE_ALARM = 'bridge-card-refresh';
/** While the stream is open, an extension API call at most this often keeps the worker awake. */
const KEEP_AWAKE_MS = 10_000;

export const fetchImpl: FetchLike = (input, init) => fetch(input, init);

type PublishedStatus = Omit<BridgeStatus, 'checkedAt'>;

let generation = 0;
let stream: AbortController | null = null;
let streamOpen = false;
let streamEndpoint: BridgeEndpoint | null = null;
let attempt = 0;
let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
let lastPublished = '';
let lastKeepAwake = 0;
let connecting: Promise<void> = Promise.resolve();

// ---------------------------------------------------------------------------------------------
// Finding a bridge that proves itself

export type Found =
  | { endpoint: BridgeEndpoint; health: { kind: 'trusted' } }
  | { endpoint: BridgeEndpoint; health: Exclude<HealthOutcome, { kind: 'trusted' }> }
  | { endpoint: null; health: null };

/**
 * The first endpoint whose bridge proves itself: the native one of this session, the native host's
 * fresh answer (the bridge may have restarted on another port), then policy and pasted pairing.
 * When none does, the outcome of the strongest one tried.
 */
export async function findBridge(): Promise<Found> {
  const tried = new Set<string>();
  let first: Found = { endpoint: null, health: null };
  const prove = async (endpoint: BridgeEndpoint | null): Promise<Found | null> => {
    if (!endpoint || tried.has(`${endpoint.port}|${endpoint.token}`)) return null;
    tried.add(`${endpoint.port}|${endpoint.token}`);
    const health = await checkHealth(endpoint, fetchImpl);
    const found = { endpoint, health } as Found;
    if (first.endpoint === null) first = found;
    return health.kind === 'trusted' ? found : null;
  };
  // The host is asked at once, beside the cache (a few ms on POSIX): a cold start waits for one
  // round trip, not two, and a bridge restarted on another port is found without a second try.
  const fresh = discoverNative();
  const proven =
    (await prove(await cachedNative())) ??
    (await prove(await fresh)) ??
    (await fallbackEndpoints().then(async (list) => {
      for (const endpoint of list) {
        const found = await prove(endpoint);
        if (found) return found;
      }
      return null;
    }));
  return proven ?? first;
}

// ---------------------------------------------------------------------------------------------
// Publishing the status for the pages

export async function publish(next: PublishedStatus, force = false): Promise<void> {
  const key = JSON.stringify(next);
  if (!force && key === lastPublished) return;
  lastPublished = key;
  const status: BridgeStatus = { ...next, checkedAt: new Date().toISOString() };
  await browser.storage.session.set({ [BRIDGE_STATUS_KEY]: status });
}

function keepAwake(): void {
  // Chrome resets the worker's idle timer on extension API calls: while the bridge streams card
  // events (a keep-alive every 15 s) the worker stays up, so pulls reach the pages at once.
  const now = Date.now();
  if (now - lastKeepAwake < KEEP_AWAKE_MS) return;
  lastKeepAwake = now;
  void browser.runtime.getPlatformInfo().catch(() => {});
}

export function statusForHealth(
  endpoint: BridgeEndpoint,
  outcome: Exclude<HealthOutcome, { kind: 'trusted' }>,
): PublishedStatus {
  return outcome.kind === 'unreachable'
    ? { bridge: 'unreachable', card: null, source: endpoint.source, detail: outcome.detail }
    : { bridge: 'untrusted', card: null, source: endpoint.source, detail: outcome.reason };
}

// ---------------------------------------------------------------------------------------------
// Connecting: prove, read the card, stream the changes

function stopStream(): void {
  generation++;
  stream?.abort();
  stream = null;
  streamOpen = false;
  streamEndpoint = null;
  clearTimeout(reconnectTimer);
}

/** The bridge did not prove itself outside a connect (an export): drop the stream, retry later. */
export function retryLater(): void {
  stopStream();
  scheduleReconnect(generation);
}

/** Proves the bridge again and re-opens the stream (start-up, settings change, reconnect). */
export function reconnect(force = false): Promise<void> {
  connecting = connecting.then(() => connectOnce(force)).catch((error: unknown) => logError('bridge connect', error));
  return connecting;
}

async function connectOnce(force: boolean): Promise<void> {
  stopStream();
  const gen = generation;
  const started = performance.now();
  const found = await findBridge();
  if (gen !== generation) return;
  const proven = found.health?.kind === 'trusted';
  await publishPairingInfo(found.endpoint, proven ? { at: performance.now(), started } : undefined);
  if (!found.endpoint) {
    await publish({ bridge: 'not-paired', card: null }, force);
    return;
  }
  const { endpoint, health } = found;
  if (health.kind !== 'trusted') {
    // Nothing was sent but the challenge: try again later (the real bridge may be restarting).
    await publish(statusForHealth(endpoint, health), force);
    scheduleReconnect(gen);
    return;
  }
  const card = await fetchCard(endpoint, fetchImpl);
  if (gen !== generation) return;
  await publish({ bridge: 'ok', card, source: endpoint.source }, force);
  openStream(endpoint, gen);
}

function scheduleReconnect(gen: number): void {
  if (gen !== generation) return;
  clearTimeout(reconnectTimer);
  const delay = reconnectDelayMs(attempt++);
  reconnectTimer = setTimeout(() => {
    if (gen === generation) void reconnect();
  }, delay);
}

function openStream(endpoint: BridgeEndpoint, gen: number): void {
  const controller = new AbortController();
  stream = controller;
  streamEndpoint = endpoint;
  let card: CardStatus | null = null;
  streamCardEvents(
    endpoint,
    fetchImpl,
    {
      onOpen: () => {
        streamOpen = true;
        attempt = 0;
      },
      onChunk: keepAwake,
      onStatus: (status) => {
        card = status;
        if (gen === generation) void publish({ bridge: 'ok', card, source: endpoint.source });
      },
    },
    controller.signal,
  )
    .catch(() => {})
    .finally(() => {
      if (gen !== generation) return;
      streamOpen = false;
      // The bridge went away or restarted: find and prove it again before believing anything more.
      scheduleReconnect(gen);
    });
}

/** The alarm and the pages' refresh: re-read the card if streaming, else connect. */
async function refresh(): Promise<void> {
  if (streamOpen && streamEndpoint) {
    const endpoint = streamEndpoint;
    const gen = generation;
    const card = await fetchCard(endpoint, fetchImpl);
    if (gen !== generation) return;
    if (card) {
      await publish({ bridge: 'ok', card, source: endpoint.source }, true);
      return;
    }
  }
  await reconnect(true);
}

// ---------------------------------------------------------------------------------------------

type Sender = { id?: string; url?: string; origin?: string };

/**
 * One of our own pages (side panel, options, popup), never a content script: a content script
 * runs inside the console's page, and its `url` and `origin` are the page's, which it cannot fake.
 */
export function isExtensionPage(sender: Sender, extensionId: string, baseUrl: string): boolean {
  if (sender.id !== extensionId || !sender.url?.startsWith(baseUrl)) return false;
  return sender.origin === undefined || `${sender.origin}/` === baseUrl;
}

/** The bridge messages' answers; undefined: refused or not ours (no answer at all). */
export function handleBridgeMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  if (!isBridgeMessage(message) || sender.id !== browser.runtime.id) return undefined;
  const fromPage = isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'));
  switch (message.type) {
    case 'bridge-refresh':
      // Any of our contexts may ask (a console tab wakes the worker this way): it reveals nothing.
      return refresh().then(() => true);
    case 'bridge-export-pdf':
      // Patient data out to a file, stamped with a clinician: only from our own pages.
      return fromPage ? exportPdf(message) : undefined;
    case 'bridge-pair':
      return fromPage ? pair(message) : undefined;
    case 'bridge-unpair':
      return fromPage ? unpair() : undefined;
  }
}

export function registerBridgeClient(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleBridgeMessage(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BRIDGE_ALARM) void refresh();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' && (MANAGED_BRIDGE_TOKEN_KEY in changes || MANAGED_BRIDGE_PORT_KEY in changes)) {
      attempt = 0;
      void reconnect(true);
    }
  });
  void dropLegacyStorage();
  // Alarms do not always survive an update or a browser restart: re-create at every start-up.
  // Created only when missing: re-creating at every worker start would restart its period.
  void browser.alarms.get(BRIDGE_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(BRIDGE_ALARM, { periodInMinutes: 1 });
  });
  void reconnect(true);
}

/** Called after a pairing was saved or removed: find the bridge again from the start. */
export function pairingChanged(): void {
  attempt = 0;
  void reconnect(true);
}
