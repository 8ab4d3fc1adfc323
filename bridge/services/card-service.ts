/**
 * The SITHS card as typed states, pushed as they change. One loop: establish a PC/SC context,
 * list readers, wait for a status change, read the identity of a newly inserted card. Any
 * failure of the daemon drops back to "establish again every second", so the service recovers
 * by itself from pcscd restarts, reader unplugging and cards pulled mid-read.
 */
import { performance } from 'node:perf_hooks';
import type { CardStatus } from '../../shared/bridge-protocol';
import { type CardReader, PcscError, type ReaderStatus } from '../card/types';
import type { Logger } from '../log';
import { type ReadOutcome, readCard } from './card-read';
import type { CardChangeMeta, CardStatusSource } from './types';

/** Passing read failures of one card retried (≈250 ms apart) before it counts as unreadable. */
const TRANSIENT_RETRIES = 5;

export interface CardServiceOptions {
  reader: CardReader;
  logger: Logger;
  /** Wait between attempts while the PC/SC service is down. */
  retryMs?: number;
  /** Longest single wait for a status change (readers are re-listed after it). */
  pollMs?: number;
  /** The SITHS CAs a card's certificate must chain to (DER); none: every card is "ej verifierat". */
  trustAnchors?: readonly Uint8Array[];
}

type Listener = (status: CardStatus, meta: CardChangeMeta) => void;

function hex(bytes?: Uint8Array): string {
  return bytes ? Buffer.from(bytes).toString('hex') : '';
}

export class CardService implements CardStatusSource {
  private status: CardStatus = { state: 'NO_READERS', since: new Date().toISOString() };
  private readonly listeners = new Set<Listener>();
  private running = false;
  private hasState = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Read results per inserted card (reader + ATR + pcsc-lite's event counter). */
  private readonly cache = new Map<string, ReadOutcome>();
  /** Reads of a present card that failed for a passing reason, per card (see TRANSIENT_RETRIES). */
  private readonly failedReads = new Map<string, number>();
  private firstState!: Promise<void>;
  private resolveFirst!: () => void;
  private readonly reader: CardReader;
  private readonly logger: Logger;
  private readonly retryMs: number;
  private readonly pollMs: number;
  private readonly trustAnchors: readonly Uint8Array[];

  constructor(options: CardServiceOptions) {
    this.reader = options.reader;
    this.logger = options.logger;
    this.retryMs = options.retryMs ?? 1000;
    this.pollMs = options.pollMs ?? 1000;
    this.trustAnchors = options.trustAnchors ?? [];
    this.firstState = new Promise((r) => {
      this.resolveFirst = r;
    });
  }

  current(): CardStatus {
    return this.status;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the first real state is known (or after `timeoutMs`). */
  ready(timeoutMs = 5000): Promise<void> {
    return Promise.race([this.firstState, new Promise<void>((r) => setTimeout(r, timeoutMs).unref())]);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.reader.cancel();
    this.wake?.();
    await this.loop;
    this.reader.release();
  }

  private set(next: CardStatus, detectedAt: number): void {
    const { since: _a, ...a } = this.status;
    const { since: _b, ...b } = next;
    const first = !this.hasState;
    this.hasState = true;
    this.resolveFirst();
    if (!first && JSON.stringify(a) === JSON.stringify(b)) return;
    this.status = next;
    this.logger.log('info', 'card.state', {
      state: next.state,
      reader: 'reader' in next ? next.reader : undefined,
      reason: next.state === 'UNSUPPORTED_CARD' ? next.reason : undefined,
    });
    for (const listener of this.listeners) {
      try {
        listener(next, { detectedAt });
      } catch {
        // a broken listener must not stop the card loop
      }
    }
  }

  private now(): string {
    return new Date().toISOString();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.reader.establish();
      } catch (err) {
        this.set({ state: 'SERVICE_NOT_RUNNING', since: this.now() }, performance.now());
        if (!(err instanceof PcscError) || err.code !== 'NO_SERVICE') {
          this.logger.log('warn', 'card.establish_failed', { code: err instanceof PcscError ? err.code : 'unknown' });
        }
        await this.sleep(this.retryMs);
        continue;
      }
      try {
        await this.monitor();
      } catch (err) {
        const code = err instanceof PcscError ? err.code : 'UNKNOWN';
        this.reader.release();
        if (!this.running) break;
        if (code === 'NO_SERVICE') {
          this.set({ state: 'SERVICE_NOT_RUNNING', since: this.now() }, performance.now());
          await this.sleep(this.retryMs);
        } else {
          this.logger.log('warn', 'card.monitor_error', { code });
          await this.sleep(Math.min(200, this.retryMs));
        }
      }
    }
  }

