/**
 * Where the bridge's token and port come from (issue 11), strongest first:
 *
 * - `native`: the bridge's native messaging host tells this OS user's port and token (no paste;
 *   per user, so on a shared PC each user reaches their own bridge);
 * - `policy`: IT's enterprise policy (managed `bridgeToken` / `bridgePort`): one token for every
 *   user of the machine, readable by the extension's content scripts (managed storage cannot be
 *   restricted);
 * - `pairing`: a token the clinician pasted in the options page, kept in the extension's own
 *   IndexedDB by the background (content scripts cannot reach it).
 *
 * Pure and schema-free: the background and the options page both read it. The token itself never
 * goes to storage.local (content scripts can read and write that): `bridgePairing` and
 * `bridgeBurnt` there are what older versions kept, removed at start-up and never read.
 */
import { BRIDGE_DEFAULT_PORT } from '../../shared/extension-identity';

export const MANAGED_BRIDGE_TOKEN_KEY = 'bridgeToken';
export const MANAGED_BRIDGE_PORT_KEY = 'bridgePort';
/** storage.local keys of older versions (a pasted token, the burnt list): removed, never read. */
export const LEGACY_LOCAL_KEYS = ['bridgePairing', 'bridgeBurnt'] as const;
/**
 * storage.session (trusted contexts only): the endpoint last discovered through the native host,
 * so a restarted worker proves the bridge at once instead of starting the host again.
 */
export const NATIVE_ENDPOINT_KEY = 'bridgeNativeEndpoint';
/** storage.session: what the options page shows about the pairing in force (no token). */
export const BRIDGE_PAIRING_INFO_KEY = 'bridgePairingInfo';

/** The native messaging host's name (bridge/native-host/, registered per user by the bridge). */
export const NATIVE_HOST_NAME = 'se.cliniccompanion.bridge';

export type BridgeSource = 'native' | 'policy' | 'pairing';

export interface BridgeEndpoint {
  token: string;
  port: number;
  source: BridgeSource;
}

/** A pasted pairing, as the background keeps it (IndexedDB). */
export interface BridgePairing {
  token: string;
  port: number;
  pairedAt: string;
}

/** What the options page may know about the pairing in force: never the token. */
export interface BridgePairingInfo {
  source: BridgeSource | null;
  port: number | null;
  pairedAt: string | null;
  /** The native host answered (it is installed for this user), whether or not it is in force. */
  nativeHost: boolean;
  /** When the bridge was last proven, in ms since this worker started (the bench reads it). */
  provenAfterStartMs?: number;
  /** When that search began (the worker's own start-up before it is not the bridge's). */
  findingStartedAfterStartMs?: number;
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

/** IT's policy endpoint (a bad port falls back to the default one), or null. */
export function policyEndpoint(managed: Record<string, unknown>): BridgeEndpoint | null {
  const token = managed[MANAGED_BRIDGE_TOKEN_KEY];
  if (typeof token !== 'string' || !isBridgeToken(token.trim())) return null;
  return {
    token: token.trim(),
    port: parsePort(managed[MANAGED_BRIDGE_PORT_KEY]) ?? BRIDGE_DEFAULT_PORT,
    source: 'policy',
  };
}

/** A stored pasted pairing, or null when it is missing or malformed. */
export function pairingEndpoint(pairing: unknown): BridgeEndpoint | null {
  const p = pairing as Partial<BridgePairing> | null | undefined;
  if (!p || !isBridgeToken(p.token)) return null;
  return { token: p.token, port: parsePort(p.port) ?? BRIDGE_DEFAULT_PORT, source: 'pairing' };
}

/** The native host's answer `{ ok: true, port, token }`, checked; null for anything else. */
export function nativeEndpoint(reply: unknown): BridgeEndpoint | null {
  const r = reply as { ok?: unknown; port?: unknown; token?: unknown } | null | undefined;
  if (r?.ok !== true || !isBridgeToken(r.token)) return null;
  const port = parsePort(r.port);
  return port === null ? null : { token: r.token, port, source: 'native' };
}
