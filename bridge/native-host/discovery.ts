/**
 * This OS user's discovery file: how the native messaging host (host.mjs) learns where this user's
 * bridge listens and with which token. Written by the bridge once it listens, atomically, 0600 in
 * the user's 0700 config folder (on Windows: the profile's ACL); removed when the bridge stops.
 * host.mjs reads the same shape (plain JavaScript, no imports: it must start fast).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BRIDGE_PROTOCOL_VERSION } from '../../shared/bridge-protocol';

export const DISCOVERY_FILE_NAME = 'bridge-endpoint.json';

export interface Discovery {
  protocolVersion: number;
  port: number;
  token: string;
  /** The bridge's process: the host answers "not running" when it is gone. */
  pid: number;
  /** `chrome-extension://<id>/` of the extensions this bridge serves (the host checks its caller). */
  allowedOrigins: string[];
  startedAt: string;
}

export function writeDiscovery(file: string, entry: Omit<Discovery, 'protocolVersion' | 'pid' | 'startedAt'>): void {
  const discovery: Discovery = {
    protocolVersion: BRIDGE_PROTOCOL_VERSION,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    ...entry,
  };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(discovery)}\n`, { mode: 0o600, flag: 'w' });
  renameSync(temp, file);
}

/** Removes the file only while it still names this process (a newer bridge may have replaced it). */
export function removeDiscovery(file: string): void {
  try {
    const current = JSON.parse(readFileSync(file, 'utf8')) as Partial<Discovery>;
    if (current.pid === process.pid) rmSync(file, { force: true });
  } catch {
    // Gone or unreadable: nothing of ours to remove.
  }
}
