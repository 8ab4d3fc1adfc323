/**
 * Issue 11, the bridge's side of pairing with no paste: the discovery file, the native messaging
 * host (spoken to exactly as Chrome does: length-prefixed JSON on stdin, the caller's origin as
 * first argument), its registration per user, and the per-user port.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DISCOVERY_FILE_NAME, removeDiscovery, replyFile, writeDiscovery } from '../../bridge/native-host/discovery';
import { NATIVE_HOST_NAME, registerNativeHost } from '../../bridge/native-host/register';
import { NATIVE_HOST_NAME as EXTENSION_HOST_NAME } from '../../extension/lib/bridge-settings';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';
import { startStubBridge, TEST_TOKEN } from '../bridge/http-helpers';
import { askHost } from '../bridge/native-host-client';

const OUR_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}/`;
const HOST = path.resolve('bridge/native-host/host.mjs');
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'cc-native-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Both hosts, asked the same questions: the shell one (Linux, macOS) and host.mjs (Windows). */
const hosts: [string, (file: string) => (origin: string, message: unknown) => ReturnType<typeof askHost>][] = [
  [
    'host.mjs (node; Windows)',
    (file) => (origin, message) =>
      askHost(process.execPath, [HOST, origin], message, { CLINIC_BRIDGE_DISCOVERY: file }),
  ],
  [
    'the shell host (POSIX)',
    (file) => {
      const home = path.dirname(file);
      const [manifest] = registerNativeHost({
        launcherDir: path.join(home, 'native-host'),
        discoveryFile: file,
        allowedExtensionIds: [CHROME_EXTENSION_ID],
        manifestDirs: [path.join(home, 'NativeMessagingHosts')],
      });
      const launcher = JSON.parse(readFileSync(manifest!, 'utf8')).path as string;
      // Started the way Chrome starts it: the launcher alone, the caller's origin as argument.
      return (origin, message) => askHost(launcher, [origin], message);
    },
  ],
];

describe.each(hosts)('the native messaging host: %s', (_label, makeHost) => {
  const dir = tmp();
  const file = path.join(dir, DISCOVERY_FILE_NAME);
  const ask = makeHost(file);

  it('before the bridge ever started: "bridge-not-started", no token', async () => {
    expect((await ask(OUR_ORIGIN, { type: 'discover' })).reply).toEqual({ ok: false, code: 'bridge-not-started' });
  });

  it('tells this user’s port and token to our extension, fast; the files are the user’s alone', async () => {
    writeDiscovery(file, { port: 47123, token: TEST_TOKEN, allowedOrigins: [OUR_ORIGIN] });
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(replyFile(file)).mode & 0o777).toBe(0o600);
    }
    const { reply, ms } = await ask(OUR_ORIGIN, { type: 'discover' });
    expect(reply).toEqual({ ok: true, protocolVersion: 2, port: 47123, token: TEST_TOKEN });
    const times = [ms];
    for (let i = 0; i < 4; i++) times.push((await ask(OUR_ORIGIN, { type: 'discover' })).ms);
    console.info(`[native host] ${_label}: answers in ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  });

  it('another extension gets nothing, nor does any other request', async () => {
    const other = 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/';
    expect((await ask(other, { type: 'discover' })).reply).toEqual({ ok: false, code: 'origin-not-allowed' });
    for (const request of [{ type: 'token' }, { type: 'discover', x: 1 }, 'discover']) {
      expect((await ask(OUR_ORIGIN, request)).reply).toEqual({ ok: false, code: 'unknown-request' });
    }
  });

  it('a bridge that is gone: "bridge-not-running"; its files are removed only by its own process', async () => {
    const stale = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...stale, pid: 2 ** 22 + 12345 }));
    expect((await ask(OUR_ORIGIN, { type: 'discover' })).reply).toEqual({ ok: false, code: 'bridge-not-running' });
    removeDiscovery(file);
    expect(() => statSync(file)).not.toThrow();
    writeDiscovery(file, { port: 47123, token: TEST_TOKEN, allowedOrigins: [OUR_ORIGIN] });
    removeDiscovery(file);
    expect(() => statSync(file)).toThrow();
    expect(() => statSync(replyFile(file))).toThrow();
  });
});

describe('registration per user', () => {
  it('a launcher and a manifest naming our extension origins only; the same host name as the extension', () => {
    const home = tmp();
    const manifests = registerNativeHost({
      launcherDir: path.join(home, 'native-host'),
      discoveryFile: path.join(home, DISCOVERY_FILE_NAME),
      allowedExtensionIds: [CHROME_EXTENSION_ID, CHROME_EXTENSION_ID],
      manifestDirs: [path.join(home, 'profile', 'NativeMessagingHosts')],
    });
    expect(manifests).toEqual([path.join(home, 'profile', 'NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`)]);
    const manifest = JSON.parse(readFileSync(manifests[0]!, 'utf8'));
    expect(manifest).toMatchObject({ name: NATIVE_HOST_NAME, type: 'stdio', allowed_origins: [OUR_ORIGIN] });
    expect(path.isAbsolute(manifest.path)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(manifest.path).mode & 0o777).toBe(0o700);
    expect(EXTENSION_HOST_NAME).toBe(NATIVE_HOST_NAME);
  });
});

describe('a port per user', () => {
  const freeRun = async (length: number): Promise<number> => {
    for (;;) {
      const base = 40000 + Math.floor(Math.random() * 20000);
      const free = await Promise.all(
        Array.from(
          { length },
          (_, i) =>
            new Promise<boolean>((resolve) => {
              const s = net.createServer().once('error', () => resolve(false));
              s.listen(base + i, '127.0.0.1', () => s.close(() => resolve(true)));
            }),
        ),
      );
      if (free.every(Boolean)) return base;
    }
  };

  it('another user’s bridge holds the first port → the next free one; a pinned port is that port only', async () => {
    const base = await freeRun(3);
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(base, '127.0.0.1', resolve));
    try {
      const { bridge } = await startStubBridge({ port: base, portFallbacks: 2 });
      expect(bridge.port).toBe(base + 1);
      await bridge.close();
      await expect(startStubBridge({ port: base, portFallbacks: 0 })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((r) => other.close(r));
    }
  });
});
