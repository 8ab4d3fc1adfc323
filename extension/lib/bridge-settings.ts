/**
 * Where the bridge's token and port come from (issue 5). No schema library: the content script
 * and the options page read these too.
 *
 * - IT's enterprise policy (managed storage `bridgeToken`, optional `bridgePort`) wins;
 * - else the clinician's pairing from the options page (storage.local `bridgePairing`).
 *
 * The token goes out only after the program on the port proved it knows it (prove, then trust),
 * so a failed proof burns nothing. `bridgeBurnt` is the list an older version kept: removed.
 */
import { BRIDGE_DEFAULT_PORT } from '../../shared/extension-identity';

export const BRIDGE_PAIRING_KEY = 'bridgePairing';
/** Written by versions before prove-then-trust; removed at start-up. */
export const LEGACY_BURNT_KEY = 'bridgeBurnt';
export const MANAGED_BRIDGE_TOKEN_KEY = 'bridgeToken';
export const MANAGED_BRIDGE_PORT_KEY = 'bridgePort';

export interface BridgePairing {
  token: string;
  port: number;
  pairedAt: string;
}

export interface BridgeEndpoint {
  token: string;
  port: number;
  source: 'policy' | 'pairing';
}

/** The bridge's token: ≥ 128 bits of base64url (the bridge's own rule, bridge/config.ts). */
export const TOKEN_RE = /^[A-Za-z0-9_-]{22,256}$/;

export function isBridgeToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_RE.test(value);
}

/** A user port (1024–65535) or null. Accepts numbers and digit strings. */
export function parsePort(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1024 && n <= 65535 ? n : null;
}

/**
 * The endpoint in force: policy first (a policy token with a bad port falls back to the default
 * port), then the local pairing; null when neither holds a well-formed token.
 */
export function resolveEndpoint(
  managed: Record<string, unknown>,
  local: Record<string, unknown>,
): BridgeEndpoint | null {
  const policyToken = managed[MANAGED_BRIDGE_TOKEN_KEY];
  if (typeof policyToken === 'string' && isBridgeToken(policyToken.trim())) {
    return {
      token: policyToken.trim(),
      port: parsePort(managed[MANAGED_BRIDGE_PORT_KEY]) ?? BRIDGE_DEFAULT_PORT,
      source: 'policy',
    };
  }
  const pairing = local[BRIDGE_PAIRING_KEY] as Partial<BridgePairing> | undefined;
  if (pairing && isBridgeToken(pairing.token)) {
    return { token: pairing.token, port: parsePort(pairing.port) ?? BRIDGE_DEFAULT_PORT, source: 'pairing' };
  }
  return null;
}
