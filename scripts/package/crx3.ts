/**
 * CRX3, the signed package Chrome installs from a self-hosted update server: "Cr24", version 3,
 * the header length, a protobuf CrxFileHeader, then the zip. Written with node:crypto (the npm
 * `crx3` package needs node 22; this is ~60 lines): RSA PKCS#1 v1.5 with SHA-256 over
 * "CRX3 SignedData\0" + len + SignedData{crx_id} + zip. Chrome's own packer makes the same bytes
 * for the same zip and key (test/unit/deploy-packages.test.ts).
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

const MAGIC = Buffer.from('Cr24');
const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'latin1');

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (wire type 2). */
const field = (number: number, bytes: Buffer) => Buffer.concat([varint(number * 8 + 2), varint(bytes.length), bytes]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
};

/** Chrome's extension ID: the first 16 bytes of SHA-256(SubjectPublicKeyInfo), hex digits as a–p. */
export function extensionIdFromSpki(spki: Buffer): string {
  return [...createHash('sha256').update(spki).digest().subarray(0, 16).toString('hex')]
    .map((c) => String.fromCharCode(97 + Number.parseInt(c, 16)))
    .join('');
}

export function publicKeyDer(privateKeyPem: string): Buffer {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
}

export function crx3(zip: Buffer, privateKeyPem: string): Buffer {
  const spki = publicKeyDer(privateKeyPem);
  const crxId = createHash('sha256').update(spki).digest().subarray(0, 16);
  const signedHeaderData = field(1, crxId);
  const signature = sign(
    'sha256',
    Buffer.concat([SIGNATURE_CONTEXT, u32(signedHeaderData.length), signedHeaderData, zip]),
    createPrivateKey(privateKeyPem),
  );
  const header = Buffer.concat([
    field(2, Buffer.concat([field(1, spki), field(2, signature)])),
    field(10000, signedHeaderData),
  ]);
  return Buffer.concat([MAGIC, u32(3), u32(header.length), header, zip]);
}

function readFields(buf: Buffer): { number: number; bytes: Buffer }[] {
  const fields: { number: number; bytes: Buffer }[] = [];
  let i = 0;
  const readVarint = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = buf[i++];
      if (b === undefined) throw new Error('CRX header: truncated varint');
      n += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) return n;
    }
  };
  while (i < buf.length) {
    const tag = readVarint();
    if ((tag & 7) !== 2) throw new Error(`CRX header: unexpected wire type ${tag & 7}`);
    const length = readVarint();
    fields.push({ number: Math.floor(tag / 8), bytes: buf.subarray(i, i + length) });
    i += length;
  }
  return fields;
}

/** Reads and verifies a CRX3 as Chrome does: every RSA proof valid, one of them the ID's key. */
export function verifyCrx3(crx: Buffer): { id: string; zip: Buffer } {
  if (!crx.subarray(0, 4).equals(MAGIC) || crx.readUInt32LE(4) !== 3) throw new Error('not a CRX3 file');
  const headerLength = crx.readUInt32LE(8);
  const header = readFields(crx.subarray(12, 12 + headerLength));
  const zip = crx.subarray(12 + headerLength);
  const signedHeaderData = header.find((f) => f.number === 10000)?.bytes;
  if (!signedHeaderData) throw new Error('CRX header: no signed_header_data');
  const crxId = readFields(signedHeaderData).find((f) => f.number === 1)?.bytes;
  const proofs = header.filter((f) => f.number === 2).map((f) => readFields(f.bytes));
  if (!crxId || proofs.length === 0) throw new Error('CRX header: no crx_id or no RSA proof');
  const signed = Buffer.concat([SIGNATURE_CONTEXT, u32(signedHeaderData.length), signedHeaderData, zip]);
  let id: string | undefined;
  for (const proof of proofs) {
    const spki = proof.find((f) => f.number === 1)?.bytes;
    const signature = proof.find((f) => f.number === 2)?.bytes;
    if (!spki || !signature) throw new Error('CRX header: incomplete proof');
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    if (!verify('sha256', signed, key, signature)) throw new Error('CRX: bad signature');
    if (createHash('sha256').update(spki).digest().subarray(0, 16).equals(crxId)) id = extensionIdFromSpki(spki);
  }
  if (!id) throw new Error('CRX: no proof by the key of its ID');
  return { id, zip };
}
