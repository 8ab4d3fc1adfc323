/**
 * `npm run build`: the bridge as software IT installs, in .output/bridge/ — `node main.mjs` runs
 * it with plain node (no tsx, no source tree). Inside: the bundled code, its version, the DejaVu
 * fonts the PDF embeds, the PC/SC addon built for this machine (`smartcard`, N-API: one build per
 * OS and architecture serves every Node ≥ 18), the native-host files and the install scripts.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export interface BridgeBundle {
  dir: string;
  version: string;
  ms: number;
}

/** A package's folder in the project's node_modules (as the bridge resolves it from bridge/). */
function packageDir(root: string, name: string): string {
  const dir = path.join(root, 'node_modules', name);
  if (!existsSync(path.join(dir, 'package.json'))) throw new Error(`bridge bundle: ${name} is not installed (npm ci)`);
  return dir;
}

function copyFiles(from: string, to: string, files: string[]): void {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    copyFileSync(path.join(from, file), path.join(to, file));
  }
}

export async function bundleBridge(root: string, dir = path.join(root, '.output/bridge')): Promise<BridgeBundle> {
  const started = performance.now();
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  rmSync(dir, { recursive: true, force: true });
  // The code lives in lib/ and package.json one level up, as bridge/app.ts sits below the
  // repository's package.json: app.ts reads its version from `../package.json`, and
  // native-host/register.ts finds host.mjs beside itself.
  await build({
    entryPoints: {
      bridge: path.join(root, 'bridge/main.ts'),
      'host-registration': path.join(root, 'scripts/bridge/host-registration.ts'),
    },
    outdir: path.join(dir, 'lib'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The PC/SC addon is loaded at run time from node_modules/ beside the bundle.
    external: ['smartcard'],
    // CommonJS dependencies (express …) call require(): give the ES module one.
    banner: {
      js: "import { createRequire as __ccRequire } from 'node:module'; const require = __ccRequire(import.meta.url);",
    },
    legalComments: 'eof',
    logLevel: 'error',
  });
  copyFileSync(path.join(root, 'bridge/native-host/host.mjs'), path.join(dir, 'lib/host.mjs'));
  writeFileSync(
    path.join(dir, 'main.mjs'),
    `#!/usr/bin/env node\n// Clinic Companion bridge ${version}: \`node main.mjs\` (see docs/deployment.md).\nimport './lib/bridge.mjs';\n`,
  );
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'clinic-companion-bridge', version, private: true, type: 'module', main: 'main.mjs', engines: { node: '>=20' } }, null, 2)}\n`,
  );
  const smartcard = packageDir(root, 'smartcard');
  const smartcardJs = readdirSync(path.join(smartcard, 'dist/lib'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `dist/lib/${f}`);
  copyFiles(smartcard, path.join(dir, 'node_modules/smartcard'), [
    'package.json',
    'LICENSE',
    'build/Release/smartcard_napi.node',
    ...smartcardJs,
  ]);
  copyFiles(packageDir(root, 'dejavu-fonts-ttf'), path.join(dir, 'node_modules/dejavu-fonts-ttf'), [
    'package.json',
    'LICENSE',
    'ttf/DejaVuSans.ttf',
    'ttf/DejaVuSans-Bold.ttf',
  ]);
  for (const script of ['linux/install.sh', 'linux/uninstall.sh', 'windows/install.ps1', 'windows/uninstall.ps1'])
    cpSync(path.join(root, 'deploy', script), path.join(dir, path.basename(script)));
  return { dir, version, ms: performance.now() - started };
}
