/**
 * Reads the certificates of a PKCS#15 card with SELECT and READ BINARY only: EF.DIR → the
 * PKCS#15 application (AID A000000063504B43532D3135) → EF.ODF → certificate directories
 * (EF.CDF) → each certificate. No PIN, no private-key operation, no write: the only
 * instructions ever sent are A4 (SELECT) and B0 (READ BINARY).
 */
export const PKCS15_AID = Uint8Array.from([0xa0, 0x00, 0x00, 0x00, 0x63, 0x50, 0x4b, 0x43, 0x53, 0x2d, 0x31, 0x35]);
const MAX_FILE = 16 * 1024;
const CHUNK = 0xe0;

export type Transmit = (apdu: Uint8Array) => Promise<Uint8Array>;

/** The card answered, but not as a PKCS#15 card with certificates (→ UNSUPPORTED_CARD). */
export class NotPkcs15Error extends Error {}

export interface Tlv {
  tag: number;
  value: Uint8Array;
  /** Bytes used by the whole TLV. */
  size: number;
}

/** One BER-TLV at `offset` (multi-byte tags, short and long lengths); null when cut short. */
export function readTlv(bytes: Uint8Array, offset = 0): Tlv | null {
  let i = offset;
  if (i >= bytes.length) return null;
  let tag = bytes[i++]!;
  if ((tag & 0x1f) === 0x1f) {
    do {
      if (i >= bytes.length) return null;
      tag = (tag << 8) | bytes[i]!;
    } while (bytes[i++]! & 0x80 && i - offset < 4);
  }
  if (i >= bytes.length) return null;
  let length = bytes[i++]!;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 3 || i + n > bytes.length) return null;
    length = 0;
    for (let k = 0; k < n; k++) length = (length << 8) | bytes[i++]!;
  }
  if (i + length > bytes.length) return null;
  return { tag, value: bytes.subarray(i, i + length), size: i + length - offset };
}

/** Consecutive TLVs, stopping at padding (00 or FF) or at a truncated one. */
export function readTlvs(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length && bytes[offset] !== 0x00 && bytes[offset] !== 0xff) {
    const tlv = readTlv(bytes, offset);
    if (!tlv) break;
    out.push(tlv);
    offset += tlv.size;
  }
  return out;
}

/** Size of the DER object starting the buffer, once its header is there. */
function derTotalLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2) return null;
  const first = bytes[1]!;
  if (!(first & 0x80)) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 3 || bytes.length < 2 + n) return null;
  let length = 0;
  for (let k = 0; k < n; k++) length = (length << 8) | bytes[2 + k]!;
  return 2 + n + length;
}

