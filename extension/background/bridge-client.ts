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
import { policyPortItem, policyTokenItem } from '../lib/bridge-settings';
import type { BridgeStatus } from '../lib/bridge-status-record';
import { logError } from '../lib/log';
import { fromUs, handle } from '../lib/messages';
import { SHARED_ITEMS } from '../lib/session-shared';
import {
  checkHealth,
  type FetchLike,
  fetchCard,
  fetchVersion,
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
  await SHARED_ITEMS.bridgeStatus.set(status);
}

/** The proven bridge's version, read once per connection (undefined: it did not say). */
let bridgeVersion: string | undefined;

function okStatus(endpoint: BridgeEndpoint, card: CardStatus | null): PublishedStatus {
  return bridgeVersion === undefined
    ? { bridge: 'ok', card, source: endpoint.source }
    : { bridge: 'ok', card, source: endpoint.source, version: bridgeVersion };
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
  // The version once per proven connection, for the support info (R-SUP-1); absent when not said.
  const [card, version] = await Promise.all([fetchCard(endpoint, fetchImpl), fetchVersion(endpoint, fetchImpl)]);
  if (gen !== generation) return;
  bridgeVersion = version ?? undefined;
  await publish(okStatus(endpoint, card), force);
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
        if (gen === generation) void publish(okStatus(endpoint, card));
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
      await publish(okStatus(endpoint, card), true);
      return;
    }
  }
  await reconnect(true);
}

// ---------------------------------------------------------------------------------------------

/**
 * The pages' refresh (a console tab wakes the worker this way; it reveals nothing, so any of our
 * contexts may ask). Export and pairing are our pages' own requests: bridge-actions.ts.
 */
export function registerBridgeClient(): void {
  handle('bridge-refresh', (_message, sender) => (fromUs(sender) ? refresh().then(() => true) : undefined));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BRIDGE_ALARM) void refresh();
  });
  const policyChanged = () => {
    attempt = 0;
    void reconnect(true);
  };
  policyTokenItem.watch(policyChanged);
  policyPortItem.watch(policyChanged);
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
