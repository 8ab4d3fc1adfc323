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
import { defineItem, defineRecordSet, isObject } from './storage';

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
  if (!isObject(pairing) || !isBridgeToken(pairing.token)) return null;
  return { token: pairing.token, port: parsePort(pairing.port) ?? BRIDGE_DEFAULT_PORT, source: 'pairing' };
}

/** The native host's answer `{ ok: true, port, token }`, checked; null for anything else. */
export function nativeEndpoint(reply: unknown): BridgeEndpoint | null {
  if (!isObject(reply) || reply.ok !== true || !isBridgeToken(reply.token)) return null;
  const port = parsePort(reply.port);
  return port === null ? null : { token: reply.token, port, source: 'native' };
}

// ---------------------------------------------------------------------------------------------
// Where each is kept (lib/storage.ts)

/** IT's policy (managed storage, read-only here); checked by policyEndpoint. */
export const policyTokenItem = defineItem<unknown>('managed', MANAGED_BRIDGE_TOKEN_KEY, {
  fallback: undefined,
  parse: (raw) => raw,
});
export const policyPortItem = defineItem<unknown>('managed', MANAGED_BRIDGE_PORT_KEY, {
  fallback: undefined,
  parse: (raw) => raw,
});

/** The endpoint the native host gave last, this browser session (trusted-only session storage). */
export const nativeEndpointItem = defineItem<BridgeEndpoint | null>('session', NATIVE_ENDPOINT_KEY, {
  fallback: null,
  parse: (raw) => nativeEndpoint(isObject(raw) ? { ...raw, ok: true } : null),
});

const SOURCES: readonly unknown[] = ['native', 'policy', 'pairing', null];
const numberOrNull = (v: unknown) => (typeof v === 'number' ? v : null);
/** What the options page shows about the pairing in force (no token). */
export const pairingInfoItem = defineItem<BridgePairingInfo | null>('session', BRIDGE_PAIRING_INFO_KEY, {
  fallback: null,
  parse: (raw) =>
    isObject(raw) && SOURCES.includes(raw.source)
      ? {
          source: raw.source === 'native' || raw.source === 'policy' || raw.source === 'pairing' ? raw.source : null,
          port: numberOrNull(raw.port),
          pairedAt: typeof raw.pairedAt === 'string' ? raw.pairedAt : null,
          nativeHost: raw.nativeHost === true,
          ...(typeof raw.provenAfterStartMs === 'number' ? { provenAfterStartMs: raw.provenAfterStartMs } : {}),
          ...(typeof raw.findingStartedAfterStartMs === 'number'
            ? { findingStartedAfterStartMs: raw.findingStartedAfterStartMs }
            : {}),
        }
      : null,
});

/** What older versions kept in storage.local (a pasted token, the burnt list): removed, never read. */
export const legacyRecords = defineRecordSet<never>(
  'local',
  (key) => LEGACY_LOCAL_KEYS.some((k) => k === key),
  () => null,
);
