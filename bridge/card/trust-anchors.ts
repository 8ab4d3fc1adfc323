/**
 * The certificates a clinician's card must chain to: the SITHS e-id root and issuing CAs as PEM
 * files IT installs (bridge.json `trustAnchors`, CLINIC_BRIDGE_TRUST_ANCHORS, or every `*.pem` in
 * `<config dir>/trust-anchors/`). None configured: every card reads as "not verified".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PEM_RE = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/g;

export function defaultTrustAnchorFiles(configDir: string): string[] {
  const dir = path.join(configDir, 'trust-anchors');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pem'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Every certificate in the PEM files (DER); throws naming the file that is unreadable or empty. */
export function loadTrustAnchors(files: readonly string[]): Uint8Array[] {
  return files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`${file}: trust anchor not readable (${(err as NodeJS.ErrnoException).code})`);
    }
    const certs = [...text.matchAll(PEM_RE)].map(
      (m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')),
    );
    if (certs.length === 0) throw new Error(`${file}: no PEM certificate in it`);
    return certs;
  });
}

export function toPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64.trimEnd()}\n-----END CERTIFICATE-----\n`;
}
