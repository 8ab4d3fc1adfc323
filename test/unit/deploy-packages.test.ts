import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crx3, extensionIdFromSpki, publicKeyDer, verifyCrx3 } from '../../scripts/package/crx3';
import { codebaseFor, updateXml } from '../../scripts/package/update-xml';
import { MINIMUM_CHROME_VERSION } from '../../scripts/policy/targets';
import { CHROME_EXTENSION_ID, EXTENSION_PUBLIC_KEY } from '../../shared/extension-identity';

/**
 * Issue 12: the packages IT deploys. The CRX3 writer makes the very bytes Chromium's own packer
 * makes; update.xml names the app, version and CRX; the store zips drop `key`; every package and
 * the bridge report the one version of package.json, which CHANGELOG.md's newest entry names.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'cc-packages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const hasChromium = existsSync('/usr/bin/chromium');
if (!hasChromium && process.env.CI === 'true') throw new Error('Chromium missing: the CRX3 comparison cannot run');

function newKey(): string {
  const file = path.join(work, `key-${Math.random().toString(36).slice(2)}.pem`);
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', file], {
    stdio: 'ignore',
  });
  return file;
}

describe('CRX3', () => {
  it.skipIf(!hasChromium)('is byte for byte what Chromium’s own packer makes with the same key and zip', () => {
    const dir = path.join(work, 'ext');
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ manifest_version: 3, name: 'T', version: '1.2.3' }),
    );
    const key = newKey();
    execFileSync(
      '/usr/bin/chromium',
      [
        '--no-sandbox',
        '--disable-gpu',
        `--user-data-dir=${path.join(work, 'profile')}`,
        `--pack-extension=${dir}`,
        `--pack-extension-key=${key}`,
        '--no-message-box',
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
    const chromiums = readFileSync(`${dir}.crx`);
    const { id, zip } = verifyCrx3(chromiums);
    expect(id).toBe(extensionIdFromSpki(publicKeyDer(readFileSync(key, 'utf8'))));
    expect(crx3(Buffer.from(zip), readFileSync(key, 'utf8')).equals(chromiums)).toBe(true);
  });

  it('a changed byte of the archive, or another key’s proof, is refused', () => {
    const pem = readFileSync(newKey(), 'utf8');
    const crx = crx3(Buffer.from('PK fake zip bytes'), pem);
    expect(verifyCrx3(crx).id).toMatch(/^[a-p]{32}$/);
    const tampered = Buffer.from(crx);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 1, tampered.length - 1);
    expect(() => verifyCrx3(tampered)).toThrow('bad signature');
    expect(() => verifyCrx3(Buffer.from('Cr24\x02\0\0\0'))).toThrow('not a CRX3');
  });

  it('the pinned public key gives the pinned extension ID', () => {
    expect(extensionIdFromSpki(Buffer.from(EXTENSION_PUBLIC_KEY, 'base64'))).toBe(CHROME_EXTENSION_ID);
  });
});

describe('update.xml', () => {
  it('names the app, the version, the CRX beside it and the oldest browser', () => {
    const xml = updateXml({
      appId: CHROME_EXTENSION_ID,
      version: VERSION,
      codebase: codebaseFor('https://intra.region.example/cc/update.xml', `clinic-companion-${VERSION}.crx`),
      minimumChromeVersion: MINIMUM_CHROME_VERSION,
    });
    expect(xml).toContain(`<app appid='${CHROME_EXTENSION_ID}'>`);
    expect(xml).toContain(
      `<updatecheck codebase='https://intra.region.example/cc/clinic-companion-${VERSION}.crx' version='${VERSION}' prodversionmin='116' />`,
    );
  });
});

/** What `npm run build` left in .output (it runs before the unit tests in `npm test`). */
const built = ['.output/packages/update.xml', '.output/bridge/package.json', '.output/chrome-mv3/manifest.json'].every(
  (f) => existsSync(f),
);
const zipManifest = (file: string) =>
  JSON.parse(
    execFileSync(
      'python3',
      ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("manifest.json").decode())', file],
      {
        encoding: 'utf8',
      },
    ),
  );

describe.skipIf(!built && process.env.CI !== 'true')('the build’s packages', () => {
  it.each(['chrome', 'edge'])(
    '%s store zip: no `key` (the store assigns the ID), minimum_chrome_version, the version',
    (browser) => {
      const manifest = zipManifest(`.output/packages/clinic-companion-${VERSION}-${browser}.zip`);
      expect(manifest).not.toHaveProperty('key');
      expect(manifest).not.toHaveProperty('update_url');
      expect(manifest).toMatchObject({ version: VERSION, minimum_chrome_version: MINIMUM_CHROME_VERSION });
      // The unpacked build keeps the key that pins the ID for tests and IT's unpacked installs.
      expect(JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')).key).toBe(EXTENSION_PUBLIC_KEY);
    },
  );

  it('one version everywhere: package.json, the extension, the bridge bundle, CHANGELOG.md', () => {
    expect(JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')).version).toBe(VERSION);
    expect(JSON.parse(readFileSync('.output/bridge/package.json', 'utf8')).version).toBe(VERSION);
    const released = /^## \[(\d+\.\d+\.\d+)\]/m.exec(readFileSync('CHANGELOG.md', 'utf8'))?.[1];
    expect(released).toBe(VERSION);
    expect(readFileSync('.output/packages/update.xml', 'utf8')).toContain(`version='${VERSION}'`);
  });
});
