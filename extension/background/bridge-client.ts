/**
 * The bridge client (issue 5): the background alone talks to the bridge on 127.0.0.1.
 *
 * - Token and port: IT's policy (managed `bridgeToken`/`bridgePort`) or the options page's
 *   pairing (storage.local), see lib/bridge-settings.ts.
 * - Prove, then trust: `GET /v1/health` with a fresh challenge, sent without the token, must come
 *   back with the HMAC proof before the token or anything else is sent. A failed proof → status
 *   `untrusted` and a retry with backoff (the program on the port never saw the token). Every PDF
 *   export proves the bridge again first.
 * - Card status: the SSE stream (fetch, since EventSource cannot send the Bearer header) feeds
 *   `BridgeStatus` in storage.session on every change, so every console tab follows it. The
 *   worker is killed at will: at every start-up and on a one-minute alarm it re-proves the bridge,
 *   re-reads `GET /v1/card` and re-opens the stream, so a change made while it slept still reaches
 *   the pages. The stream reconnects with backoff.
 * - Privacy (R-PI-2): nothing here logs a personnummer, a name or note text; errors are codes.
 */
import { type CardStatus, JournalPdfRequest } from '../../shared/bridge-protocol';
import { BRIDGE_DEFAULT_PORT } from '../../shared/extension-identity';
import {
  BRIDGE_PAIRING_KEY,
  type BridgeEndpoint,
  type BridgePairing,
  isBridgeToken,
  LEGACY_BURNT_KEY,
  MANAGED_BRIDGE_PORT_KEY,
  MANAGED_BRIDGE_TOKEN_KEY,
  parsePort,
  resolveEndpoint,
} from '../lib/bridge-settings';
import { logError } from '../lib/log';
import {
  BRIDGE_STATUS_KEY,
  type BridgeExportPdfMessage,
  type BridgeExportPdfReply,
  type BridgePairMessage,
  type BridgePairReply,
  type BridgeStatus,
  isBridgeMessage,
} from '../lib/messages';
import {
  checkHealth,
  exportErrorText,
  type FetchLike,
  fetchCard,
  fetchVersion,
  type HealthOutcome,
  issuePaths,
  postJournal,
  reconnectDelayMs,
  streamCardEvents,
} from './bridge-api';

export const BRIDGE_ALARM = 'bridge-card-refresh';
/** While the stream is open, an extension API call at most this often keeps the worker awake. */
const KEEP_AWAKE_MS = 10_000;

const fetchImpl: FetchLike = (input, init) => fetch(input, init);

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
// Settings and the burnt-token list

async function currentEndpoint(): Promise<BridgeEndpoint | null> {
  const [managed, local] = await Promise.all([
    browser.storage.managed
      .get([MANAGED_BRIDGE_TOKEN_KEY, MANAGED_BRIDGE_PORT_KEY])
      .catch(() => ({}) as Record<string, unknown>),
    browser.storage.local.get(BRIDGE_PAIRING_KEY),
  ]);
  return resolveEndpoint(managed as Record<string, unknown>, local);
}

// ---------------------------------------------------------------------------------------------
// Publishing the status for the pages

