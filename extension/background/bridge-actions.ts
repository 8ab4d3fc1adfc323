/**
 * What our own pages ask of the bridge, and only they (never a content script: patient data out
 * to a file, stamped with a clinician): export the journal note as a PDF (side panel), and pair or
 * unpair a pasted token (options). A refusal is a code (error-words.ts words it on the page).
 */
import { JournalPdfRequest } from '../../shared/bridge-protocol';
import { BRIDGE_DEFAULT_PORT } from '../../shared/extension-identity';
import { type BridgeEndpoint, isBridgeToken, parsePort } from '../lib/bridge-settings';
import type { BridgeFailure } from '../lib/error-words';
import { t } from '../lib/i18n';
import { logError } from '../lib/log';
import { fromExtensionPage, handle, type Message, type MessageReply } from '../lib/messages';
import {
  checkHealth,
  type ExportOutcome,
  fetchCard,
  fetchVersion,
  type HealthOutcome,
  postJournal,
} from './bridge-api';
import { fetchImpl, findBridge, pairingChanged, publish, retryLater, statusForHealth } from './bridge-client';
import { fallbackEndpoints, removePairing, savePairing } from './bridge-endpoint';

export function registerBridgeActions(): void {
  handle('bridge-export-pdf', (message, sender) => (fromExtensionPage(sender) ? exportPdf(message) : undefined));
  handle('bridge-pair', (message, sender) => (fromExtensionPage(sender) ? pair(message) : undefined));
  handle('bridge-unpair', (_message, sender) => (fromExtensionPage(sender) ? unpair() : undefined));
}

const fail = (code: BridgeFailure['code'], detail: Omit<BridgeFailure, 'ok' | 'code'> = {}): BridgeFailure => ({
  ok: false,
  code,
  ...detail,
});

function healthFailure(
  outcome: Exclude<HealthOutcome, { kind: 'trusted' }>,
  source: BridgeEndpoint['source'],
): BridgeFailure {
  if (outcome.kind === 'unreachable') return fail('bridge-unreachable');
  return fail(source === 'pairing' ? 'bridge-untrusted-pairing' : 'bridge-untrusted-it');
}

export async function exportPdf(message: Message<'bridge-export-pdf'>): Promise<MessageReply<'bridge-export-pdf'>> {
  try {
    return await exportChecked(message);
  } catch (error) {
    logError('bridge export', error instanceof Error ? error.name : 'error');
    return fail('export-failed');
  }
}

async function exportChecked(message: Message<'bridge-export-pdf'>): Promise<MessageReply<'bridge-export-pdf'>> {
  const parsed = JournalPdfRequest.safeParse(message.request);
  if (!parsed.success) return fail('export-invalid', { fields: issuePaths(parsed.error.issues) });
  // The token and patient data go only to a program that has just proven it holds the token.
  const found = await findBridge();
  if (!found.endpoint) return fail('bridge-not-paired');
  const { endpoint, health } = found;
  if (health.kind !== 'trusted') {
    retryLater();
    await publish(statusForHealth(endpoint, health));
    return healthFailure(health, endpoint.source);
  }
  if (!parsed.data.clinician) {
    const card = await fetchCard(endpoint, fetchImpl);
    if (card) await publish({ bridge: 'ok', card, source: endpoint.source });
    if (card?.state !== 'CARD_PRESENT') return fail('card-required');
  }
  const outcome = await postJournal(endpoint, parsed.data, fetchImpl);
  if (outcome.ok) return { ok: true, fileName: outcome.response.fileName };
  logError('bridge export', `HTTP ${outcome.status} ${outcome.body?.code ?? ''}`);
  return exportFailure(outcome);
}

/**
 * Options page: with a token, check it against the bridge on `port` with a fresh challenge and
 * save it (IndexedDB) only when the proof holds; without one, test the pairing in force.
 */
export async function pair(message: Message<'bridge-pair'>): Promise<MessageReply<'bridge-pair'>> {
  const token = message.token?.trim();
  if (token === undefined || token === '') {
    if (message.save) return fail('no-token');
    const found = await findBridge();
    pairingChanged();
    if (!found.endpoint) return fail('bridge-not-paired');
    if (found.health.kind !== 'trusted') return healthFailure(found.health, found.endpoint.source);
    const version = (await fetchVersion(found.endpoint, fetchImpl)) ?? t('bridge_versionUnknown');
    return { ok: true, version, port: found.endpoint.port };
  }
  if ((await fallbackEndpoints()).some((e) => e.source === 'policy')) return fail('pairing-by-policy');
  if (!isBridgeToken(token)) return fail('invalid-token');
  const port = message.port === undefined ? BRIDGE_DEFAULT_PORT : parsePort(message.port);
  if (port === null) return fail('invalid-port');
  const health = await checkHealth({ token, port }, fetchImpl);
  if (health.kind === 'trusted') {
    const version = (await fetchVersion({ token, port }, fetchImpl)) ?? t('bridge_versionUnknown');
    if (message.save) {
      await savePairing({ token, port, pairedAt: new Date().toISOString() });
      pairingChanged();
    }
    return { ok: true, version, port };
  }
  if (health.kind === 'untrusted') {
    return fail(health.reason === 'refused' ? 'bridge-refuses-extension' : 'bridge-proof-failed', { port });
  }
  return fail('no-bridge-on-port', { port });
}

export async function unpair(): Promise<true> {
  await removePairing();
  pairingChanged();
  return true;
}

// ---------------------------------------------------------------------------------------------
// The bridge's refusals as codes

/** The bridge's refusal as a code (field paths only, never a value). */
export function exportFailure(outcome: Extract<ExportOutcome, { ok: false }>): BridgeFailure {
  if (outcome.status === 0) return fail('timeout' in outcome && outcome.timeout ? 'bridge-timeout' : 'bridge-silent');
  if (!outcome.body) return fail('bridge-http', { status: outcome.status });
  const paths = (outcome.body.issues ?? []).map((i) => i.path).join(', ');
  return fail(outcome.body.code, outcome.body.code === 'validation_failed' && paths ? { fields: paths } : {});
}

/** Zod issue paths of a refused request, joined (never the values). */
export function issuePaths(issues: readonly { path: readonly PropertyKey[] }[]): string {
  const paths = [...new Set(issues.map((i) => i.path.map(String).join('.') || t('bridge_wholeRequest')))];
  return paths.slice(0, 8).join(', ') + (paths.length > 8 ? ', …' : '');
}