function sw(resp: Uint8Array): number {
  if (resp.length < 2) throw new Error('response APDU shorter than a status word');
  return (resp[resp.length - 2]! << 8) | resp[resp.length - 1]!;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export class Pkcs15Reader {
  /** Every command sent, for tests (INS bytes prove no PIN or key operation). */
  readonly sent: Uint8Array[] = [];
  constructor(private readonly transmit: Transmit) {}

  private async send(apdu: number[] | Uint8Array): Promise<{ sw: number; data: Uint8Array }> {
    const cmd = Uint8Array.from(apdu);
    this.sent.push(cmd);
    const resp = await this.transmit(cmd);
    const status = sw(resp);
    return { sw: status, data: resp.subarray(0, resp.length - 2) };
  }

  /** SELECT with no response data (P2=0C); a card that refuses P2=0C gets P2=00. */
  async select(p1: number, data: Uint8Array): Promise<boolean> {
    let r = await this.send([0x00, 0xa4, p1, 0x0c, data.length, ...data]);
    if (r.sw === 0x6a86 || r.sw === 0x6a87) r = await this.send([0x00, 0xa4, p1, 0x00, data.length, ...data, 0x00]);
    if ((r.sw & 0xff00) === 0x6100) r = { sw: 0x9000, data: new Uint8Array() };
    return r.sw === 0x9000;
  }

  /** Selects a PKCS#15 path: a file ID under the current DF, a path from MF, or a relative path. */
  async selectPath(path: Uint8Array): Promise<boolean> {
    if (path.length === 2) return (await this.select(0x02, path)) || this.select(0x00, path);
    if (path.length >= 4 && path[0] === 0x3f && path[1] === 0x00) return this.select(0x08, path.subarray(2));
    return this.select(0x09, path);
  }

  /** READ BINARY of the selected EF: until end of file, or until one whole DER object is in. */
  async readBinary(derObject: boolean): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let total = 0;
    let le = CHUNK;
    let want: number | null = null;
    while (total < MAX_FILE) {
      const r = await this.send([0x00, 0xb0, (total >> 8) & 0x7f, total & 0xff, le]);
      if ((r.sw & 0xff00) === 0x6c00 && r.sw & 0xff) {
        le = r.sw & 0xff;
        continue;
      }
      if (r.sw === 0x6b00 || r.sw === 0x6a86 || (r.sw === 0x6282 && r.data.length === 0)) {
        if (total === 0) throw new NotPkcs15Error('empty file');
        break;
      }
      if (r.sw !== 0x9000 && r.sw !== 0x6282) throw new NotPkcs15Error(`READ BINARY failed (${r.sw.toString(16)})`);
      parts.push(r.data);
      total += r.data.length;
      if (derObject && want === null) {
        want = derTotalLength(parts.length === 1 ? parts[0]! : concat(parts));
      }
      if (want !== null && total >= want) break;
      if (r.sw === 0x6282 || r.data.length < le || r.data.length === 0) break;
    }
    const out = concat(parts);
    return want !== null ? out.subarray(0, want) : out;
  }

  /** The PKCS#15 application's path from EF.DIR, when the card has one that names it. */
  private async pathFromEfDir(): Promise<Uint8Array | null> {
    if (!(await this.select(0x08, Uint8Array.from([0x2f, 0x00])))) {
      if (!(await this.select(0x00, Uint8Array.from([0x3f, 0x00])))) return null;
      if (!(await this.select(0x02, Uint8Array.from([0x2f, 0x00])))) return null;
    }
    let dir: Uint8Array;
    try {
      dir = await this.readBinary(false);
    } catch {
      return null;
    }
    for (const app of readTlvs(dir).filter((t) => t.tag === 0x61)) {
      const fields = readTlvs(app.value);
      const aid = fields.find((f) => f.tag === 0x4f)?.value;
      const path = fields.find((f) => f.tag === 0x51)?.value;
      if (aid && equal(aid, PKCS15_AID)) return path ?? null;
    }
    return null;
  }

  /** Selects the PKCS#15 application; NotPkcs15Error when the card has none. */
  async selectApplication(): Promise<void> {
    const path = await this.pathFromEfDir();
    if (await this.select(0x04, PKCS15_AID)) return;
    if (path && (await this.selectPath(path))) return;
    throw new NotPkcs15Error('no PKCS#15 application');
  }

  /** Paths of the certificate directories listed in EF.ODF. */
  async certificateDirectories(): Promise<Uint8Array[]> {
    if (!(await this.selectPath(Uint8Array.from([0x50, 0x31])))) throw new NotPkcs15Error('no EF.ODF');
    const odf = await this.readBinary(false);
    const paths: Uint8Array[] = [];
    for (const entry of readTlvs(odf)) {
      // [4] certificates, [5] trustedCertificates, [6] usefulCertificates → Path.
      if (entry.tag !== 0xa4 && entry.tag !== 0xa5 && entry.tag !== 0xa6) continue;
      const path = pathOf(entry.value);
      if (path) paths.push(path.path);
    }
    if (paths.length === 0) throw new NotPkcs15Error('EF.ODF lists no certificates');
    return paths;
  }

  /** Every certificate (DER) of the card, in directory order, read lazily. */
  async *certificates(): AsyncGenerator<Uint8Array> {
    await this.selectApplication();
    const directories = await this.certificateDirectories();
    const refs: { path?: Uint8Array; index?: number; length?: number; direct?: Uint8Array }[] = [];
    for (const dirPath of directories) {
      if (!(await this.selectPath(dirPath))) continue;
      const cdf = await this.readBinary(false);
      for (const object of readTlvs(cdf).filter((t) => t.tag === 0x30)) {
        const typed = readTlvs(object.value).find((t) => t.tag === 0xa1);
        const attrs = typed && readTlvs(typed.value).find((t) => t.tag === 0x30);
        if (!attrs) continue;
        const value = readTlvs(attrs.value)[0];
        if (!value) continue;
        if (value.tag === 0xa0) refs.push({ direct: value.value });
        else if (value.tag === 0x30) {
          const p = pathOf(Uint8Array.from([0x30, ...encodeLength(value.value.length), ...value.value]));
          if (p) refs.push(p);
        }
      }
    }
    for (const ref of refs) {
      if (ref.direct) {
        yield ref.direct;
        continue;
      }
      if (!ref.path || !(await this.selectPath(ref.path))) continue;
      const bytes = await this.readBinary(ref.index === undefined);
      yield ref.index !== undefined ? bytes.subarray(ref.index, ref.index + (ref.length ?? bytes.length)) : bytes;
    }
  }
}

function encodeLength(n: number): number[] {
  if (n < 0x80) return [n];
  if (n < 0x100) return [0x81, n];
  return [0x82, n >> 8, n & 0xff];
}

/** Path ::= SEQUENCE { efidOrPath OCTET STRING, index INTEGER OPTIONAL, length [0] INTEGER OPTIONAL }. */
function pathOf(bytes: Uint8Array): { path: Uint8Array; index?: number; length?: number } | null {
  const seq = readTlv(bytes);
  if (seq?.tag !== 0x30) return null;
  const fields = readTlvs(seq.value);
  const path = fields.find((f) => f.tag === 0x04)?.value;
  if (!path || path.length === 0) return null;
  const int = (t?: Tlv) => (t ? t.value.reduce((acc, b) => acc * 256 + b, 0) : undefined);
  return { path, index: int(fields.find((f) => f.tag === 0x02)), length: int(fields.find((f) => f.tag === 0x80)) };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
