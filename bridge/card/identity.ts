/** The clinician's identity from the card's certificates: the one whose subject serialNumber is an HSA-id. */
// tsyringe (inside @peculiar/x509) needs the reflect-metadata polyfill loaded first.
import 'reflect-metadata';
import { X509Certificate } from '@peculiar/x509';
import { type ClinicianIdentity, isHsaId } from '../../shared/bridge-protocol';
import { verifyCertificate } from './verify';

const OID_SERIAL_NUMBER = '2.5.4.5';
const OID_CN = '2.5.4.3';
const OID_GIVEN_NAME = '2.5.4.42';
const OID_SURNAME = '2.5.4.4';

/** What the certificate says, before anyone checked it. */
export type CertificateIdentity = Omit<ClinicianIdentity, 'verified' | 'reason'>;

/** Null when the certificate cannot be parsed or its subject carries no HSA-id. */
export function identityFromCertificate(der: Uint8Array): CertificateIdentity | null {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Uint8Array.from(der));
  } catch {
    return null;
  }
  const hsaId = cert.subjectName.getField(OID_SERIAL_NUMBER).find(isHsaId);
  if (!hsaId) return null;
  const cn = cert.subjectName.getField(OID_CN)[0];
  const given = cert.subjectName.getField(OID_GIVEN_NAME)[0];
  const surname = cert.subjectName.getField(OID_SURNAME)[0];
  const name = cn ?? ([given, surname].filter(Boolean).join(' ') || hsaId);
  const issuer = cert.issuerName.getField(OID_CN)[0] ?? cert.issuer;
  return {
    hsaId,
    name,
    issuer,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
  };
}

/**
 * Reads certificates one by one and stops at the first with an HSA-id, then verifies it against
 * the trust anchors with the card's other certificates as possible intermediates: those read so
 * far, and only when they do not reach an anchor, the rest of the card too (each costs APDUs).
 */
export async function chooseIdentity(
  certificates: AsyncIterable<Uint8Array>,
  trustAnchors: readonly Uint8Array[] = [],
  now: Date = new Date(),
): Promise<ClinicianIdentity | null> {
  const seen: Uint8Array[] = [];
  const iterator = certificates[Symbol.asyncIterator]();
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    seen.push(next.value);
    const identity = identityFromCertificate(next.value);
    if (!identity) continue;
    let check = await verifyCertificate(next.value, seen, trustAnchors, now);
    if (!check.verified && check.reason === 'untrusted-issuer') {
      for (let more = await iterator.next(); !more.done; more = await iterator.next()) seen.push(more.value);
      check = await verifyCertificate(next.value, seen, trustAnchors, now);
    } else {
      await iterator.return?.();
    }
    return { ...identity, ...check };
  }
  return null;
}
