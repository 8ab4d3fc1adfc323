/**
 * A scripted CardReader for unit tests, after Web eID's libpcsc-mock: readers, cards and the
 * daemon are plain state the test changes; every PC/SC call can be made to fail with any error;
 * a card answers either from an exact APDU script or from a small ISO 7816 file system.
 */
import type { CardConnection, CardReader, PcscErrorCode, ReaderStatus } from '../../bridge/card/types';
import { PcscError } from '../../bridge/card/types';

export type FakeCall = 'establish' | 'listReaders' | 'waitForChange' | 'connect' | 'transmit';

export interface FakeCard {
  atr: Uint8Array;
  respond(apdu: Uint8Array): Uint8Array;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const SW = (sw: number, data: Uint8Array = new Uint8Array()) => Uint8Array.from([...data, sw >> 8, sw & 0xff]);

/** Answers exactly the scripted command APDUs, in order; anything else is 6D00 and recorded. */
export class ScriptedApduCard implements FakeCard {
  readonly unexpected: string[] = [];
  private step = 0;
  constructor(
    private readonly script: { command: string; response: string }[],
    readonly atr: Uint8Array = unhex('3b8f8001804f0ca0000003060300030000000068'),
  ) {}
  respond(apdu: Uint8Array): Uint8Array {
    const next = this.script[this.step];
    if (!next || next.command.replace(/\s+/g, '').toLowerCase() !== hex(apdu)) {
      this.unexpected.push(hex(apdu));
      return SW(0x6d00);
    }
    this.step++;
    return unhex(next.response);
  }
  get done(): boolean {
    return this.step === this.script.length;
  }
}

export interface FsNode {
  fid: number;
  aid?: Uint8Array;
  data?: Uint8Array;
  children?: FsNode[];
}

/** An ISO 7816-4 file system: SELECT (by FID, child EF, AID, path) and READ BINARY. */
export class FileSystemCard implements FakeCard {
  private currentDf: FsNode;
  private currentEf: FsNode | null = null;
  constructor(
    readonly mf: FsNode,
    readonly atr: Uint8Array = unhex('3b951381018073ff01000b'),
    private readonly options: { maxLe?: number; refuseP2NoData?: boolean } = {},
  ) {
    this.currentDf = mf;
  }

  private parentOf(node: FsNode, from: FsNode = this.mf): FsNode | null {
    for (const c of from.children ?? []) {
      if (c === node) return from;
      const p = this.parentOf(node, c);
      if (p) return p;
    }
    return null;
  }

  private walk(from: FsNode, path: Uint8Array): FsNode | null {
    let node: FsNode | null = from;
    for (let i = 0; i + 1 < path.length && node; i += 2) {
      const fid = (path[i]! << 8) | path[i + 1]!;
      node = node.children?.find((c) => c.fid === fid) ?? null;
    }
    return node;
  }

  private findAid(node: FsNode, aid: Uint8Array): FsNode | null {
    if (node.aid && hex(node.aid) === hex(aid)) return node;
    for (const c of node.children ?? []) {
      const f = this.findAid(c, aid);
      if (f) return f;
    }
    return null;
  }

