/**
 * `npm run build`, after `wxt build`: what IT deploys, in .output/.
 *   packages/clinic-companion-<v>-chrome.zip, -edge.zip   store uploads (WXT's zip), no `key`
 *   packages/clinic-companion-<v>.crx + update.xml           self-hosting, signed with
 *                                                             $CLINIC_COMPANION_CRX_KEY (skipped without)
 *   bridge/                                                  the bridge bundle (scripts/bridge/bundle.ts)
 * Every package carries minimum_chrome_version (scripts/policy/targets.ts says why).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type InlineConfig, zip } from 'wxt';
import { CHROME_EXTENSION_ID, EXTENSION_PUBLIC_KEY } from '../../shared/extension-identity';
import { bundleBridge } from '../bridge/bundle';
import { MINIMUM_CHROME_VERSION } from '../policy/targets';
import { crx3, extensionIdFromSpki, publicKeyDer } from './crx3';
import { codebaseFor, updateXml } from './update-xml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES = path.join(ROOT, '.output/packages');
const log = (message: string) => console.log(`[package] ${message}`);
/** Placeholder for the template when IT has not said where it hosts the extension. */
const UPDATE_URL_PLACEHOLDER = 'https://intranet.example/clinic-companion/update.xml';

/** Rewrites the built manifest before WXT zips it. */
function editManifest(outDir: string, edit: (manifest: Record<string, unknown>) => void): void {
  const file = path.join(outDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
}

async function packageZip(
  browser: 'chrome' | 'edge',
  flavour: string,
  packages: string,
  edit: (m: Record<string, unknown>) => void,
) {
  const config: InlineConfig = {
    root: ROOT,
    browser,
    mode: 'production',
    // Beside, not over, .output/<browser>-mv3 (the unpacked build keeps its `key` and pinned ID).
    outDirTemplate: `{{browser}}-mv{{manifestVersion}}-${flavour}`,
    manifest: { minimum_chrome_version: MINIMUM_CHROME_VERSION },
    zip: {
      artifactTemplate: path.join(
        path.relative(path.join(ROOT, '.output'), packages),
        `{{name}}-{{version}}-{{browser}}${flavour === 'store' ? '' : `-${flavour}`}.zip`,
      ),
    },
    hooks: { 'zip:extension:start': (wxt) => editManifest(wxt.config.outDir, edit) },
    logger: { ...console, success: () => {}, info: () => {}, debug: () => {}, log: () => {} } as never,
  };
  const [file] = await zip(config);
  if (!file) throw new Error(`wxt zip produced nothing for ${browser}`);
  return file;
}

const KEY_HELP = `  To sign it: CLINIC_COMPANION_CRX_KEY=/path/to/clinic-companion.pem npm run build
  The key is the private half of the manifest key that pins the extension ID ${CHROME_EXTENSION_ID}.
  The release manager keeps it offline (password safe or HSM export), never in git (*.pem is ignored)
  and never on a build agent's disk longer than the build. A new key gives another extension ID:
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out clinic-companion.pem
  then the new public key goes into shared/extension-identity.ts and the policy templates.`;

export interface PackageOptions {
  /** Default .output/packages. */
  packagesDir?: string;
  /** PEM file of the signing key; without one the CRX is skipped (and the build says how). */
  keyFile?: string;
  /** Where IT serves update.xml; without one update.xml is a template. */
  updateUrl?: string;
  /** Also the store zips and the bridge bundle (default true; the CRX e2e test needs only the CRX). */
  all?: boolean;
}

export async function buildPackages(
  options: PackageOptions = {},
): Promise<{ appId: string; crx?: string; updateXml: string }> {
  const packages = options.packagesDir ?? PACKAGES;
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  rmSync(packages, { recursive: true, force: true });
  mkdirSync(packages, { recursive: true });

  if (options.all !== false) {
    const bridge = await bundleBridge(ROOT);
    log(`bridge ${bridge.version} → ${path.relative(ROOT, bridge.dir)}/main.mjs (${bridge.ms.toFixed(0)} ms)`);
    // Store builds drop `key`: the Chrome Web Store and Edge Add-ons refuse it and assign the ID.
    for (const browser of ['chrome', 'edge'] as const) {
      const file = await packageZip(browser, 'store', packages, (m) => {
        delete m.key;
      });
      log(`${browser} store package → ${path.relative(ROOT, file)}`);
    }
  }

  const updateUrl = options.updateUrl || UPDATE_URL_PLACEHOLDER;
  const crxFile = `clinic-companion-${version}.crx`;
  let appId = CHROME_EXTENSION_ID;
  let crx: string | undefined;
  if (!options.keyFile) {
    log(`CRX skipped: CLINIC_COMPANION_CRX_KEY is not set.\n${KEY_HELP}`);
  } else if (!existsSync(options.keyFile)) {
    throw new Error(`CLINIC_COMPANION_CRX_KEY: no such file ${options.keyFile}`);
  } else {
    const pem = readFileSync(options.keyFile, 'utf8');
    const spki = publicKeyDer(pem);
    appId = extensionIdFromSpki(spki);
    if (spki.toString('base64') !== EXTENSION_PUBLIC_KEY)
      log(`warning: this key is not the pinned one: the CRX installs as ${appId}, not ${CHROME_EXTENSION_ID}`);
    const zipFile = await packageZip('chrome', 'selfhosted', packages, (m) => {
      delete m.key;
      // Without it, updates would be looked for in the Chrome Web Store.
      if (options.updateUrl) m.update_url = options.updateUrl;
    });
    crx = path.join(packages, crxFile);
    writeFileSync(crx, crx3(readFileSync(zipFile), pem));
    rmSync(zipFile);
    log(`CRX3 ${appId} → ${path.relative(ROOT, crx)}`);
  }
  const updateXmlFile = path.join(packages, 'update.xml');
  writeFileSync(
    updateXmlFile,
    updateXml({
      appId,
      version,
      codebase: codebaseFor(updateUrl, crxFile),
      minimumChromeVersion: MINIMUM_CHROME_VERSION,
    }),
  );
  if (!options.updateUrl)
    log(`update.xml is a template (CLINIC_COMPANION_UPDATE_URL not set): replace ${UPDATE_URL_PLACEHOLDER}`);
  return crx ? { appId, crx, updateXml: updateXmlFile } : { appId, updateXml: updateXmlFile };
}

async function main(): Promise<void> {
  const started = performance.now();
  await buildPackages({
    keyFile: process.env.CLINIC_COMPANION_CRX_KEY,
    updateUrl: process.env.CLINIC_COMPANION_UPDATE_URL,
  });
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().catch((err: unknown) => {
    console.error(`[package] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
