import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionIdFromSpki, publicKeyDer } from '../../scripts/package/crx3';
import { buildPackages } from '../../scripts/package/index';
import { MINIMUM_CHROME_VERSION } from '../../scripts/policy/targets';
import { EXTENSION_PUBLIC_KEY } from '../../shared/extension-identity';
import { browserTestsUnavailable, CHROMIUM, QUIET_FLAGS } from './harness';

/**
 * Issue 12, self-hosting: the CRX3 the build signs and its update.xml, served on loopback, are
 * force-installed by real Chromium through machine policy (ExtensionInstallForcelist), as IT does
 * from an intranet server. A throwaway key signs it here (so the ID is not the pinned one). The
 * policy file is machine-global: written as root, removed afterwards.
 */
const POLICY_FILE = '/etc/chromium/policies/managed/clinic-companion-selfhosted-test.json';
const isRoot = process.getuid?.() === 0;
const unavailable = browserTestsUnavailable() ?? (isRoot ? null : 'writing machine policy needs root');
if (unavailable && process.env.CI === 'true') throw new Error(unavailable);
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe.skipIf(unavailable)('self-hosted CRX3 + update.xml, force-installed by policy in real Chromium', () => {
  let work: string;
  let server: http.Server;
  const served: string[] = [];
  let id: string;
  let updateUrl: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'cc-selfhosted-'));
    const key = path.join(work, 'throwaway.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], {
      stdio: 'ignore',
    });
    id = extensionIdFromSpki(publicKeyDer(readFileSync(key, 'utf8')));
    const packages = path.join(work, 'packages');
    server = http
      .createServer((req, res) => {
        served.push((req.url ?? '').split('?')[0]!);
        try {
          res.end(readFileSync(path.join(packages, path.basename((req.url ?? '/').split('?')[0]!))));
        } catch {
          res.statusCode = 404;
          res.end();
        }
      })
      .listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    updateUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/update.xml`;
    const built = await buildPackages({ packagesDir: packages, keyFile: key, updateUrl, all: false });
    expect(built.appId).toBe(id);
    mkdirSync(path.dirname(POLICY_FILE), { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ ExtensionInstallForcelist: [`${id};${updateUrl}`] }));
  });

  afterAll(() => {
    rmSync(POLICY_FILE, { force: true });
    server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('Chromium fetches update.xml, then the CRX, verifies it and installs the extension', async () => {
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      pipe: true,
      userDataDir: path.join(work, 'profile'),
      // The extension updater is background networking: it must run here.
      ignoreDefaultArgs: [
        '--disable-extensions',
        '--disable-background-networking',
        '--disable-component-extensions-with-background-pages',
        '--disable-default-apps',
      ],
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
    });
    try {
      const page = await browser.newPage();
      interface Installed {
        id: string;
        location: string;
        version: string;
        path: string;
      }
      let installed: Installed | undefined;
      const deadline = Date.now() + 45_000;
      while (!installed && Date.now() < deadline) {
        await page.goto('chrome://extensions-internals');
        const list = JSON.parse((await page.evaluate(() => document.body.textContent)) ?? '[]') as Installed[];
        installed = list.find((e) => e.id === id);
        if (!installed) await new Promise((r) => setTimeout(r, 500));
      }
      expect(served).toEqual(expect.arrayContaining(['/update.xml', `/clinic-companion-${VERSION}.crx`]));
      expect(installed).toMatchObject({ id, location: 'EXTERNAL_POLICY_DOWNLOAD', version: VERSION });
      // The manifest inside the CRX: where updates come from, and the oldest browser it runs in.
      const manifest = JSON.parse(readFileSync(path.join(installed!.path, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({ update_url: updateUrl, minimum_chrome_version: MINIMUM_CHROME_VERSION });
    } finally {
      await browser.close();
    }
  });
});

/** `npm run build`'s Edge package (the store upload, no `key`): it loads and runs in Chromium. */
const EDGE_ZIP = `.output/packages/clinic-companion-${VERSION}-edge.zip`;
const edgeUnavailable =
  browserTestsUnavailable() ?? (existsSync(EDGE_ZIP) ? null : `${EDGE_ZIP} missing: npm run build`);
if (edgeUnavailable && process.env.CI === 'true') throw new Error(edgeUnavailable);

describe.skipIf(edgeUnavailable)('the Edge store package', () => {
  it('loads in Chromium: its worker starts with the version and the oldest browser it declares', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-edge-'));
    execFileSync('python3', [
      '-c',
      'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
      EDGE_ZIP,
      dir,
    ]);
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      pipe: true,
      enableExtensions: [dir],
      userDataDir: path.join(dir, '.profile'),
      args: QUIET_FLAGS,
      env: { ...process.env, LANGUAGE: 'sv' },
    });
    try {
      const target = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
        { timeout: 20_000 },
      );
      const worker = (await target.worker())!;
      // A worker can be attached before its extension APIs exist: ask until they do.
      const deadline = Date.now() + 20_000;
      let manifest: chrome.runtime.Manifest | undefined;
      while (!manifest && Date.now() < deadline) {
        manifest = await worker.evaluate(() => globalThis.chrome?.runtime?.getManifest()).catch(() => undefined);
        if (!manifest) await new Promise((r) => setTimeout(r, 100));
      }
      expect(manifest).toMatchObject({
        name: 'Clinic Companion',
        version: VERSION,
        minimum_chrome_version: MINIMUM_CHROME_VERSION,
      });
      expect(manifest).not.toHaveProperty('key');
      // No key: the store assigns the ID, so it is not the pinned one.
      expect(new URL(target.url()).host).not.toBe(extensionIdFromSpki(Buffer.from(EXTENSION_PUBLIC_KEY, 'base64')));
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
