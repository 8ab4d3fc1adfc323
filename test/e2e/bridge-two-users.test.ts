/**
 * Issue 11 on a shared PC: two OS users (root and `nobody`, two uids), each running the bridge as
 * `npm start` does (tsx bridge/main.ts) with their own config folder, and each their own Chromium
 * with the test build, profile in the user's own `~/.config/chromium` where the bridge registered
 * its native host. Each extension must reach its own user's bridge, never the other one.
 * Needs root (to start processes as another uid); skipped otherwise.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_PORT_RANGE } from '../../shared/bridge-protocol';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';
import { browserTestsUnavailable, CHROMIUM, TEST_EXTENSION_DIR, waitFor } from './harness';

const NOBODY = 65534;
const unavailable = browserTestsUnavailable() ?? (process.getuid?.() === 0 ? null : 'not root');

interface User {
  name: string;
  uid: number;
  home: string;
  bridge?: ChildProcess;
  discovery?: { port: number; token: string; pid: number };
  browser?: Browser;
}

/** Runs `command` as `uid` (setpriv), with a clean environment naming the user's home. */
function asUser(user: User, command: string[], extraEnv: string[] = []): string[] {
  const env = [`HOME=${user.home}`, `XDG_CONFIG_HOME=${user.home}/.config`, 'PATH=/usr/bin:/bin', ...extraEnv];
  if (user.uid === 0) return ['env', '-i', ...env, ...command];
  return ['setpriv', `--reuid=${user.uid}`, `--regid=${user.uid}`, '--clear-groups', 'env', '-i', ...env, ...command];
}

async function startUserBridge(user: User): Promise<void> {
  const [cmd, ...args] = asUser(
    user,
    [process.execPath, path.resolve('node_modules/tsx/dist/cli.mjs'), 'bridge/main.ts'],
    [`CLINIC_BRIDGE_EXPORT_DIR=${path.join(user.home, 'export')}`],
  );
  user.bridge = spawn(cmd!, args, { cwd: process.cwd(), stdio: 'ignore' });
  const file = path.join(user.home, '.config', 'clinic-companion', 'bridge-endpoint.json');
  await waitFor(() => existsSync(file), 20_000);
  user.discovery = JSON.parse(readFileSync(file, 'utf8'));
}

async function launchAs(user: User): Promise<Browser> {
  // The user's own Chromium profile: where the bridge registered the native host for them.
  const wrapper = path.join(user.home, 'chromium-as-user.sh');
  const command = asUser(user, [CHROMIUM])
    .map((a) => `'${a}'`)
    .join(' ');
  writeFileSync(wrapper, `#!/bin/sh\nexec ${command} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return puppeteer.launch({
    executablePath: wrapper,
    headless: true,
    pipe: true,
    enableExtensions: [TEST_EXTENSION_DIR],
    userDataDir: path.join(user.home, '.config', 'chromium'),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
}

async function workerOf(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${CHROME_EXTENSION_ID}/`),
    { timeout: 20_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('no worker');
  await waitFor(() =>
    worker.evaluate(() => typeof chrome === 'object' && !!chrome.storage?.session).catch(() => false),
  );
  return worker;
}

describe.skipIf(unavailable)('two OS users on one PC: each extension reaches its own bridge (issue 11)', () => {
  const users: User[] = [
    { name: 'A (root)', uid: 0, home: mkdtempSync(path.join(tmpdir(), 'cc-user-a-')) },
    { name: 'B (nobody)', uid: NOBODY, home: mkdtempSync(path.join(tmpdir(), 'cc-user-b-')) },
  ];

  beforeAll(async () => {
    for (const user of users) {
      chownSync(user.home, user.uid, user.uid);
      chmodSync(user.home, 0o700);
    }
    // One after the other, as two logons: A takes the first port of the range, B the next free.
    for (const user of users) await startUserBridge(user);
  });
  afterAll(async () => {
    for (const user of users) {
      await user.browser?.close().catch(() => {});
      if (user.bridge?.pid) process.kill(user.bridge.pid, 'SIGTERM');
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const user of users) rmSync(user.home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  it('each bridge takes its own port of the range and its own token; neither user can read the other’s', () => {
    const [a, b] = users as [User, User];
    for (const user of users) {
      expect(user.discovery!.port).toBeGreaterThanOrEqual(BRIDGE_PORT_RANGE.first);
      expect(user.discovery!.port).toBeLessThanOrEqual(BRIDGE_PORT_RANGE.last);
    }
    expect(a.discovery!.port).not.toBe(b.discovery!.port);
    expect(a.discovery!.token).not.toBe(b.discovery!.token);
    // B cannot read A's discovery file (0600 in A's 0700 folder); the token stays A's.
    const [cmd, ...args] = asUser(b, ['cat', path.join(a.home, '.config', 'clinic-companion', 'bridge-endpoint.json')]);
    const read = spawnSync(cmd!, args, { encoding: 'utf8' });
    expect(read.status).not.toBe(0);
    expect(read.stdout).not.toContain(a.discovery!.token);
  });

  it('each user’s Chromium pairs with no paste, with that user’s bridge', async () => {
    for (const user of users) {
      user.browser = await launchAs(user);
      // Really that user's browser: the process (setpriv exec'd Chromium in place) runs as the uid.
      const status = readFileSync(`/proc/${user.browser.process()!.pid}/status`, 'utf8');
      expect(/^Uid:\s+(\d+)/m.exec(status)?.[1], user.name).toBe(String(user.uid));
      const worker = await workerOf(user.browser);
      const read = () =>
        worker.evaluate(() => chrome.storage.session.get(['bridgePairingInfo', 'bridgeStatus'])) as Promise<{
          bridgePairingInfo?: { source: string; port: number; provenAfterStartMs?: number };
          bridgeStatus?: { bridge: string; source?: string };
        }>;
      await waitFor(async () => {
        const { bridgePairingInfo, bridgeStatus } = await read();
        return typeof bridgePairingInfo?.provenAfterStartMs === 'number' && bridgeStatus?.bridge === 'ok';
      }, 20_000);
      const seen = await read();
      expect(seen.bridgePairingInfo, user.name).toMatchObject({ source: 'native', port: user.discovery!.port });
      expect(seen.bridgeStatus, user.name).toMatchObject({ bridge: 'ok', source: 'native' });
      // The token the worker holds is this user's, never the other's.
      const held = await worker.evaluate(() =>
        chrome.storage.session.get('bridgeNativeEndpoint').then((s) => JSON.stringify(s.bridgeNativeEndpoint ?? null)),
      );
      const other = users.find((u) => u !== user)!;
      expect(held).toContain(user.discovery!.token);
      expect(held).not.toContain(other.discovery!.token);
    }
  });
});