  private async monitor(): Promise<void> {
    let known: ReaderStatus[] = [];
    let knownReaders: string[] = [];
    let first = true;
    /** A present card could not be read because it vanished/reset mid-read: look again soon. */
    let incomplete = false;
    while (this.running) {
      let readers: string[];
      try {
        readers = await this.reader.listReaders();
      } catch (err) {
        if (err instanceof PcscError && err.code === 'NO_READERS') readers = [];
        else throw err;
      }
      const readersChanged = readers.join('\n') !== knownReaders.join('\n');
      if (readersChanged) {
        knownReaders = readers;
        known = known.filter((k) => readers.includes(k.name));
      }
      let result: ReaderStatus[] | 'timeout';
      try {
        const timeout = first || readersChanged ? 0 : incomplete ? 250 : this.pollMs;
        result = await this.reader.waitForChange(readers, known, timeout);
      } catch (err) {
        // A reader unplugged while waiting: list again.
        if (err instanceof PcscError && (err.code === 'UNKNOWN_READER' || err.code === 'READER_UNAVAILABLE')) continue;
        throw err;
      }
      const detectedAt = performance.now();
      if (!this.running) return;
      if (result === 'timeout') {
        if (first || readersChanged || incomplete) incomplete = await this.evaluate(readers, known, detectedAt);
        first = false;
        continue;
      }
      const same =
        !first &&
        !readersChanged &&
        result.length === known.length &&
        result.every((r, i) => r.present === known[i]?.present && r.token === known[i]?.token);
      known = result;
      first = false;
      if (same) {
        // Nothing we track changed (e.g. a PnP notice): don't spin.
        await this.sleep(50);
        continue;
      }
      incomplete = await this.evaluate(readers, result, detectedAt);
    }
  }

  /** Sets the state from the readers' statuses; true when a present card could not be read yet. */
  private async evaluate(readers: string[], statuses: ReaderStatus[], detectedAt: number): Promise<boolean> {
    if (readers.length === 0) {
      this.cache.clear();
      this.set({ state: 'NO_READERS', since: this.now() }, detectedAt);
      return false;
    }
    const withCard = statuses.filter((s) => s.present && readers.includes(s.name));
    const keys = new Set(withCard.map((s) => `${s.name}|${hex(s.atr)}|${(s.token ?? 0) >>> 16}`));
    for (const key of this.cache.keys()) if (!keys.has(key)) this.cache.delete(key);
    for (const key of this.failedReads.keys()) if (!keys.has(key)) this.failedReads.delete(key);
    if (withCard.length === 0) {
      this.set({ state: 'NO_CARD', readers, since: this.now() }, detectedAt);
      return false;
    }

    let unsupported: { reader: string; reason: string } | null = null;
    let gone = false;
    let transient = false;
    for (const status of withCard) {
      const key = `${status.name}|${hex(status.atr)}|${(status.token ?? 0) >>> 16}`;
      let outcome = this.cache.get(key);
      if (!outcome) {
        outcome = status.mute
          ? { kind: 'unsupported', reason: 'card does not answer', cache: true }
          : await this.read(status.name);
        // A read that failed for a passing reason (a busy reader, a slow machine) is tried
        // again soon, a few times, before the card is taken as unreadable until it changes.
        if (outcome.kind === 'unsupported' && !outcome.cache) {
          const tries = (this.failedReads.get(key) ?? 0) + 1;
          this.failedReads.set(key, tries);
          if (tries < TRANSIENT_RETRIES) transient = true;
          else outcome = { ...outcome, cache: true };
        } else this.failedReads.delete(key);
        if (outcome.kind === 'identity' || (outcome.kind === 'unsupported' && outcome.cache))
          this.cache.set(key, outcome);
      }
      if (outcome.kind === 'identity') {
        this.set(
          { state: 'CARD_PRESENT', reader: status.name, identity: outcome.identity, since: this.now() },
          detectedAt,
        );
        return false;
      }
      if (outcome.kind === 'unsupported' && !unsupported) unsupported = { reader: status.name, reason: outcome.reason };
      if (outcome.kind === 'gone') gone = true;
    }
    if (unsupported) {
      this.set({ state: 'UNSUPPORTED_CARD', ...unsupported, since: this.now() }, detectedAt);
      return gone || transient;
    }
    // Every card went away while being read: the next status change (or a second look) says so.
    this.set({ state: 'NO_CARD', readers, since: this.now() }, detectedAt);
    return gone;
  }

  private read(readerName: string): Promise<ReadOutcome> {
    return readCard(readerName, {
      reader: this.reader,
      logger: this.logger,
      trustAnchors: this.trustAnchors,
      sleep: (ms) => this.sleep(ms),
    });
  }
}
