/**
 * The PC/SC boundary: the smallest slice of the PC/SC API the card service needs (modelled on
 * SCardEstablishContext / ListReaders / GetStatusChange / Connect / Transmit). The real adapter
 * wraps the `smartcard` binding; the scripted fake (test/bridge/fake-reader.ts) answers APDU by APDU and
 * can fail any call with any PC/SC error, as Web eID's libpcsc-mock does.
 */

export type PcscErrorCode =
  /** SCARD_E_NO_SERVICE / SCARD_E_SERVICE_STOPPED / SCARD_F_COMM_ERROR: the daemon is gone. */
  | 'NO_SERVICE'
  | 'NO_READERS'
  | 'READER_UNAVAILABLE'
  | 'UNKNOWN_READER'
  | 'NO_SMARTCARD'
  | 'REMOVED_CARD'
  | 'RESET_CARD'
  | 'UNRESPONSIVE_CARD'
  | 'SHARING_VIOLATION'
  | 'TIMEOUT'
  | 'UNKNOWN';

export class PcscError extends Error {
  constructor(
    readonly code: PcscErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'PcscError';
  }
}

export interface ReaderStatus {
  name: string;
  present: boolean;
  /** Card could not be powered (mute). */
  mute?: boolean;
  atr?: Uint8Array;
  /** Opaque state for the next waitForChange (raw dwEventState in the real adapter). */
  token?: number;
}

export interface CardConnection {
  readonly atr: Uint8Array;
  /** One command APDU → response APDU (data + SW1 SW2). */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  disconnect(): void;
}

export interface CardReader {
  /** SCardEstablishContext. Throws PcscError('NO_SERVICE') when the daemon is not running. */
  establish(): Promise<void>;
  /** SCardListReaders; [] when there are none. */
  listReaders(): Promise<string[]>;
  /**
   * SCardGetStatusChange over `readers` (plus reader plug-and-play): resolves with every
   * reader's status as soon as one differs from `known`, or with 'timeout'.
   */
  waitForChange(readers: string[], known: ReaderStatus[], timeoutMs: number): Promise<ReaderStatus[] | 'timeout'>;
  /** SCardConnect (shared, T=0 or T=1). */
  connect(reader: string): Promise<CardConnection>;
  /** SCardCancel: a pending waitForChange resolves with 'timeout'. */
  cancel(): void;
  /** SCardReleaseContext. Never throws. */
  release(): void;
}
