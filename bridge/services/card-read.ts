import { performance } from 'node:perf_hooks';
import type { ClinicianIdentity } from '../../shared/bridge-protocol';
import { chooseIdentity } from '../card/identity';
import { NotPkcs15Error, Pkcs15Reader } from '../card/pkcs15';
import { type CardReader, PcscError } from '../card/types';
import type { Logger } from '../log';

/** What reading one card gave: the clinician, a card we cannot use (cache it or not), or no card. */
export type ReadOutcome =
  | { kind: 'identity'; identity: ClinicianIdentity }
  | { kind: 'unsupported'; reason: string; cache: boolean }
  | { kind: 'gone' };

export interface ReadDeps {
  reader: CardReader;
  logger: Logger;
  trustAnchors: readonly Uint8Array[];
  sleep(ms: number): Promise<void>;
}

const CARD_GONE = new Set(['REMOVED_CARD', 'NO_SMARTCARD', 'RESET_CARD', 'READER_UNAVAILABLE', 'UNKNOWN_READER']);

/** Reads the identity of the card in `readerName`; rethrows only when the daemon is gone. */
export async function readCard(readerName: string, deps: ReadDeps): Promise<ReadOutcome> {
  const started = performance.now();
  for (let attempt = 1; attempt <= 3; attempt++) {
    let connection: Awaited<ReturnType<CardReader['connect']>> | undefined;
    try {
      connection = await deps.reader.connect(readerName);
      const card = new Pkcs15Reader((apdu) => connection!.transmit(apdu));
      const identity = await chooseIdentity(card.certificates(), deps.trustAnchors);
      deps.logger.log('info', 'card.read', {
        ms: Math.round(performance.now() - started),
        count: card.sent.length,
        code: identity ? (identity.verified ? 'identity_verified' : `identity_${identity.reason}`) : 'no_hsa_id',
      });
      return identity
        ? { kind: 'identity', identity }
        : { kind: 'unsupported', reason: 'no certificate with an HSA-id', cache: true };
    } catch (err) {
      if (err instanceof NotPkcs15Error) return { kind: 'unsupported', reason: err.message, cache: true };
      const code = err instanceof PcscError ? err.code : 'UNKNOWN';
      if (code === 'NO_SERVICE') throw err;
      // Reset by another program: reconnect once before giving up.
      if (code === 'RESET_CARD' && attempt === 1) continue;
      if (CARD_GONE.has(code)) return { kind: 'gone' };
      if (code === 'UNRESPONSIVE_CARD') return { kind: 'unsupported', reason: 'card does not answer', cache: true };
      deps.logger.log('warn', 'card.read_failed', { code, count: attempt });
      if (attempt < 3) await deps.sleep(code === 'SHARING_VIOLATION' ? 200 : 50);
    } finally {
      connection?.disconnect();
    }
  }
  return { kind: 'unsupported', reason: 'card could not be read', cache: false };
}
