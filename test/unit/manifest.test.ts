import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BRIDGE_DEFAULT_PORT, CLINIC_ORIGIN, EXTENSION_PUBLIC_KEY } from '../../shared/extension-identity';

/**
 * Clinicians' browsers must never run the extension on other local pages: the release build
 * matches only the console; the simulator's origin exists only in the test build. `npm test`
 * builds both before this runs.
 */
const read = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));
const builds = ['chrome-mv3', 'chrome-mv3-test'].filter((d) => existsSync(`.output/${d}/manifest.json`));

describe.skipIf(builds.length < 2 && process.env.CI !== 'true')('built manifests', () => {
  it('the production build runs only on the Clinic console', () => {
    const manifest = read('chrome-mv3');
    for (const script of manifest.content_scripts) expect(script.matches).toEqual([`${CLINIC_ORIGIN}/*`]);
    // The bridge's per-user port range (issue 11), port by port; never all of 127.0.0.1.
    const bridgePorts = Array.from({ length: 10 }, (_, i) => `http://127.0.0.1:${BRIDGE_DEFAULT_PORT + i}/*`);
    expect(manifest.host_permissions.sort()).toEqual([`${CLINIC_ORIGIN}/*`, ...bridgePorts].sort());
  });

  it('asks for native messaging (pairing with the bridge) and not for `tabs` (every tab’s URL and title)', () => {
    for (const dir of builds) {
      const { permissions } = read(dir);
      expect(permissions).toContain('nativeMessaging');
      expect(permissions).not.toContain('tabs');
    }
  });

  it('the test build adds the simulator on 127.0.0.1', () => {
    const manifest = read('chrome-mv3-test');
    for (const script of manifest.content_scripts) expect(script.matches).toContain('http://127.0.0.1/*');
  });

  it('both pin the extension ID with the public key, and offer the copy shortcut (R-ID-1)', () => {
    for (const dir of ['chrome-mv3', 'chrome-mv3-test']) {
      const manifest = read(dir);
      expect(manifest.key).toBe(EXTENSION_PUBLIC_KEY);
      expect(manifest.commands['copy-patient-id'].suggested_key.default).toBe('Alt+Shift+P');
    }
  });
});
