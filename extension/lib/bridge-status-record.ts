import type { CardStatus } from '../../shared/bridge-protocol';
import { isObject } from './storage';

/**
 * What the clinician's bridge indicator shows, kept in session storage by the background's bridge
 * client (`bridgeStatus`), so pages see it even while the worker sleeps. Its own file: the
 * message union, the session bridge and the indicator all need the shape, none may import the
 * others.
 */
export const BRIDGE_STATUS_KEY = 'bridgeStatus';

export interface BridgeStatus {
  /** not-paired: no token; unreachable: nothing answers; untrusted: the proof failed (a squatter?). */
  bridge: 'not-paired' | 'unreachable' | 'untrusted' | 'ok';
  card: CardStatus | null;
  checkedAt: string;
  /** Where the token came from (native host, IT's policy or the options page), when there is one. */
  source?: 'native' | 'policy' | 'pairing';
  /** Why, as a code (never a value): rejected = 401, refused = 403, locked-out = 429. */
  detail?: 'proof-failed' | 'rejected' | 'refused' | 'burnt' | 'locked-out' | 'timeout' | 'no-answer';
  /** The proven bridge's own version (`GET /v1/health`), for the support info; absent when unknown. */
  version?: string;
}

const STATES: readonly unknown[] = ['not-paired', 'unreachable', 'untrusted', 'ok'];

/** The frame the bridge client writes (the card's status was checked by the protocol's schema). */
export function isBridgeStatus(v: unknown): v is BridgeStatus {
  return (
    isObject(v) &&
    STATES.includes(v.bridge) &&
    (v.card === null || (isObject(v.card) && typeof v.card.state === 'string')) &&
    typeof v.checkedAt === 'string' &&
    (v.version === undefined || (typeof v.version === 'string' && v.version.length <= 100))
  );
}
