/**
 * A test SITHS certificate chain, generated at test time (never committed): a CA named like the
 * real "SITHS e-id Person HSA-id 3 CA v1" with TEST in front, a person certificate whose subject
 * serialNumber is a test HSA-id, and a certificate without one (the chooser must skip it).
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

export const TEST_HSA_ID = 'TSTNMT2321000156-1019';
export const TEST_CLINICIAN_NAME = 'Åsa Öberg-Testläkare';
export const TEST_CA_NAME = 'TEST SITHS e-id Person HSA-id 3 CA v1';

export interface TestChain {
  ca: Uint8Array;
  /** The CA's keys, to issue more certificates under it (issueTestCertificate). */
  caKeys: CryptoKeyPair;
  caSubject: string;
  person: Uint8Array;
  /** A certificate with no HSA-id (a device/function certificate). */
  other: Uint8Array;
  /** CDF order on the test card: CA first, then the other, then the person. */
  cardOrder: Uint8Array[];
}

const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export async function createTestChain(caName = TEST_CA_NAME): Promise<TestChain> {
  const caKeys = (await crypto.subtle.generateKey(alg, false, ['sign', 'verify'])) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0a01',
    name: `C=SE, O=Inera AB, CN=${caName}`,
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2034-01-01T00:00:00Z'),
    keys: caKeys,
    signingAlgorithm: alg,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
  });
  const leaf = async (serial: string, subject: string) => {
    const keys = (await crypto.subtle.generateKey(alg, false, ['sign', 'verify'])) as CryptoKeyPair;
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial,
      subject,
      issuer: ca.subject,
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2029-01-01T00:00:00Z'),
      signingKey: caKeys.privateKey,
      publicKey: keys.publicKey,
      signingAlgorithm: alg,
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
    });
    return new Uint8Array(cert.rawData);
  };
  const person = await leaf(
    '0b01',
    `C=SE, O=Testregionen, G=Åsa, SN=Öberg-Testläkare, CN=${TEST_CLINICIAN_NAME}, 2.5.4.5=${TEST_HSA_ID}`,
  );
  const other = await leaf('0b02', 'C=SE, O=Testregionen, CN=Funktionscertifikat, 2.5.4.5=FUNKTION-1');
  const caDer = new Uint8Array(ca.rawData);
  return { ca: caDer, caKeys, caSubject: ca.subject, person, other, cardOrder: [caDer, other, person] };
}

/** Another certificate under the chain's CA: a CA of its own (intermediate) or a person's. */
export async function issueTestCertificate(
  issuer: { caKeys: CryptoKeyPair; caSubject: string },
  options: {
    subject: string;
    ca?: boolean;
    usages?: x509.KeyUsageFlags;
    notBefore?: Date;
    notAfter?: Date;
  },
): Promise<{ der: Uint8Array; keys: CryptoKeyPair; subject: string }> {
  const keys = (await crypto.subtle.generateKey(alg, false, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: Math.floor(Math.random() * 0xffffff)
      .toString(16)
      .padStart(6, '0'),
    subject: options.subject,
    issuer: issuer.caSubject,
    notBefore: options.notBefore ?? new Date('2024-01-01T00:00:00Z'),
    notAfter: options.notAfter ?? new Date('2029-01-01T00:00:00Z'),
    signingKey: issuer.caKeys.privateKey,
    publicKey: keys.publicKey,
    signingAlgorithm: alg,
    extensions: options.ca
      ? [new x509.BasicConstraintsExtension(true, 0, true)]
      : [new x509.KeyUsagesExtension(options.usages ?? x509.KeyUsageFlags.digitalSignature, true)],
  });
  return { der: new Uint8Array(cert.rawData), keys, subject: cert.subject };
}
