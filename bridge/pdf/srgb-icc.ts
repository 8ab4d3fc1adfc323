/**
 * A small ICC v2 display profile for sRGB IEC61966-2.1, built in code (no profile file ships on
 * the machine or in npm deps we have). PDF/A-2b needs one as the output intent's
 * DestOutputProfile when the document uses DeviceRGB.
 *
 * Primaries are the Bradford-adapted (D50) sRGB colorants; the tone curve is the sRGB
 * piecewise function, sampled at 1024 points.
 */

function s15Fixed16(value: number): number {
  return Math.round(value * 65536) | 0;
}

function xyzTag(x: number, y: number, z: number): Buffer {
  const b = Buffer.alloc(20);
  b.write('XYZ ', 0, 'ascii');
  b.writeInt32BE(s15Fixed16(x), 8);
  b.writeInt32BE(s15Fixed16(y), 12);
  b.writeInt32BE(s15Fixed16(z), 16);
  return b;
}

function curveTag(): Buffer {
  const n = 1024;
  const b = Buffer.alloc(12 + n * 2);
  b.write('curv', 0, 'ascii');
  b.writeUInt32BE(n, 8);
  for (let i = 0; i < n; i++) {
    const v = i / (n - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    b.writeUInt16BE(Math.round(linear * 65535), 12 + i * 2);
  }
  return b;
}

function textDescriptionTag(text: string): Buffer {
  const ascii = Buffer.from(`${text}\0`, 'ascii');
  // 'desc', reserved, ASCII count + string, Unicode code + count (0), ScriptCode code, count, 67 bytes.
  const b = Buffer.alloc(12 + ascii.length + 4 + 4 + 2 + 1 + 67);
  b.write('desc', 0, 'ascii');
  b.writeUInt32BE(ascii.length, 8);
  ascii.copy(b, 12);
  return b;
}

function textTag(text: string): Buffer {
  const ascii = Buffer.from(`${text}\0`, 'ascii');
  const b = Buffer.alloc(8 + ascii.length);
  b.write('text', 0, 'ascii');
  ascii.copy(b, 8);
  return b;
}

let cached: Uint8Array | undefined;

export function srgbIccProfile(): Uint8Array {
  if (cached) return cached;
  const trc = curveTag();
  const tags: [string, Buffer][] = [
    ['desc', textDescriptionTag('sRGB IEC61966-2.1')],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(0.9642, 1.0, 0.8249)],
    ['rXYZ', xyzTag(0.4360747, 0.2225045, 0.0139322)],
    ['gXYZ', xyzTag(0.3850649, 0.7168786, 0.0971045)],
    ['bXYZ', xyzTag(0.1430804, 0.0606169, 0.7141733)],
    ['rTRC', trc],
    ['gTRC', trc],
    ['bTRC', trc],
  ];
  const headerSize = 128;
  const tableSize = 4 + tags.length * 12;
  const pad = (n: number) => (n + 3) & ~3;
  // The three TRC tags share one data block, as real sRGB profiles do.
  const offsets = new Map<Buffer, number>();
  let offset = headerSize + tableSize;
  const blocks: Buffer[] = [];
  for (const [, data] of tags) {
    if (offsets.has(data)) continue;
    offsets.set(data, offset);
    const padded = Buffer.alloc(pad(data.length));
    data.copy(padded);
    blocks.push(padded);
    offset += padded.length;
  }
  const size = offset;
  const header = Buffer.alloc(headerSize);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(0x02100000, 8); // version 2.1
  header.write('mntr', 12, 'ascii');
  header.write('RGB ', 16, 'ascii');
  header.write('XYZ ', 20, 'ascii');
  // Creation date: 2024-01-01 00:00:00.
  [2024, 1, 1, 0, 0, 0].forEach((v, i) => {
    header.writeUInt16BE(v, 24 + i * 2);
  });
  header.write('acsp', 36, 'ascii');
  header.writeUInt32BE(0, 64); // perceptual
  header.writeInt32BE(s15Fixed16(0.9642), 68); // D50 illuminant
  header.writeInt32BE(s15Fixed16(1.0), 72);
  header.writeInt32BE(s15Fixed16(0.8249), 76);
  const table = Buffer.alloc(tableSize);
  table.writeUInt32BE(tags.length, 0);
  tags.forEach(([sig, data], i) => {
    table.write(sig, 4 + i * 12, 'ascii');
    table.writeUInt32BE(offsets.get(data)!, 8 + i * 12);
    table.writeUInt32BE(data.length, 12 + i * 12);
  });
  cached = new Uint8Array(Buffer.concat([header, table, ...blocks]));
  return cached;
}
