/**
 * What our own pages ask of the bridge (bridge-client.ts routes only extension pages here):
 * export the journal note as a PDF (side panel), and pair or unpair a pasted token (options).
 */
import { JournalPdfRequest } from '../../shared/bridge-protocol';
import { BRIDGE_DEFAULT_PORT } from '../../shared/extension-identity';
import { type BridgeEndpoint, isBridgeToken, parsePort } from '../lib/bridge-settings';
import { bridgeErrorText } from '../lib/bridge-status';
import { logError } from '../lib/log';
import type { BridgeExportPdfMessage, BridgeExportPdfReply, BridgePairMessage, BridgePairReply } from '../lib/messages';
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

const CARD_REQUIRED =
  'Inget SITHS-kort isatt. Sätt i kortet så att journalanteckningen får ditt namn och HSA-id, och försök igen.';
const NOT_PAIRED =
  'Bryggan är inte parkopplad: ingen brygga för den här användaren hittades. Kontrollera att bryggan är installerad, eller klistra in bryggans nyckel under Inställningar.';

function healthErrorText(
  outcome: Exclude<HealthOutcome, { kind: 'trusted' }>,
  source: BridgeEndpoint['source'],
): string {
  if (outcome.kind === 'unreachable') {
    return 'Bryggan saknas: den svarar inte på den här datorn. Kontrollera att bryggan är startad.';
  }
  return `Okänd brygga: programmet på bryggans port kunde inte visa att det har bryggans nyckel, så inget skickades. ${
    source === 'pairing' ? 'Kontrollera parkopplingen under Inställningar.' : 'Kontakta IT.'
  }`;
}

export async function exportPdf(message: BridgeExportPdfMessage): Promise<BridgeExportPdfReply> {
  try {
    return await exportChecked(message);
  } catch (error) {
    logError('bridge export', error instanceof Error ? error.name : 'error');
    return { ok: false, error: 'Exporten misslyckades oväntat. Försök igen.' };
  }
}

async function exportChecked(message: BridgeExportPdfMessage): Promise<BridgeExportPdfReply> {
  const parsed = JournalPdfRequest.safeParse(message.request);
  if (!parsed.success) {
    return {
      ok: false,
      error: `Journalanteckningen kan inte exporteras: uppgifter saknas eller är fel (${issuePaths(parsed.error.issues)}).`,
    };
  }
  // The token and patient data go only to a program that has just proven it holds the token.
  const found = await findBridge();
  if (!found.endpoint) return { ok: false, error: NOT_PAIRED };
  const { endpoint, health } = found;
  if (health.kind !== 'trusted') {
    retryLater();
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

/**
 * Options page: with a token, check it against the bridge on `port` with a fresh challenge and
 * save it (IndexedDB) only when the proof holds; without one, test the pairing in force.
 */
export async function pair(message: BridgePairMessage): Promise<BridgePairReply> {
  const token = message.token?.trim();
  if (token === undefined || token === '') {
    if (message.save) return { ok: false, error: 'Ingen nyckel: klistra in nyckeln som bryggan skrev ut.' };
    const found = await findBridge();
    pairingChanged();
    if (!found.endpoint) return { ok: false, error: NOT_PAIRED };
    if (found.health.kind !== 'trusted') {
      return { ok: false, error: healthErrorText(found.health, found.endpoint.source) };
    }
    const version = (await fetchVersion(found.endpoint, fetchImpl)) ?? 'okänd';
    return { ok: true, version, port: found.endpoint.port };
  }
  if ((await fallbackEndpoints()).some((e) => e.source === 'policy')) {
    return { ok: false, error: 'IT har redan parkopplat bryggan med en policy; den kan inte ändras här.' };
  }
  if (!isBridgeToken(token)) {
    return {
      ok: false,
      error: 'Det är ingen giltig nyckel: minst 22 tecken (A–Z, a–z, 0–9, - och _), precis som bryggan skrev ut den.',
    };
  }
  const port = message.port === undefined ? BRIDGE_DEFAULT_PORT : parsePort(message.port);
  if (port === null) return { ok: false, error: 'Porten ska vara ett tal mellan 1024 och 65535.' };
  const health = await checkHealth({ token, port }, fetchImpl);
  if (health.kind === 'trusted') {
    const version = (await fetchVersion({ token, port }, fetchImpl)) ?? 'okänd';
    if (message.save) {
      await savePairing({ token, port, pairedAt: new Date().toISOString() });
      pairingChanged();
    }
    return { ok: true, version, port };
  }
  if (health.kind === 'untrusted') {
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

export async function unpair(): Promise<true> {
  await removePairing();
  pairingChanged();
  return true;
}

// ---------------------------------------------------------------------------------------------
// The bridge's refusals in the clinician's words

type ExportFailure = Extract<ExportOutcome, { ok: false }>;

/** The bridge's refusal in the clinician's words (field paths only, never a value). */
export function exportErrorText(outcome: ExportFailure): string {
  if (outcome.status === 0) {
    return 'timeout' in outcome && outcome.timeout
      ? 'Bryggan svarade inte i tid. PDF-filen kan saknas – försök igen.'
      : 'Bryggan svarar inte. Kontrollera att bryggan är startad och försök igen.';
  }
  if (!outcome.body) return `Exporten misslyckades (svar ${outcome.status} från bryggan).`;
  const text = bridgeErrorText(outcome.body.code);
  const paths = (outcome.body.issues ?? []).map((i) => i.path).join(', ');
  return outcome.body.code === 'validation_failed' && paths ? `${text.slice(0, -1)} (fält: ${paths}).` : text;
}

/** Zod issue paths of a refused request, joined (never the values). */
export function issuePaths(issues: readonly { path: readonly PropertyKey[] }[]): string {
  const paths = [...new Set(issues.map((i) => i.path.map(String).join('.') || '(hela)'))];
  return paths.slice(0, 8).join(', ') + (paths.length > 8 ? ', …' : '');
}