  respond(apdu: Uint8Array): Uint8Array {
    const [cla, ins, p1, p2] = apdu;
    if (cla !== 0x00) return SW(0x6e00);
    if (ins === 0xa4) {
      if (this.options.refuseP2NoData && p2 === 0x0c) return SW(0x6a86);
      const data = apdu.subarray(5, 5 + apdu[4]!);
      let target: FsNode | null = null;
      if (p1 === 0x04) target = this.findAid(this.mf, data);
      else if (p1 === 0x08) target = this.walk(this.mf, data);
      else if (p1 === 0x09) target = this.walk(this.currentDf, data);
      else if (p1 === 0x02) target = this.walk(this.currentDf, data);
      else if (p1 === 0x00) {
        const fid = (data[0]! << 8) | data[1]!;
        target = fid === 0x3f00 ? this.mf : this.walk(this.currentDf, data);
      }
      if (!target) return SW(0x6a82);
      if (target.children) {
        this.currentDf = target;
        this.currentEf = null;
      } else {
        this.currentEf = target;
        this.currentDf = this.parentOf(target) ?? this.mf;
      }
      return SW(0x9000);
    }
    if (ins === 0xb0) {
      if (!this.currentEf?.data) return SW(0x6986);
      const offset = ((p1! & 0x7f) << 8) | p2!;
      let le = apdu[4] === 0 ? 256 : apdu[4]!;
      if (this.options.maxLe && le > this.options.maxLe) return SW(0x6c00 | this.options.maxLe);
      const data = this.currentEf.data;
      if (offset >= data.length) return SW(0x6b00);
      le = Math.min(le, 256);
      const chunk = data.subarray(offset, offset + le);
      return SW(chunk.length < le ? 0x6282 : 0x9000, chunk);
    }
    return SW(0x6d00);
  }
}

function der(tag: number, value: Uint8Array | number[]): Uint8Array {
  const v = Uint8Array.from(value);
  const n = v.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Uint8Array.from([tag, ...len, ...v]);
}
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

const PKCS15_AID = unhex('A000000063504B43532D3135');

/** The same PKCS#15 layout as test/pcsc/vicc_launcher.py, for a list of DER certificates. */
export function pkcs15FileSystem(certs: Uint8Array[], options: { odf?: Uint8Array; cdf?: Uint8Array } = {}): FsNode {
  const path = (p: string) => der(0x30, der(0x04, unhex(p)));
  const efDir = der(
    0x61,
    cat(der(0x4f, PKCS15_AID), der(0x50, Buffer.from('SITHS e-id')), der(0x51, unhex('3F005015'))),
  );
  const odf = options.odf ?? der(0xa4, path('3F0050154404'));
  let cdf = new Uint8Array();
  const certFiles: FsNode[] = certs.map((data, i) => {
    const fid = 0x4301 + i;
    const entry = der(
      0x30,
      cat(
        der(0x30, der(0x0c, Buffer.from(`Certificate ${i + 1}`))),
        der(0x30, der(0x04, [0x45, i + 1])),
        der(0xa1, der(0x30, path(`3F005015${fid.toString(16)}`))),
      ),
    );
    cdf = cat(cdf, entry);
    return { fid, data };
  });
  return {
    fid: 0x3f00,
    children: [
      { fid: 0x2f00, data: efDir },
      {
        fid: 0x5015,
        aid: PKCS15_AID,
        children: [
          { fid: 0x5031, data: odf },
          { fid: 0x4404, data: options.cdf ?? cat(cdf, new Uint8Array(16)) },
          ...certFiles,
        ],
      },
    ],
  };
}

interface FakeSlot {
  card?: FakeCard;
  /** Bumped on every insert/remove, like pcsc-lite's event counter. */
  events: number;
}

interface Failure {
  call: FakeCall;
  code: PcscErrorCode;
  /** Fail on the nth call from now (1 = next). */
  nth: number;
  times: number;
}

export class FakeCardReader implements CardReader {
  serviceRunning = true;
  readonly slots = new Map<string, FakeSlot>();
  readonly calls: FakeCall[] = [];
  /** Every APDU sent to any card, hex. */
  readonly apdus: string[] = [];
  private failures: Failure[] = [];
  private established = false;
  private waiters = new Set<() => void>();
  /** Runs before each transmit (e.g. to pull the card mid-read). */
  onTransmit?: (apdu: Uint8Array, count: number) => void;

  /** Makes the nth next `call` (and `times - 1` after it) fail with `code`. */
  failOn(call: FakeCall, code: PcscErrorCode, options: { nth?: number; times?: number } = {}): void {
    this.failures.push({ call, code, nth: options.nth ?? 1, times: options.times ?? 1 });
  }

