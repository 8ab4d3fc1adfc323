import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bridge/config';
import { createLogger, scrub } from '../../bridge/log';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'bridge-config-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('bridge config', () => {
  it('defaults; creates a 256-bit token readable only by the user, once', () => {
    const home = tmp();
    const created: string[] = [];
    const env = { XDG_CONFIG_HOME: home };
    const a = loadConfig({ env, onTokenCreated: (t) => created.push(t) });
    expect(a.port).toBe(47121);
    expect(a.host).toBe('127.0.0.1');
    expect(a.allowedExtensionIds).toEqual([CHROME_EXTENSION_ID]);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created).toEqual([a.token]);
    if (process.platform !== 'win32') expect(statSync(a.tokenFile).mode & 0o777).toBe(0o600);
    const b = loadConfig({ env, onTokenCreated: (t) => created.push(t) });
    expect(b.token).toBe(a.token);
    expect(created).toHaveLength(1);
  });

  it('file, then environment wins', () => {
    const home = tmp();
    const file = path.join(home, 'bridge.json');
    writeFileSync(file, JSON.stringify({ port: 50000, exportDir: '/srv/export', extensionIds: ['a'.repeat(32)] }));
    const fromFile = loadConfig({
      env: { XDG_CONFIG_HOME: home, CLINIC_BRIDGE_TOKEN: 'x'.repeat(32) },
      configFile: file,
    });
    expect(fromFile).toMatchObject({ port: 50000, exportDir: '/srv/export', allowedExtensionIds: ['a'.repeat(32)] });
    const fromEnv = loadConfig({
      env: {
        XDG_CONFIG_HOME: home,
        CLINIC_BRIDGE_TOKEN: 'y'.repeat(32),
        CLINIC_BRIDGE_PORT: '50001',
        CLINIC_BRIDGE_EXPORT_DIR: '/srv/other',
        CLINIC_BRIDGE_EXTENSION_IDS: `${'b'.repeat(32)}, ${'c'.repeat(32)}`,
      },
      configFile: file,
    });
    expect(fromEnv).toMatchObject({
      port: 50001,
      token: 'y'.repeat(32),
      exportDir: '/srv/other',
      allowedExtensionIds: ['b'.repeat(32), 'c'.repeat(32)],
    });
  });

  it('refuses weak tokens, bad IDs, bad ports, broken files', () => {
    const home = tmp();
    const env = { XDG_CONFIG_HOME: home };
    expect(() => loadConfig({ env: { ...env, CLINIC_BRIDGE_TOKEN: 'short' } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { ...env, CLINIC_BRIDGE_EXTENSION_IDS: 'https://evil' } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { ...env, CLINIC_BRIDGE_PORT: 'http' } })).toThrow(ConfigError);
    const file = path.join(home, 'bad.json');
    writeFileSync(file, '{');
    expect(() => loadConfig({ env, configFile: file })).toThrow(ConfigError);
  });

  it('issue 11: a port per user (47121 and the next nine), a pinned port alone; the discovery file beside the token', () => {
    const home = tmp();
    const a = loadConfig({ env: { XDG_CONFIG_HOME: home } });
    expect(a).toMatchObject({ port: 47121, portFallbacks: 9 });
    expect(a.discoveryFile).toBe(path.join(home, 'clinic-companion', 'bridge-endpoint.json'));
    expect(loadConfig({ env: { XDG_CONFIG_HOME: home, CLINIC_BRIDGE_PORT: '50000' } })).toMatchObject({
      port: 50000,
      portFallbacks: 0,
    });
  });

  it('issue 11: trust anchors from trust-anchors/*.pem, the file or the environment; a bad one stops the bridge', async () => {
    const { createTestChain } = await import('../bridge/test-certs');
    const { toPem } = await import('../../bridge/card/trust-anchors');
    const chain = await createTestChain();
    const home = tmp();
    const env = { XDG_CONFIG_HOME: home };
    expect(loadConfig({ env }).trustAnchors).toEqual([]);
    mkdirSync(path.join(home, 'clinic-companion', 'trust-anchors'), { recursive: true });
    const pem = path.join(home, 'clinic-companion', 'trust-anchors', 'siths-root.pem');
    writeFileSync(pem, `${toPem(chain.ca)}${toPem(chain.person)}`);
    expect(loadConfig({ env }).trustAnchors).toEqual([chain.ca, chain.person]);
    const other = path.join(home, 'other.pem');
    writeFileSync(other, toPem(chain.other));
    expect(loadConfig({ env: { ...env, CLINIC_BRIDGE_TRUST_ANCHORS: other } }).trustAnchors).toEqual([chain.other]);
    writeFileSync(other, 'not a certificate');
    expect(() => loadConfig({ env: { ...env, CLINIC_BRIDGE_TRUST_ANCHORS: other } })).toThrow(/no PEM certificate/);
    expect(() => loadConfig({ env: { ...env, CLINIC_BRIDGE_TRUST_ANCHORS: '/nonexistent.pem' } })).toThrow(ConfigError);
  });

  it('logs are JSON lines and scrub anything shaped like a personnummer', () => {
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).log('info', 'x 199001012385', {
      detail: 'pnr 19900101-2385 / 900101-2385',
      reader: 'Virtual PCD 00 00',
    });
    const rec = JSON.parse(lines[0]!);
    expect(lines[0]).not.toMatch(/2385/);
    expect(rec.reader).toBe('Virtual PCD 00 00');
    expect(scrub('2024-06-03 09:00')).toBe('2024-06-03 09:00');
  });
});
