#!/usr/bin/env node
// One set-up step for `npm test`, `npm run demo` and CI on a fresh machine: Debian packages the
// tests and the demo need (Chromium, the PC/SC stack with a virtual card, PDF checkers), then npm
// packages. Plain node with no dependencies, so it runs before `node_modules` exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Debian package → a file that proves it is installed. */
const DEBIAN_PACKAGES = {
  chromium: '/usr/bin/chromium',
  // Chromium's UI languages (Debian ships only en-US in the browser package): the extension's
  // _locales follow the browser's language, and the e2e tests run it in Swedish (issue 14).
  'chromium-l10n': '/usr/lib/chromium/locales/sv.pak',
  pcscd: '/usr/sbin/pcscd',
  'libpcsclite-dev': '/usr/include/PCSC/winscard.h',
  'vsmartcard-vpcd': '/etc/reader.conf.d/vpcd',
  'python3-virtualsmartcard': '/usr/bin/vicc',
  'python3-pycryptodome': '/usr/lib/python3/dist-packages/Cryptodome',
  'pcsc-tools': '/usr/bin/pcsc_scan',
  qpdf: '/usr/bin/qpdf',
  'poppler-utils': '/usr/bin/pdftotext',
  'fonts-dejavu-core': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
};

const log = (msg) => console.log(`[setup] ${msg}`);
const missing = Object.entries(DEBIAN_PACKAGES)
  .filter(([, proof]) => !existsSync(proof))
  .map(([name]) => name);

if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`[setup] Missing Debian packages: ${missing.join(' ')}`);
    console.error(`[setup] Run: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  log(`installing ${missing.join(' ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
}

// npm packages: `npm ci` when node_modules is missing or older than the lock file.
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const stamp = 'node_modules/.clinic-companion-lock';
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
if (installed !== lockHash) {
  log('installing npm packages (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, lockHash);
}
log('ready');
