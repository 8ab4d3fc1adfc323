/**
 * Registers the native messaging host for the current OS user (no admin rights, no machine-wide
 * file): a launcher in the user's config folder that runs host.mjs with this node and this user's
 * discovery file, and a host manifest whose `allowed_origins` are our pinned Chrome and Edge
 * extension origins only. The bridge does this at every start, so it needs no installer step.
 *
 * Manifest locations, per user: Linux `~/.config/{google-chrome,chromium,microsoft-edge}/
 * NativeMessagingHosts/`, macOS `~/Library/Application Support/{Google/Chrome,Chromium,
 * Microsoft Edge}/NativeMessagingHosts/`, Windows the registry key `HKCU\Software\{Google\Chrome,
 * Microsoft\Edge}\NativeMessagingHosts\<name>` naming the manifest file.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { replyFile } from './discovery';

export const NATIVE_HOST_NAME = 'se.cliniccompanion.bridge';
const HOST_SCRIPT = fileURLToPath(new URL('./host.mjs', import.meta.url));

export interface HostRegistration {
  /** Where the launcher is written (the user's config folder). */
  launcherDir: string;
  discoveryFile: string;
  allowedExtensionIds: readonly string[];
  /** Folders to write the manifest into; default: this user's Chrome, Chromium and Edge ones. */
  manifestDirs?: readonly string[];
}

export function nativeHostManifest(launcher: string, allowedExtensionIds: readonly string[]): object {
  return {
    name: NATIVE_HOST_NAME,
    description: 'Clinic Companion: finds this user’s bridge (port and pairing token)',
    path: launcher,
    type: 'stdio',
    allowed_origins: [...new Set(allowedExtensionIds)].map((id) => `chrome-extension://${id}/`),
  };
}

export function defaultManifestDirs(platform: NodeJS.Platform = process.platform, home = os.homedir()): string[] {
  const browsers =
    platform === 'darwin'
      ? [
          'Library/Application Support/Google/Chrome',
          'Library/Application Support/Chromium',
          'Library/Application Support/Microsoft Edge',
        ]
      : ['.config/google-chrome', '.config/chromium', '.config/microsoft-edge'];
  return browsers.map((b) => path.join(home, b, 'NativeMessagingHosts'));
}

/** A host answer, framed as Chrome reads it, as printf octal escapes (for the shell host). */
function framed(answer: object): string {
  const body = Buffer.from(JSON.stringify(answer));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  const octal = [...head].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
  return `printf '${octal}%s' '${body.toString('utf8')}'`;
}

/**
 * POSIX: the host itself, in sh (a node start costs 50–200 ms at every browser start; sh a few):
 * it checks the caller's origin and the request, that the bridge named in the discovery file is
 * alive, and copies the framed answer the bridge wrote. Same answers as host.mjs (Windows).
 */
function shellHost(discoveryFile: string, origins: string[]): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `#!/bin/sh
# Clinic Companion native messaging host (written by the bridge; see bridge/native-host/).
discovery=${q(discoveryFile)}
reply=${q(replyFile(discoveryFile))}
case "$1" in
  ${origins.map(q).join('|')}) ;;
  *) ${framed({ ok: false, code: 'origin-not-allowed' })}; exit 0 ;;
esac
length=$(dd bs=1 count=4 2>/dev/null | od -An -tu4 | tr -d ' \\n')
[ "$length" = 19 ] && request=$(dd bs=1 count=19 2>/dev/null)
if [ "$request" != '{"type":"discover"}' ]; then ${framed({ ok: false, code: 'unknown-request' })}; exit 0; fi
if [ ! -r "$discovery" ] || [ ! -r "$reply" ]; then ${framed({ ok: false, code: 'bridge-not-started' })}; exit 0; fi
pid=$(sed -n 's/.*"pid":\\([0-9][0-9]*\\).*/\\1/p' "$discovery")
if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then ${framed({ ok: false, code: 'bridge-not-running' })}; exit 0; fi
exec cat "$reply"
`;
}

/** The launcher Chrome starts: the shell host (POSIX), or node with host.mjs (Windows). */
function writeLauncher(dir: string, discoveryFile: string, allowedExtensionIds: readonly string[]): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') {
    const file = path.join(dir, 'clinic-companion-host.cmd');
    writeFileSync(
      file,
      `@echo off\r\nset "CLINIC_BRIDGE_DISCOVERY=${discoveryFile}"\r\n"${process.execPath}" "${HOST_SCRIPT}" %*\r\n`,
    );
    return file;
  }
  const file = path.join(dir, 'clinic-companion-host');
  const origins = [...new Set(allowedExtensionIds)].map((id) => `chrome-extension://${id}/`);
  writeFileSync(file, shellHost(discoveryFile, origins), { mode: 0o700 });
  chmodSync(file, 0o700);
  return file;
}

/** Writes the launcher and the manifests; returns where the manifests went. */
export function registerNativeHost(registration: HostRegistration): string[] {
  const launcher = writeLauncher(
    registration.launcherDir,
    registration.discoveryFile,
    registration.allowedExtensionIds,
  );
  const manifest = `${JSON.stringify(nativeHostManifest(launcher, registration.allowedExtensionIds), null, 2)}\n`;
  if (process.platform === 'win32' && !registration.manifestDirs) {
    const file = path.join(registration.launcherDir, `${NATIVE_HOST_NAME}.json`);
    writeFileSync(file, manifest);
    for (const vendor of ['Google\\Chrome', 'Microsoft\\Edge']) {
      const key = `HKCU\\Software\\${vendor}\\NativeMessagingHosts\\${NATIVE_HOST_NAME}`;
      execFileSync('reg', ['add', key, '/ve', '/t', 'REG_SZ', '/d', file, '/f'], { stdio: 'ignore' });
    }
    return [file];
  }
  const written: string[] = [];
  for (const dir of registration.manifestDirs ?? defaultManifestDirs()) {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${NATIVE_HOST_NAME}.json`);
    writeFileSync(file, manifest, { mode: 0o644 });
    written.push(file);
  }
  return written;
}
