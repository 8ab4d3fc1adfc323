/**
 * Bundled beside the bridge as lib/host-registration.mjs, for the installers: registers this
 * user's native messaging host exactly as the bridge does at every start (the same code,
 * bridge/native-host/register.ts), so the extension finds the host before the bridge first runs;
 * and removes it again at uninstall. `node lib/host-registration.mjs register|remove`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { defaultConfigDir } from '../../bridge/config';
import { DISCOVERY_FILE_NAME } from '../../bridge/native-host/discovery';
import { defaultManifestDirs, NATIVE_HOST_NAME, registerNativeHost } from '../../bridge/native-host/register';
import { CHROME_EXTENSION_ID, EDGE_EXTENSION_ID } from '../../shared/extension-identity';

const configDir = defaultConfigDir();
const launcherDir = path.join(configDir, 'native-host');

/** Removes `dir` only when empty (a browser's own folder is never touched otherwise). */
function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // Absent or not ours to remove.
  }
}

function register(): void {
  const ids = (process.env.CLINIC_BRIDGE_EXTENSION_IDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const written = registerNativeHost({
    launcherDir,
    discoveryFile: path.join(configDir, DISCOVERY_FILE_NAME),
    allowedExtensionIds: ids.length > 0 ? ids : [CHROME_EXTENSION_ID, EDGE_EXTENSION_ID],
  });
  for (const file of written) console.log(`registered ${file}`);
}

function remove(): void {
  if (process.platform === 'win32') {
    for (const vendor of ['Google\\Chrome', 'Microsoft\\Edge']) {
      try {
        execFileSync('reg', ['delete', `HKCU\\Software\\${vendor}\\NativeMessagingHosts\\${NATIVE_HOST_NAME}`, '/f'], {
          stdio: 'ignore',
        });
      } catch {
        // Not registered for this browser.
      }
    }
  } else {
    for (const dir of defaultManifestDirs()) {
      rmSync(path.join(dir, `${NATIVE_HOST_NAME}.json`), { force: true });
      // The bridge creates these folders for browsers that may not be installed: leave none behind.
      removeIfEmpty(dir);
      removeIfEmpty(path.dirname(dir));
    }
  }
  rmSync(launcherDir, { recursive: true, force: true });
  console.log('native messaging host removed');
}

const command = process.argv[2];
if (command === 'register') register();
else if (command === 'remove') remove();
else {
  console.error('usage: node host-registration.mjs register|remove');
  process.exit(2);
}
