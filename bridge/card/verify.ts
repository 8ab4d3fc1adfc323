/**
 * Is the card's certificate a SITHS one (issue 11)? It must chain, signature by signature, to a
 * configured trust anchor (the SITHS e-id root or issuing CA IT installs), every certificate on
 * the way must be within its validity dates, each issuer a CA allowed to sign certificates, and
 * the clinician's own certificate made for signing or authentication (key usage). Anything else
 * reads "läst från kortet, ej verifierat": a self-made certificate on any card never passes.
 *
 * The card's other certificates may supply intermediate CAs; they are never trusted themselves.
 * This proves the certificate, not that the card holds its private key (that needs the PIN).
 */
import 'reflect-metadata';
import { BasicConstraintsExtension, KeyUsageFlags, KeyUsagesExtension, X509Certificate } from '@peculiar/x509';
import type { IdentityCheck } from '../../shared/bridge-protocol';

/** Longest chain followed (leaf → issuing CA → root is 3). */
const MAX_DEPTH = 5;

function parse(der: Uint8Array): X509Certificate | null {
  try {
    return new X509Certificate(Uint8Array.from(der));
  } catch {
    return null;
  }
}

function sameDer(a: X509Certificate, b: X509Certificate): boolean {
  return Buffer.from(a.rawData).equals(Buffer.from(b.rawData));
}

function within(cert: X509Certificate, now: Date): IdentityCheck | null {
  if (now < cert.notBefore) return { verified: false, reason: 'not-yet-valid' };
  if (now > cert.notAfter) return { verified: false, reason: 'expired' };
  return null;
}

/** A CA that may sign certificates: cA in basic constraints, keyCertSign when key usage is given. */
function isSigningCa(cert: X509Certificate): boolean {
  const basic = cert.getExtension(BasicConstraintsExtension);
  const usage = cert.getExtension(KeyUsagesExtension);
  return basic?.ca === true && (!usage || (usage.usages & KeyUsageFlags.keyCertSign) !== 0);
}

async function signedBy(cert: X509Certificate, issuer: X509Certificate): Promise<boolean> {
  if (cert.issuer !== issuer.subject) return false;
  try {
    return await cert.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

export async function verifyCertificate(
  leafDer: Uint8Array,
  cardCertificates: readonly Uint8Array[],
  trustAnchors: readonly Uint8Array[],
  now: Date = new Date(),
): Promise<IdentityCheck> {
  const anchors = trustAnchors.map(parse).filter((c): c is X509Certificate => c !== null);
  if (anchors.length === 0) return { verified: false, reason: 'no-trust-anchors' };
  const leaf = parse(leafDer);
  if (!leaf) return { verified: false, reason: 'unreadable' };
  const usage = leaf.getExtension(KeyUsagesExtension)?.usages ?? 0;
  if ((usage & (KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation)) === 0) {
    return { verified: false, reason: 'key-usage' };
  }
  const intermediates = cardCertificates
    .map(parse)
    .filter((c): c is X509Certificate => c !== null && !sameDer(c, leaf) && isSigningCa(c));

  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const dates = within(current, now);
    if (dates) return dates;
    for (const anchor of anchors) {
      if (!(await signedBy(current, anchor))) continue;
      if (!isSigningCa(anchor)) return { verified: false, reason: 'untrusted-issuer' };
      return within(anchor, now) ?? { verified: true };
    }
    let next: X509Certificate | undefined;
    for (const candidate of intermediates) {
      if (candidate !== current && (await signedBy(current, candidate))) {
        next = candidate;
        break;
      }
    }
    if (!next) return { verified: false, reason: 'untrusted-issuer' };
    current = next;
  }
  return { verified: false, reason: 'untrusted-issuer' };
}
