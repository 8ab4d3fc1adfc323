/**
 * Configuration: a JSON file (written by IT's installer) plus the environment, the environment
 * winning. With no token anywhere, one is created (256 bits) in a file only the user can read.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { BRIDGE_MAX_BODY_BYTES, BRIDGE_PORT_RANGE } from '../shared/bridge-protocol';
import { BRIDGE_DEFAULT_PORT, CHROME_EXTENSION_ID, EDGE_EXTENSION_ID } from '../shared/extension-identity';
import { defaultTrustAnchorFiles, loadTrustAnchors } from './card/trust-anchors';
import { DISCOVERY_FILE_NAME } from './native-host/discovery';

export interface BridgeLimits {
  maxBodyBytes: number;
  /** Whole request head must arrive within this (slowloris). */
  headersTimeoutMs: number;
  /** Whole request (head + body) must arrive within this. */
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above. */
  connectionsCheckingIntervalMs: number;
  /** Failed Bearer tokens: after maxFailures within windowMs, every token is refused for lockoutMs. */
  authMaxFailures: number;
  authWindowMs: number;
  authLockoutMs: number;
  maxSseClients: number;
  sseHeartbeatMs: number;
}

export const DEFAULT_LIMITS: BridgeLimits = {
  maxBodyBytes: BRIDGE_MAX_BODY_BYTES,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  connectionsCheckingIntervalMs: 1_000,
  authMaxFailures: 5,
  authWindowMs: 60_000,
  authLockoutMs: 30_000,
  maxSseClients: 16,
  sseHeartbeatMs: 15_000,
};

export interface BridgeConfig {
  /** Always 127.0.0.1: the bridge is never reachable from the network. */
  host: '127.0.0.1';
  /** The first port tried; with `portFallbacks`, the next ones when another user's bridge holds it. */
  port: number;
  portFallbacks: number;
  token: string;
  allowedExtensionIds: string[];
  exportDir: string;
  /** Where the token lives when it came from (or was written to) a file. */
  tokenFile: string;
  /**
   * This user's discovery file (port and token, 0600) for the native messaging host, written once
   * the bridge listens; null: none (tests that run a bridge beside a user's own).
   */
  discoveryFile: string | null;
  /** Trust anchors for the card's certificate (DER): the SITHS root and issuing CAs IT installs. */
  trustAnchors: Uint8Array[];
  limits: BridgeLimits;
}

const EXTENSION_ID_RE = /^[a-p]{32}$/;
/** ≥ 128 bits: 22+ base64url characters or 32+ hex characters. */
const TOKEN_RE = /^[A-Za-z0-9_-]{22,256}$/;

const ConfigFile = z.object({
  port: z.number().int().min(1024).max(65535).optional(),
  trustAnchors: z.array(z.string().min(1)).optional(),
  extensionIds: z.array(z.string().regex(EXTENSION_ID_RE)).min(1).optional(),
  exportDir: z.string().min(1).optional(),
  tokenFile: z.string().min(1).optional(),
});

export class ConfigError extends Error {}

export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'ClinicCompanion');
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'clinic-companion');
}

export function defaultExportDir(): string {
  return path.join(os.homedir(), 'Documents', 'Clinic Companion');
}

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

function anchors(files: string[]): Uint8Array[] {
  try {
    return loadTrustAnchors(files);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Default: $CLINIC_BRIDGE_CONFIG, else <config dir>/bridge.json (optional file). */
  configFile?: string;
  /** Called when a token was created, so main can print pairing instructions. */
  onTokenCreated?: (token: string, file: string) => void;
  limits?: Partial<BridgeLimits>;
}

export function loadConfig(options: LoadConfigOptions = {}): BridgeConfig {
  const env = options.env ?? process.env;
  const configDir = defaultConfigDir(env);
  const configFile = options.configFile ?? env.CLINIC_BRIDGE_CONFIG ?? path.join(configDir, 'bridge.json');
  let file: z.infer<typeof ConfigFile> = {};
  if (existsSync(configFile)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(configFile, 'utf8'));
    } catch (err) {
      throw new ConfigError(`${configFile}: not valid JSON (${(err as Error).message})`);
    }
    const parsed = ConfigFile.safeParse(raw);
    if (!parsed.success) {
      throw new ConfigError(
        `${configFile}: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`,
      );
    }
    file = parsed.data;
  }

  // Per user: 47121, or the next free one of the range when another user's bridge holds it. A
  // port IT pins (file or environment) is that port only.
  let port = file.port ?? BRIDGE_DEFAULT_PORT;
  let portFallbacks = file.port === undefined ? BRIDGE_PORT_RANGE.last - BRIDGE_PORT_RANGE.first : 0;
  if (env.CLINIC_BRIDGE_PORT !== undefined && env.CLINIC_BRIDGE_PORT !== '') {
    const n = Number(env.CLINIC_BRIDGE_PORT);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError('CLINIC_BRIDGE_PORT: not a port number');
    port = n;
    portFallbacks = 0;
  }

  let allowedExtensionIds = file.extensionIds ?? [...new Set([CHROME_EXTENSION_ID, EDGE_EXTENSION_ID])];
  if (env.CLINIC_BRIDGE_EXTENSION_IDS) {
    const ids = env.CLINIC_BRIDGE_EXTENSION_IDS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = ids.filter((id) => !EXTENSION_ID_RE.test(id));
    if (ids.length === 0 || bad.length > 0) {
      throw new ConfigError('CLINIC_BRIDGE_EXTENSION_IDS: comma-separated extension IDs (32 letters a–p)');
    }
    allowedExtensionIds = ids;
  }

  const exportDir = path.resolve(env.CLINIC_BRIDGE_EXPORT_DIR || file.exportDir || defaultExportDir());
  const tokenFile = path.resolve(file.tokenFile ?? path.join(configDir, 'bridge-token'));

  let token: string;
  if (env.CLINIC_BRIDGE_TOKEN) {
    token = env.CLINIC_BRIDGE_TOKEN.trim();
    if (!TOKEN_RE.test(token)) {
      throw new ConfigError('CLINIC_BRIDGE_TOKEN: at least 22 base64url characters (128 bits)');
    }
  } else if (existsSync(tokenFile)) {
    token = readFileSync(tokenFile, 'utf8').trim();
    if (!TOKEN_RE.test(token)) throw new ConfigError(`${tokenFile}: token too short or malformed`);
    try {
      chmodSync(tokenFile, 0o600);
    } catch {
      // Windows: the file lives in the user's profile, protected by its ACL.
    }
  } else {
    token = generateToken();
    mkdirSync(path.dirname(tokenFile), { recursive: true, mode: 0o700 });
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(tokenFile, 0o600);
    options.onTokenCreated?.(token, tokenFile);
  }

  const anchorPaths = env.CLINIC_BRIDGE_TRUST_ANCHORS
    ? env.CLINIC_BRIDGE_TRUST_ANCHORS.split(path.delimiter).filter(Boolean)
    : (file.trustAnchors ?? defaultTrustAnchorFiles(configDir));
  return {
    host: '127.0.0.1',
    port,
    portFallbacks,
    token,
    allowedExtensionIds,
    exportDir,
    tokenFile,
    discoveryFile: path.join(configDir, DISCOVERY_FILE_NAME),
    trustAnchors: anchors(anchorPaths),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  };
}