  private maybeFail(call: FakeCall): void {
    this.calls.push(call);
    for (const f of this.failures) {
      if (f.call !== call) continue;
      if (f.nth > 1) {
        f.nth--;
        continue;
      }
      f.times--;
      this.failures = this.failures.filter((x) => x.times > 0);
      throw new PcscError(f.code, `fake ${call}: ${f.code}`);
    }
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  plugReader(name: string): void {
    if (!this.slots.has(name)) this.slots.set(name, { events: 0 });
    this.notify();
  }
  unplugReader(name: string): void {
    this.slots.delete(name);
    this.notify();
  }
  insert(name: string, card: FakeCard): void {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`no reader ${name}`);
    slot.card = card;
    slot.events++;
    this.notify();
  }
  remove(name: string): void {
    const slot = this.slots.get(name);
    if (!slot) return;
    slot.card = undefined;
    slot.events++;
    this.notify();
  }
  stopService(): void {
    this.serviceRunning = false;
    this.established = false;
    this.notify();
  }
  startService(): void {
    this.serviceRunning = true;
    this.notify();
  }

  private check(): void {
    if (!this.serviceRunning || !this.established) throw new PcscError('NO_SERVICE', 'fake: no service');
  }

  private snapshot(readers: string[]): ReaderStatus[] {
    return readers.map((name) => {
      const slot = this.slots.get(name);
      if (!slot) return { name, present: false, token: -1 };
      return {
        name,
        present: !!slot.card,
        atr: slot.card?.atr,
        token: (slot.events << 16) | (slot.card ? 0x20 : 0x10),
      };
    });
  }

  async establish(): Promise<void> {
    this.maybeFail('establish');
    if (!this.serviceRunning) throw new PcscError('NO_SERVICE', 'fake: no service');
    this.established = true;
  }

  async listReaders(): Promise<string[]> {
    this.maybeFail('listReaders');
    this.check();
    return [...this.slots.keys()];
  }

  async waitForChange(
    readers: string[],
    known: ReaderStatus[],
    timeoutMs: number,
  ): Promise<ReaderStatus[] | 'timeout'> {
    this.maybeFail('waitForChange');
    this.check();
    const differs = () => {
      if (readers.join('\n') !== [...this.slots.keys()].join('\n')) return true;
      const now = this.snapshot(readers);
      return now.some((s, i) => s.token !== known.find((k) => k.name === readers[i])?.token);
    };
    if (!differs()) {
      const outcome = await new Promise<'changed' | 'timeout'>((resolve) => {
        const done = (v: 'changed' | 'timeout') => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(v);
        };
        const waiter = () => done('changed');
        const timer = setTimeout(() => done('timeout'), timeoutMs);
        this.waiters.add(waiter);
      });
      this.check();
      if (outcome === 'timeout' || !differs()) return 'timeout';
    }
    for (const name of readers) if (!this.slots.has(name)) throw new PcscError('UNKNOWN_READER', 'fake: reader gone');
    return this.snapshot(readers);
  }

  async connect(reader: string): Promise<CardConnection> {
    this.maybeFail('connect');
    this.check();
    const slot = this.slots.get(reader);
    if (!slot) throw new PcscError('UNKNOWN_READER', 'fake: no such reader');
    const card = slot.card;
    if (!card) throw new PcscError('NO_SMARTCARD', 'fake: no card');
    const events = slot.events;
    let count = 0;
    return {
      atr: card.atr,
      transmit: async (apdu) => {
        this.onTransmit?.(apdu, ++count);
        this.maybeFail('transmit');
        this.check();
        if (this.slots.get(reader)?.events !== events) throw new PcscError('REMOVED_CARD', 'fake: card removed');
        this.apdus.push(hex(apdu));
        return card.respond(apdu);
      },
      disconnect: () => {},
    };
  }

  cancel(): void {
    this.notify();
  }

  release(): void {
    this.established = false;
  }
}
