/**
 * This OS user's discovery file: how the native messaging host learns where this user's bridge
 * listens and with which token. Written by the bridge once it listens, atomically, 0600 in the
 * user's 0700 config folder (on Windows: the profile's ACL); removed when the bridge stops.
 * Beside it, `<name>.reply`: the host's whole answer, already framed as Chrome reads it (4-byte
 * length + JSON), so the POSIX shell host only copies it (register.ts); host.mjs reads the JSON.
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
  const answer = Buffer.from(
    JSON.stringify({ ok: true, protocolVersion: discovery.protocolVersion, port: entry.port, token: entry.token }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(answer.length, 0);
  writeAtomically(replyFile(file), Buffer.concat([length, answer]));
  writeAtomically(file, Buffer.from(`${JSON.stringify(discovery)}\n`));
}

/** The framed answer beside the discovery file (`bridge-endpoint.reply`). */
export function replyFile(discoveryFile: string): string {
  return discoveryFile.replace(/\.json$/, '') + '.reply';
}

function writeAtomically(file: string, bytes: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes, { mode: 0o600, flag: 'w' });
  renameSync(temp, file);
}

/** Removes the file only while it still names this process (a newer bridge may have replaced it). */
export function removeDiscovery(file: string): void {
  try {
    const current = JSON.parse(readFileSync(file, 'utf8')) as Partial<Discovery>;
    if (current.pid !== process.pid) return;
    rmSync(file, { force: true });
    rmSync(replyFile(file), { force: true });
  } catch {
    // Gone or unreadable: nothing of ours to remove.
  }
}
