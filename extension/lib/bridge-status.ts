/**
 * What the clinician's bridge indicator says (issue 5), from the BridgeStatus the background
 * keeps in session storage. Pure and schema-free: runs in the content script and the options page.
 */
import type { CardStatus, NotVerifiedReason } from '../../shared/bridge-protocol';
import type { BridgeStatus } from './bridge-status-record';
import { notPairedWords } from './error-words';
import { type MessageKey, t } from './i18n';
import { onSharedChanged, readShared } from './session-shared';

export type IndicatorTone = 'ok' | 'warning' | 'error' | 'neutral';

export interface Indicator {
  tone: IndicatorTone;
  /** Short, in the chip: "SITHS-kort isatt: Åsa Öberg, TSTNMT2321000156-1019". */
  label: string;
  /** One sentence on what it means or what to do; null when the label says it all. */
  detail: string | null;
}

/** Why the card's certificate is not verified, in the clinician's words. */
const NOT_VERIFIED: Record<NotVerifiedReason, MessageKey> = {
  'no-trust-anchors': 'bridge_noAnchors',
  'untrusted-issuer': 'bridge_untrustedIssuer',
  expired: 'bridge_certExpired',
  'not-yet-valid': 'bridge_certNotYetValid',
  'key-usage': 'bridge_certKeyUsage',
  unreadable: 'bridge_certUnreadable',
};

export function cardLabel(card: CardStatus | null): Indicator {
  switch (card?.state) {
    case 'CARD_PRESENT': {
      const { name, hsaId, verified, reason } = card.identity;
      // "verifierat" only when the bridge verified the certificate against the SITHS CAs.
      if (verified) return { tone: 'ok', label: t('bridge_cardVerified', name, hsaId), detail: null };
      return {
        tone: 'warning',
        label: t('bridge_cardUnverified', name, hsaId),
        detail: t(NOT_VERIFIED[reason ?? 'untrusted-issuer']),
      };
    }
    case 'NO_CARD':
      return { tone: 'warning', label: t('bridge_noCard'), detail: t('bridge_noCardDetail') };
    case 'NO_READERS':
      return { tone: 'warning', label: t('bridge_noReader'), detail: t('bridge_noReaderDetail') };
    case 'SERVICE_NOT_RUNNING':
      return { tone: 'warning', label: t('bridge_serviceDown'), detail: t('bridge_serviceDownDetail') };
    case 'UNSUPPORTED_CARD':
      return { tone: 'warning', label: t('bridge_unsupportedCard'), detail: t('bridge_unsupportedCardDetail') };
    default:
      return { tone: 'neutral', label: t('bridge_cardUnknown'), detail: null };
  }
}

export function indicatorFor(status: BridgeStatus | null): Indicator {
  if (!status) return { tone: 'neutral', label: t('bridge_checking'), detail: null };
  switch (status.bridge) {
    case 'not-paired':
      return { tone: 'warning', label: t('bridge_notPairedLabel'), detail: notPairedWords() };
    case 'unreachable':
      return { tone: 'error', label: t('bridge_missing'), detail: t('bridge_missingDetail') };
    case 'untrusted':
      // 403 to the challenge: the bridge answers, but not to this extension's ID (its config).
      if (status.detail === 'refused') {
        return { tone: 'error', label: t('bridge_refused'), detail: t('bridge_refusedDetail') };
      }
      return {
        tone: 'error',
        label: t('bridge_untrusted'),
        // A pasted key is the clinician's to check; IT's or the bridge's own is IT's.
        detail: t(status.source === 'pairing' ? 'bridge_untrustedLocal' : 'bridge_untrustedPolicy'),
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
