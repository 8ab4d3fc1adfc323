/**
 * What the clinician's bridge indicator says (issue 5), from the BridgeStatus the background
 * keeps in session storage. Pure and schema-free: runs in the content script and the options page.
 */
import type { CardStatus, NotVerifiedReason } from '../../shared/bridge-protocol';
import type { BridgeStatus } from './bridge-status-record';
import { NOT_PAIRED } from './error-words';
import { onSharedChanged, readShared } from './session-shared';

export type IndicatorTone = 'ok' | 'warning' | 'error' | 'neutral';

export interface Indicator {
  tone: IndicatorTone;
  /** Short, in the chip: "SITHS-kort isatt: Åsa Öberg, TSTNMT2321000156-1019". */
  label: string;
  /** One sentence on what it means or what to do; null when the label says it all. */
  detail: string | null;
}

const REPAIR_POLICY = 'Kontakta IT: bryggan på den här datorn och tillägget har inte samma nyckel.';
const REPAIR_LOCAL = 'Nyckeln skickades inte dit. Kontrollera parkopplingen under Inställningar.';

/** Why the card's certificate is not verified, in the clinician's words. */
const NOT_VERIFIED: Record<NotVerifiedReason, string> = {
  'no-trust-anchors': 'Bryggan har inga SITHS-utfärdare att kontrollera kortet mot. Kontakta IT.',
  'untrusted-issuer': 'Certifikatet på kortet är inte utfärdat av SITHS. Använd ditt SITHS-kort.',
  expired: 'Certifikatet på kortet har gått ut.',
  'not-yet-valid': 'Certifikatet på kortet gäller inte ännu.',
  'key-usage': 'Certifikatet på kortet är inte avsett för legitimering eller underskrift.',
  unreadable: 'Certifikatet på kortet gick inte att läsa.',
};

export function cardLabel(card: CardStatus | null): Indicator {
  switch (card?.state) {
    case 'CARD_PRESENT': {
      const who = `${card.identity.name}, ${card.identity.hsaId}`;
      // "verifierat" only when the bridge verified the certificate against the SITHS CAs.
      if (card.identity.verified) return { tone: 'ok', label: `SITHS-kort isatt: ${who} (verifierat)`, detail: null };
      return {
        tone: 'warning',
        label: `Kort isatt: ${who} (läst från kortet, ej verifierat)`,
        detail: NOT_VERIFIED[card.identity.reason ?? 'untrusted-issuer'],
      };
    }
    case 'NO_CARD':
      return { tone: 'warning', label: 'Inget kort', detail: 'Sätt i SITHS-kortet i kortläsaren.' };
    case 'NO_READERS':
      return { tone: 'warning', label: 'Ingen kortläsare', detail: 'Anslut kortläsaren för SITHS-kortet.' };
    case 'SERVICE_NOT_RUNNING':
      return {
        tone: 'warning',
        label: 'Korttjänsten är inte igång',
        detail: 'Datorns smartkortstjänst svarar inte. Bryggan försöker igen av sig själv.',
      };
    case 'UNSUPPORTED_CARD':
      return {
        tone: 'warning',
        label: 'Kortet kan inte läsas',
        detail: 'Kortet i läsaren har inget SITHS-certifikat med HSA-id.',
      };
    default:
      return { tone: 'neutral', label: 'Kortstatus okänd', detail: null };
  }
}

export function indicatorFor(status: BridgeStatus | null): Indicator {
  if (!status) return { tone: 'neutral', label: 'Bryggan kontrolleras…', detail: null };
  switch (status.bridge) {
    case 'not-paired':
      return {
        tone: 'warning',
        label: 'Ej parkopplad',
        detail: NOT_PAIRED,
      };
    case 'unreachable':
      return {
        tone: 'error',
        label: 'Brygga saknas',
        detail: 'Bryggan svarar inte på den här datorn. SITHS-kort och PDF-export fungerar inte just nu.',
      };
    case 'untrusted':
      // 403 to the challenge: the bridge answers, but not to this extension's ID (its config).
      if (status.detail === 'refused') {
        return {
          tone: 'error',
          label: 'Bryggan tar inte emot tillägget',
          detail: 'Bryggan på den här datorn är inställd för ett annat tilläggs-ID. Kontakta IT.',
        };
      }
      return {
        tone: 'error',
        label: 'Okänd brygga',
        detail: `Programmet på bryggans port kunde inte visa att det har bryggans nyckel, så inget skickas dit. ${
          status.source === 'pairing' ? REPAIR_LOCAL : REPAIR_POLICY
        }`,
      };
    case 'ok':
      return cardLabel(status.card);
  }
}

/**
 * The status as stored by the background (session storage), or null before its first check.
 * Extension pages read it directly; a content script asks the background (trusted-only storage).
 */
export function loadBridgeStatus(): Promise<BridgeStatus | null> {
  return readShared('bridgeStatus');
}

export function onBridgeStatusChanged(listener: (status: BridgeStatus | null) => void, signal: AbortSignal): void {
  onSharedChanged('bridgeStatus', listener, signal);
}
