/**
 * CardReader over the `smartcard` binding's low-level Context (not its Devices class: Devices
 * never recovers when pcscd was down at start). Each establish() makes a fresh PC/SC context,
 * which is how the service comes back after pcscd restarts.
 */
import { createRequire } from 'node:module';
import type { CardConnection, CardReader, PcscErrorCode, ReaderStatus } from './types';
import { PcscError } from './types';

type Smartcard = typeof import('smartcard');
type Context = InstanceType<Smartcard['Context']>;
type NativeCard = Awaited<ReturnType<ReturnType<Context['listReaders']>[number]['connect']>>;

const PNP = '\\\\?PnP?\\Notification';

let binding: Smartcard | undefined;
function load(): Smartcard {
  if (!binding) binding = createRequire(import.meta.url)('smartcard') as Smartcard;
  return binding;
}

const MESSAGES: [RegExp, PcscErrorCode][] = [
  [/service not running|service stopped|communication error|context is not valid|invalid handle/i, 'NO_SERVICE'],
  [/no readers/i, 'NO_READERS'],
  [/reader unavailable/i, 'READER_UNAVAILABLE'],
  [/unknown reader/i, 'UNKNOWN_READER'],
  [/no smart card/i, 'NO_SMARTCARD'],
  [/card was removed/i, 'REMOVED_CARD'],
  [/card was reset/i, 'RESET_CARD'],
  [/unresponsive|unpowered|not supported/i, 'UNRESPONSIVE_CARD'],
  [/sharing violation/i, 'SHARING_VIOLATION'],
  [/timed out/i, 'TIMEOUT'],
];

export function toPcscError(err: unknown): PcscError {
  if (err instanceof PcscError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = MESSAGES.find(([re]) => re.test(message))?.[1] ?? 'UNKNOWN';
  return new PcscError(code, message);
}

async function wrap<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toPcscError(err);
  }
}

export class PcscCardReader implements CardReader {
  private ctx: Context | null = null;

  async establish(): Promise<void> {
    this.release();
    const sc = load();
    this.ctx = await wrap(() => new sc.Context());
  }

  private context(): Context {
    if (!this.ctx?.isValid) throw new PcscError('NO_SERVICE', 'no PC/SC context');
    return this.ctx;
  }

  async listReaders(): Promise<string[]> {
    const ctx = this.context();
    return wrap(() => ctx.listReaders().map((r) => r.name));
  }

  async waitForChange(
    readers: string[],
    known: ReaderStatus[],
    timeoutMs: number,
  ): Promise<ReaderStatus[] | 'timeout'> {
    const sc = load();
    const ctx = this.context();
    const states = readers.map((name) => ({
      name,
      state: (known.find((k) => k.name === name)?.token ?? sc.SCARD_STATE_UNAWARE) & ~sc.SCARD_STATE_CHANGED,
    }));
    // Reader plug and play: pcsc-lite keeps the reader count in the upper 16 bits.
    states.push({ name: PNP, state: readers.length << 16 });
    // The binding reads only `name` and `state` from each entry.
    const entries = states.map((s) => ({ ...s, changed: false, atr: null }));
    const result = await wrap(() => ctx.waitForChange(entries, timeoutMs));
    if (result === null || result.length === 0) return 'timeout';
    return result
      .filter((r) => r.name !== PNP)
      .map((r) => {
        const mute = (r.state & sc.SCARD_STATE_MUTE) !== 0;
        const present = (r.state & sc.SCARD_STATE_PRESENT) !== 0;
        return {
          name: r.name,
          present,
          mute,
          atr: r.atr ? new Uint8Array(r.atr) : undefined,
          token: r.state,
        };
      });
  }

  async connect(reader: string): Promise<CardConnection> {
    const sc = load();
    const ctx = this.context();
    const native = await wrap(async () => {
      const r = ctx.listReaders().find((x) => x.name === reader);
      if (!r) throw new PcscError('UNKNOWN_READER', 'reader gone');
      try {
        return await r.connect(sc.SCARD_SHARE_SHARED, sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1);
      } catch (err) {
        if (toPcscError(err).code !== 'UNRESPONSIVE_CARD') throw err;
        return await r.connect(sc.SCARD_SHARE_SHARED, sc.SCARD_PROTOCOL_T0);
      }
    });
    return new PcscConnection(native, sc);
  }

  cancel(): void {
    try {
      this.ctx?.cancel();
    } catch {
      // nothing pending
    }
  }

  release(): void {
    const ctx = this.ctx;
    this.ctx = null;
    if (!ctx) return;
    try {
      ctx.cancel();
    } catch {
      // ignore
    }
    try {
      ctx.close();
    } catch {
      // the daemon may already be gone
    }
  }
}

class PcscConnection implements CardConnection {
  readonly atr: Uint8Array;
  constructor(
    private readonly card: NativeCard,
    private readonly sc: Smartcard,
  ) {
    this.atr = new Uint8Array(card.atr ?? []);
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    const resp = await wrap(() => this.card.transmit(Buffer.from(apdu), { maxRecvLength: 258 }));
    return new Uint8Array(resp);
  }

  disconnect(): void {
    try {
      this.card.disconnect(this.sc.SCARD_LEAVE_CARD);
    } catch {
      // card or daemon already gone
    }
  }
}
