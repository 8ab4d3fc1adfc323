import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIVE_HOST_NAME } from '../../bridge/native-host/register';
import { bundleBridge } from '../../scripts/bridge/bundle';
import { createHealthChallenge, verifyHealthProof } from '../../shared/bridge-protocol';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';
import { journalRequest } from '../bridge/fixtures';
import { askHost } from '../bridge/native-host-client';

/**
 * Issue 12: the bridge as software IT installs, on Linux, into a temporary HOME. install.sh →
 * the installed bundle runs with plain node and answers /v1/health on loopback, its native host
 * hands out this user's port and token, a PDF is exported with the bundle's own fonts →
 * uninstall.sh stops it and leaves nothing but the user's exported file. systemd is not running
 * here: the unit file's content is checked and the bundle is started directly, as the unit would.
 */
const run = promisify(execFile);
const ROOT = process.cwd();
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}`;
const BROWSERS = ['google-chrome', 'chromium', 'microsoft-edge'];

let work: string;
let home: string;
let bundle: string;
let bridge: ChildProcess | undefined;
const env = () => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' });
const dest = () => path.join(home, '.local/share/clinic-companion/bridge');
const configDir = () => path.join(home, '.config/clinic-companion');

function tree(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    const rel = path.relative(home, full);
    return e.isDirectory() ? [`${rel}/`, ...tree(full)] : [rel];
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function request(port: number, route: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: route,
        method: body ? 'POST' : 'GET',
        agent: false,
        headers: { Origin: ORIGIN, ...headers },
      },
      (res) => {
        let data = '';
        res.on('data', (c) => {
          data += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data || '{}') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs a deploy script without blocking this process (the bridge's log pipe is read meanwhile). */
const sh = async (script: string, args: string[] = []) =>
  (await run('sh', [path.join(ROOT, 'deploy/linux', script), ...args], { env: env(), cwd: work, encoding: 'utf8' }))
    .stdout;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'cc-install-'));
  home = path.join(work, 'home');
  // A user's home as it usually is before the install.
  for (const dir of ['.config', '.local/share', 'Documents']) mkdirSync(path.join(home, dir), { recursive: true });
  bundle = (await bundleBridge(ROOT, path.join(work, 'bundle'))).dir;
}, 60_000);

afterAll(() => {
  bridge?.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('Linux install for one user (temporary HOME)', () => {
  let before: string[];
  let port: number;
  let token: string;

  it('install.sh copies the bundle, writes the systemd --user unit and registers the native host for three browsers', async () => {
    before = tree(home);
    const out = await sh('install.sh', ['--from', bundle, '--no-start']);
    expect(out).toContain(`Clinic Companion bridge ${VERSION} installed`);
    for (const file of ['main.mjs', 'lib/bridge.mjs', 'lib/host.mjs', 'package.json', 'uninstall.sh'])
      expect(existsSync(path.join(dest(), file)), file).toBe(true);
    // The PC/SC addon and the fonts travel inside the bundle.
    expect(
      statSync(path.join(dest(), 'node_modules/smartcard/build/Release/smartcard_napi.node')).size,
    ).toBeGreaterThan(0);
    expect(existsSync(path.join(dest(), 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))).toBe(true);

    const unit = readFileSync(path.join(home, '.config/systemd/user/clinic-companion-bridge.service'), 'utf8');
    expect(unit).toContain(`ExecStart="${process.execPath}" "${dest()}/main.mjs"`);
    expect(unit).toMatch(/^Restart=on-failure$/m);
    expect(unit).toMatch(/^RestartPreventExitStatus=2$/m);
    expect(unit).toMatch(/^\[Install\]\nWantedBy=default\.target$/m);
    expect(unit).toContain(`Clinic Companion bridge ${VERSION}`);

    for (const browser of BROWSERS) {
      const manifest = JSON.parse(
        readFileSync(path.join(home, '.config', browser, 'NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`), 'utf8'),
      );
      expect(manifest).toMatchObject({ name: NATIVE_HOST_NAME, type: 'stdio', allowed_origins: [`${ORIGIN}/`] });
      expect(manifest.path).toBe(path.join(configDir(), 'native-host/clinic-companion-host'));
      expect(statSync(manifest.path).mode & 0o100).toBe(0o100);
    }
  });

  it('the installed bundle runs with plain node (no tsx, no source tree) and answers /v1/health with its version', async () => {
    port = await freePort();
    bridge = spawn(process.execPath, [path.join(dest(), 'main.mjs')], {
      cwd: work,
      env: { ...env(), CLINIC_BRIDGE_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      bridge!.stdout!.on('data', (c) => {
        out += c;
        if (out.includes('"native_host.registered"')) resolve();
      });
      bridge!.on('exit', (code) => reject(new Error(`bridge exited ${code}`)));
    });
    token = readFileSync(path.join(configDir(), 'bridge-token'), 'utf8').trim();
    const challenge = createHealthChallenge();
    const proven = await request(port, `/v1/health?challenge=${challenge}`, { Host: `127.0.0.1:${port}` });
    expect(proven.status).toBe(200);
    expect(await verifyHealthProof(token, challenge, String(proven.json.proof))).toBe(true);
    const health = await request(port, '/v1/health', { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}` });
    expect(health.json).toMatchObject({ ok: true, version: VERSION });
  });

  it('the native host the install registered tells the extension this user’s port and token (pairing)', async () => {
    const manifestFile = path.join(home, '.config/chromium/NativeMessagingHosts', `${NATIVE_HOST_NAME}.json`);
    const launcher = JSON.parse(readFileSync(manifestFile, 'utf8')).path as string;
    const { reply } = await askHost(launcher, [`${ORIGIN}/`], { type: 'discover' }, env());
    expect(reply).toEqual({ ok: true, protocolVersion: expect.any(Number), port, token });
  });

  it('exports a PDF with the fonts inside the bundle', async () => {
    const resolved = execFileSync(
      process.execPath,
      [
        '-e',
        "console.log(require('node:module').createRequire(process.argv[1]).resolve('dejavu-fonts-ttf/package.json'))",
        path.join(dest(), 'lib/bridge.mjs'),
      ],
      { encoding: 'utf8' },
    ).trim();
    expect(resolved).toBe(path.join(dest(), 'node_modules/dejavu-fonts-ttf/package.json'));
    const res = await request(
      port,
      '/v1/pdf/journal',
      { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      JSON.stringify(journalRequest()),
    );
    expect(res.status).toBe(200);
    expect(String(res.json.path).startsWith(path.join(home, 'Documents/Clinic Companion/'))).toBe(true);
  });

  it('uninstall.sh stops the bridge and leaves nothing but the user’s exported file', async () => {
    const exited = new Promise((resolve) => bridge!.once('exit', resolve));
    const out = await sh('uninstall.sh');
    await exited;
    bridge = undefined;
    expect(out).toContain('Kept');
    const exportDir = path.join(home, 'Documents/Clinic Companion');
    expect(readdirSync(exportDir)).toHaveLength(1);
    rmSync(exportDir, { recursive: true });
    expect(tree(home)).toEqual(before);
  }, 20_000);
});