async function publish(next: PublishedStatus, force = false): Promise<void> {
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

function statusForHealth(
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

/** Proves the bridge again and re-opens the stream (start-up, settings change, reconnect). */
export function reconnect(force = false): Promise<void> {
  connecting = connecting.then(() => connectOnce(force)).catch((error: unknown) => logError('bridge connect', error));
  return connecting;
}

async function connectOnce(force: boolean): Promise<void> {
  stopStream();
  const gen = generation;
  const endpoint = await currentEndpoint();
  if (!endpoint) {
    await publish({ bridge: 'not-paired', card: null }, force);
    return;
  }
  const health = await checkHealth(endpoint, fetchImpl);
  if (gen !== generation) return;
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
      // The bridge went away or restarted: prove it again before believing anything more.
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
// PDF export

const CARD_REQUIRED =
  'Inget SITHS-kort isatt. Sätt i kortet så att journalanteckningen får ditt namn och HSA-id, och försök igen.';

function healthErrorText(
  outcome: Exclude<HealthOutcome, { kind: 'trusted' }>,
  source: BridgeEndpoint['source'],
): string {
  if (outcome.kind === 'unreachable') {
    return 'Bryggan saknas: den svarar inte på den här datorn. Kontrollera att bryggan är startad.';
  }
  return `Okänd brygga: programmet på bryggans port kunde inte visa att det har bryggans nyckel, så inget skickades. ${
    source === 'policy' ? 'Kontakta IT.' : 'Kontrollera parkopplingen under Inställningar.'
  }`;
}

export async function exportPdf(message: BridgeExportPdfMessage): Promise<BridgeExportPdfReply> {
  const parsed = JournalPdfRequest.safeParse(message.request);
  if (!parsed.success) {
    return {
      ok: false,
      error: `Journalanteckningen kan inte exporteras: uppgifter saknas eller är fel (${issuePaths(parsed.error.issues)}).`,
    };
  }
  const endpoint = await currentEndpoint();
  if (!endpoint) {
    return { ok: false, error: 'Bryggan är inte parkopplad. Klistra in bryggans nyckel under Inställningar.' };
  }
  // The token and patient data go only to a program that has just proven it holds the token.
  const health = await checkHealth(endpoint, fetchImpl);
  if (health.kind !== 'trusted') {
    if (health.kind === 'untrusted') stopStream();
    await publish(statusForHealth(endpoint, health));
    return { ok: false, error: healthErrorText(health, endpoint.source) };
  }
  if (!parsed.data.clinician) {
    const card = await fetchCard(endpoint, fetchImpl);
    if (card) await publish({ bridge: 'ok', card, source: endpoint.source });
    if (card?.state !== 'CARD_PRESENT') return { ok: false, error: CARD_REQUIRED };
  }
  const outcome = await postJournal(endpoint, parsed.data, fetchImpl);
  if (outcome.ok) return { ok: true, fileName: outcome.response.fileName };
  logError('bridge export', `HTTP ${outcome.status} ${outcome.body?.code ?? ''}`);
  return { ok: false, error: exportErrorText(outcome) };
}

// ---------------------------------------------------------------------------------------------
// Pairing (options page)

export async function pair(message: BridgePairMessage): Promise<BridgePairReply> {
  const [managed, local] = await Promise.all([
    browser.storage.managed.get(MANAGED_BRIDGE_TOKEN_KEY).catch(() => ({}) as Record<string, unknown>),
    browser.storage.local.get(BRIDGE_PAIRING_KEY),
  ]);
  const policy = resolveEndpoint(managed as Record<string, unknown>, {});
  if (message.save && policy) {
    return { ok: false, error: 'IT har redan parkopplat bryggan med en policy; den kan inte ändras här.' };
  }
  const inForce = policy ?? resolveEndpoint({}, local);
  const token = message.token?.trim() ?? inForce?.token;
  if (!token) return { ok: false, error: 'Ingen nyckel: klistra in nyckeln som bryggan skrev ut.' };
  if (!isBridgeToken(token)) {
    return {
      ok: false,
      error: 'Det är ingen giltig nyckel: minst 22 tecken (A–Z, a–z, 0–9, - och _), precis som bryggan skrev ut den.',
    };
  }
  const port =
    message.port === undefined
      ? message.token
        ? BRIDGE_DEFAULT_PORT
        : (inForce?.port ?? BRIDGE_DEFAULT_PORT)
      : parsePort(message.port);
  if (port === null) return { ok: false, error: 'Porten ska vara ett tal mellan 1024 och 65535.' };
  const health = await checkHealth({ token, port }, fetchImpl);
  if (health.kind === 'trusted') {
    const version = (await fetchVersion({ token, port }, fetchImpl)) ?? 'okänd';
    if (message.save) {
      const pairing: BridgePairing = { token, port, pairedAt: new Date().toISOString() };
      await browser.storage.local.set({ [BRIDGE_PAIRING_KEY]: pairing });
    } else {
      void reconnect(true);
    }
    return { ok: true, version, port };
  }
  if (health.kind === 'untrusted') {
    if (token === inForce?.token) void reconnect(true);
    return {
      ok: false,
      error:
        health.reason === 'refused'
          ? `Bryggan på port ${port} tar inte emot det här tillägget. Be IT kontrollera bryggans inställning för tilläggs-ID.`
          : `Programmet på port ${port} kunde inte visa att det har den här nyckeln. Kontrollera att hela nyckeln kom med och att porten stämmer. Nyckeln skickades inte dit.`,
    };
  }
  return {
    ok: false,
    error: `Ingen brygga svarar på port ${port}. Kontrollera att bryggan är startad och att porten stämmer.`,
  };
}

// ---------------------------------------------------------------------------------------------

export function registerBridgeClient(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isBridgeMessage(message) || sender.id !== browser.runtime.id) return undefined;
    const fromExtensionPage = sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
    switch (message.type) {
      case 'bridge-export-pdf':
        return exportPdf(message).catch((error: unknown): BridgeExportPdfReply => {
          logError('bridge export', error instanceof Error ? error.name : 'error');
          return { ok: false, error: 'Exporten misslyckades oväntat. Försök igen.' };
        });
      case 'bridge-refresh':
        return refresh().then(() => true);
      case 'bridge-pair':
        // Pairing only from our own pages (the options page), never from a content script.
        if (!fromExtensionPage) return undefined;
        return pair(message);
      case 'bridge-unpair':
        if (!fromExtensionPage) return undefined;
        return browser.storage.local.remove(BRIDGE_PAIRING_KEY).then(() => true);
    }
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BRIDGE_ALARM) void refresh();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (
      (area === 'local' && BRIDGE_PAIRING_KEY in changes) ||
      (area === 'managed' && (MANAGED_BRIDGE_TOKEN_KEY in changes || MANAGED_BRIDGE_PORT_KEY in changes))
    ) {
      attempt = 0;
      void reconnect(true);
    }
  });
  void browser.storage.local.remove(LEGACY_BURNT_KEY).catch(() => {});
  // Alarms do not always survive an update or a browser restart: re-create at every start-up.
  // Created only when missing: re-creating at every worker start would restart its period.
  void browser.alarms.get(BRIDGE_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(BRIDGE_ALARM, { periodInMinutes: 1 });
  });
  void reconnect(true);
}
