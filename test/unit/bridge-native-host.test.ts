/**
 * Issue 11, the bridge's side of pairing with no paste: the discovery file, the native messaging
 * host (spoken to exactly as Chrome does: length-prefixed JSON on stdin, the caller's origin as
 * first argument), its registration per user, and the per-user port.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DISCOVERY_FILE_NAME, removeDiscovery, writeDiscovery } from '../../bridge/native-host/discovery';
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

describe('the native messaging host', () => {
  const dir = tmp();
  const file = path.join(dir, DISCOVERY_FILE_NAME);
  const env = { CLINIC_BRIDGE_DISCOVERY: file };

  it('before the bridge ever started: "bridge-not-started", no token', async () => {
    expect((await askHost(process.execPath, [HOST, OUR_ORIGIN], { type: 'discover' }, env)).reply).toEqual({
      ok: false,
      code: 'bridge-not-started',
    });
  });

  it('tells this user’s port and token to our extension, fast; the file is the user’s alone', async () => {
    writeDiscovery(file, { port: 47123, token: TEST_TOKEN, allowedOrigins: [OUR_ORIGIN] });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const { reply, ms } = await askHost(process.execPath, [HOST, OUR_ORIGIN], { type: 'discover' }, env);
    expect(reply).toEqual({ ok: true, protocolVersion: 2, port: 47123, token: TEST_TOKEN });
    console.info(`[native host] answer in ${ms.toFixed(0)} ms (process start included)`);
    expect(ms).toBeLessThan(1_000);
  });

  it('another extension gets nothing, nor does an unknown request', async () => {
    const other = 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/';
    expect((await askHost(process.execPath, [HOST, other], { type: 'discover' }, env)).reply).toEqual({
      ok: false,
      code: 'origin-not-allowed',
    });
    expect((await askHost(process.execPath, [HOST, OUR_ORIGIN], { type: 'token' }, env)).reply).toEqual({
      ok: false,
      code: 'unknown-request',
    });
  });

  it('a bridge that is gone: "bridge-not-running"; its file is removed only by its own process', async () => {
    const stale = JSON.parse(readFileSync(file, 'utf8'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify({ ...stale, pid: 2 ** 22 + 12345 }));
    expect((await askHost(process.execPath, [HOST, OUR_ORIGIN], { type: 'discover' }, env)).reply).toEqual({
      ok: false,
      code: 'bridge-not-running',
    });
    removeDiscovery(file);
    expect(() => statSync(file)).not.toThrow();
  });

  it('is registered per user: a launcher and a manifest naming our extension origins only', async () => {
    const home = tmp();
    const manifests = registerNativeHost({
      launcherDir: path.join(home, 'native-host'),
      discoveryFile: file,
      allowedExtensionIds: [CHROME_EXTENSION_ID, CHROME_EXTENSION_ID],
      manifestDirs: [path.join(home, 'profile', 'NativeMessagingHosts')],
    });
    expect(manifests).toEqual([path.join(home, 'profile', 'NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`)]);
    const manifest = JSON.parse(readFileSync(manifests[0]!, 'utf8'));
    expect(manifest).toMatchObject({ name: NATIVE_HOST_NAME, type: 'stdio', allowed_origins: [OUR_ORIGIN] });
    expect(path.isAbsolute(manifest.path)).toBe(true);
    writeDiscovery(file, { port: 47124, token: TEST_TOKEN, allowedOrigins: [OUR_ORIGIN] });
    // Started the way Chrome starts it: the launcher alone, with the caller's origin.
    expect(
      (await askHost(manifest.path, [OUR_ORIGIN], { type: 'discover' }, { CLINIC_BRIDGE_DISCOVERY: '' })).reply,
    ).toMatchObject({ ok: true, port: 47124 });
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
