/**
 * The card service against the scripted PC/SC fake: every state, every recovery, every forced
 * PC/SC error, and proof that only SELECT and READ BINARY ever reach the card.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { identityFromCertificate } from '../../bridge/card/identity';
import { readTlvs } from '../../bridge/card/pkcs15';
import type { PcscErrorCode } from '../../bridge/card/types';
import { silentLogger } from '../../bridge/log';
import { CardService } from '../../bridge/services/card-service';
import type { CardState, CardStatus } from '../../shared/bridge-protocol';
import {
  type FakeCall,
  FakeCardReader,
  FileSystemCard,
  pkcs15FileSystem,
  ScriptedApduCard,
} from '../bridge/fake-reader';
import { createTestChain, TEST_CA_NAME, TEST_CLINICIAN_NAME, TEST_HSA_ID, type TestChain } from '../bridge/test-certs';

const READER = 'Virtual PCD 00 00';
let chain: TestChain;
let service: CardService | undefined;

beforeAll(async () => {
  chain = await createTestChain();
});
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

function sithsCard(options?: ConstructorParameters<typeof FileSystemCard>[2]) {
  return new FileSystemCard(pkcs15FileSystem(chain.cardOrder), undefined, options);
}

function start(fake: FakeCardReader): { service: CardService; pushed: CardStatus[] } {
  const s = new CardService({ reader: fake, logger: silentLogger, retryMs: 20, pollMs: 100 });
  const pushed: CardStatus[] = [];
  s.subscribe((status) => pushed.push(status));
  s.start();
  service = s;
  return { service: s, pushed };
}

async function until(s: CardService, state: CardState, timeoutMs = 3000): Promise<CardStatus> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (s.current().state === state) return s.current();
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`state ${state} not reached; still ${s.current().state}`);
}

function readerWithCard(): FakeCardReader {
  const fake = new FakeCardReader();
  fake.plugReader(READER);
  fake.insert(READER, sithsCard());
  return fake;
}

describe('identity', () => {
  it('insert → CARD_PRESENT with HSA-id, name, issuer and validity (the CA and a non-HSA cert are skipped)', async () => {
    const fake = readerWithCard();
    const { service: s, pushed } = start(fake);
    const status = await until(s, 'CARD_PRESENT');
    expect(status).toMatchObject({
      state: 'CARD_PRESENT',
      reader: READER,
      identity: {
        hsaId: TEST_HSA_ID,
        name: TEST_CLINICIAN_NAME,
        issuer: TEST_CA_NAME,
        notBefore: '2024-01-01T00:00:00.000Z',
        notAfter: '2029-01-01T00:00:00.000Z',
      },
    });
    expect(pushed.at(-1)?.state).toBe('CARD_PRESENT');
    // Only SELECT (A4) and READ BINARY (B0): never VERIFY (PIN), never a key operation.
    const ins = new Set(fake.apdus.map((a) => a.slice(2, 4)));
    expect([...ins].sort()).toEqual(['a4', 'b0']);
  });

  it('pull → NO_CARD pushed; insert again → CARD_PRESENT from the cache-less read', async () => {
    const fake = readerWithCard();
    const { service: s, pushed } = start(fake);
    await until(s, 'CARD_PRESENT');
    fake.remove(READER);
    await until(s, 'NO_CARD');
    expect(pushed.at(-1)).toMatchObject({ state: 'NO_CARD', readers: [READER] });
    fake.insert(READER, sithsCard());
    await until(s, 'CARD_PRESENT');
  });

  it('a card with no PKCS#15 application → UNSUPPORTED_CARD', async () => {
    const fake = new FakeCardReader();
    fake.plugReader(READER);
    fake.insert(READER, new FileSystemCard({ fid: 0x3f00, children: [] }));
    const { service: s } = start(fake);
    expect(await until(s, 'UNSUPPORTED_CARD')).toMatchObject({ reader: READER, reason: 'no PKCS#15 application' });
  });

  it('a PKCS#15 card with no HSA-id certificate → UNSUPPORTED_CARD', async () => {
    const fake = new FakeCardReader();
    fake.plugReader(READER);
    fake.insert(READER, new FileSystemCard(pkcs15FileSystem([chain.ca, chain.other])));
    const { service: s } = start(fake);
    expect(await until(s, 'UNSUPPORTED_CARD')).toMatchObject({ reason: 'no certificate with an HSA-id' });
  });

  it.each([
    ['garbage ODF', { odf: Uint8Array.from([0x30, 0x82, 0xff]) }],
    ['ODF without certificates', { odf: Uint8Array.from([0xa8, 0x02, 0x05, 0x00]) }],
    ['garbage CDF', { cdf: Uint8Array.from([0x30, 0x05, 0xa1, 0x03, 0x30, 0x01, 0x04]) }],
  ])('malformed card data (%s) → UNSUPPORTED_CARD, no crash', async (_label, opts) => {
    const fake = new FakeCardReader();
    fake.plugReader(READER);
    fake.insert(READER, new FileSystemCard(pkcs15FileSystem(chain.cardOrder, opts)));
    const { service: s } = start(fake);
    await until(s, 'UNSUPPORTED_CARD');
  });

  it('a truncated certificate is skipped, not parsed into nonsense', async () => {
    const fake = new FakeCardReader();
    fake.plugReader(READER);
    fake.insert(READER, new FileSystemCard(pkcs15FileSystem([chain.person.subarray(0, 200)])));
    const { service: s } = start(fake);
    await until(s, 'UNSUPPORTED_CARD');
  });

  it('a card that refuses P2=0C and short Le still reads (6A86 → P2=00, 6Cxx → Le=xx)', async () => {
    const fake = new FakeCardReader();
    fake.plugReader(READER);
    fake.insert(READER, sithsCard({ refuseP2NoData: true, maxLe: 0x80 }));
    const { service: s } = start(fake);
    expect(await until(s, 'CARD_PRESENT')).toMatchObject({ identity: { hsaId: TEST_HSA_ID } });
  });

  it('an exact APDU script: the reader sends exactly these commands for a one-certificate card', async () => {
    const fs = new FileSystemCard(pkcs15FileSystem([chain.person]));
    // Record the exchange once from the file-system card, then replay it as a strict script.
    const recorder = new FakeCardReader();
    recorder.plugReader(READER);
    const log: { command: string; response: string }[] = [];
    recorder.insert(READER, {
      atr: fs.atr,
      respond: (apdu) => {
        const response = fs.respond(apdu);
        log.push({ command: Buffer.from(apdu).toString('hex'), response: Buffer.from(response).toString('hex') });
        return response;
      },
    });
    const first = start(recorder);
    await until(first.service, 'CARD_PRESENT');
    await first.service.stop();
    expect(log.slice(0, 4).map((l) => l.command)).toEqual([
      '00a4080c022f00', // EF.DIR by path from MF
      '00b00000e0',
      '00a4040c0ca000000063504b43532d3135', // the PKCS#15 AID
      '00a4020c025031', // EF.ODF
    ]);
    const scripted = new ScriptedApduCard(log, fs.atr);
    const fake = new FakeCardReader();
    fake.plugReader(READER);
    fake.insert(READER, scripted);
    const { service: s } = start(fake);
    await until(s, 'CARD_PRESENT');
    expect(scripted.unexpected).toEqual([]);
    expect(scripted.done).toBe(true);
  });
});

describe('recovery', () => {
  it('no daemon at start → SERVICE_NOT_RUNNING; daemon starts → NO_READERS → reader → NO_CARD → card', async () => {
    const fake = new FakeCardReader();
    fake.serviceRunning = false;
    const { service: s, pushed } = start(fake);
    await until(s, 'SERVICE_NOT_RUNNING');
    fake.startService();
    await until(s, 'NO_READERS');
    fake.plugReader(READER);
    await until(s, 'NO_CARD');
    fake.insert(READER, sithsCard());
    await until(s, 'CARD_PRESENT');
    expect(pushed.map((p) => p.state)).toEqual(['SERVICE_NOT_RUNNING', 'NO_READERS', 'NO_CARD', 'CARD_PRESENT']);
  });

  it('daemon stops and comes back → SERVICE_NOT_RUNNING, then CARD_PRESENT again by itself', async () => {
    const fake = readerWithCard();
    const { service: s } = start(fake);
    await until(s, 'CARD_PRESENT');
    fake.stopService();
    await until(s, 'SERVICE_NOT_RUNNING');
    fake.startService();
    await until(s, 'CARD_PRESENT');
  });

  it('reader unplugged → NO_READERS; plugged in with the card → CARD_PRESENT', async () => {
    const fake = readerWithCard();
    const { service: s } = start(fake);
    await until(s, 'CARD_PRESENT');
    fake.unplugReader(READER);
    await until(s, 'NO_READERS');
    fake.plugReader(READER);
    fake.insert(READER, sithsCard());
    await until(s, 'CARD_PRESENT');
  });

  it('card pulled mid-read → NO_CARD (never a half identity); next insert reads fine', async () => {
    const fake = new FakeCardReader();
    fake.plugReader(READER);
    fake.onTransmit = (_apdu, count) => {
      if (count === 6) {
        fake.onTransmit = undefined;
        fake.remove(READER);
      }
    };
    const { service: s, pushed } = start(fake);
    fake.insert(READER, sithsCard());
    await until(s, 'NO_CARD');
    await new Promise((r) => setTimeout(r, 150));
    expect(pushed.some((p) => p.state === 'CARD_PRESENT')).toBe(false);
    fake.insert(READER, sithsCard());
    await until(s, 'CARD_PRESENT');
  });

  it('daemon dies mid-read → SERVICE_NOT_RUNNING → back to CARD_PRESENT', async () => {
    const fake = new FakeCardReader();
    fake.plugReader(READER);
    fake.failOn('transmit', 'NO_SERVICE', { nth: 4 });
    fake.insert(READER, sithsCard());
    const { service: s, pushed } = start(fake);
    await until(s, 'CARD_PRESENT');
    expect(pushed.map((p) => p.state)).toContain('SERVICE_NOT_RUNNING');
  });

  it('two readers: the one with a SITHS card wins over an unsupported card', async () => {
    const fake = new FakeCardReader();
    fake.plugReader('Reader A');
    fake.plugReader('Reader B');
    fake.insert('Reader A', new FileSystemCard({ fid: 0x3f00, children: [] }));
    fake.insert('Reader B', sithsCard());
    const { service: s } = start(fake);
    expect(await until(s, 'CARD_PRESENT')).toMatchObject({ reader: 'Reader B' });
    fake.remove('Reader B');
    expect(await until(s, 'UNSUPPORTED_CARD')).toMatchObject({ reader: 'Reader A' });
  });
});

describe('every PC/SC call can fail', () => {
  const cases: [FakeCall, PcscErrorCode, CardState | null][] = [
    ['establish', 'NO_SERVICE', 'SERVICE_NOT_RUNNING'],
    ['establish', 'UNKNOWN', null],
    ['listReaders', 'NO_SERVICE', 'SERVICE_NOT_RUNNING'],
    ['listReaders', 'NO_READERS', 'NO_READERS'],
    ['listReaders', 'UNKNOWN', null],
    ['waitForChange', 'NO_SERVICE', 'SERVICE_NOT_RUNNING'],
    ['waitForChange', 'UNKNOWN_READER', null],
    ['waitForChange', 'TIMEOUT', null],
    ['connect', 'NO_SERVICE', 'SERVICE_NOT_RUNNING'],
    ['connect', 'SHARING_VIOLATION', null],
    ['connect', 'REMOVED_CARD', null],
    ['connect', 'UNKNOWN', null],
    ['transmit', 'NO_SERVICE', 'SERVICE_NOT_RUNNING'],
    ['transmit', 'RESET_CARD', null],
    ['transmit', 'UNKNOWN', null],
    ['transmit', 'TIMEOUT', null],
  ];
  it.each(cases)('%s fails with %s → recovers to CARD_PRESENT', async (call, code, passesThrough) => {
    const fake = readerWithCard();
    fake.failOn(call, code);
    const { service: s, pushed } = start(fake);
    await until(s, 'CARD_PRESENT');
    if (passesThrough) expect(pushed.map((p) => p.state)).toContain(passesThrough);
    expect(fake.calls).toContain(call);
  });

  it('an unresponsive card → UNSUPPORTED_CARD (cached: not re-read until it changes)', async () => {
    const fake = readerWithCard();
    fake.failOn('connect', 'UNRESPONSIVE_CARD');
    const { service: s } = start(fake);
    expect(await until(s, 'UNSUPPORTED_CARD')).toMatchObject({ reason: 'card does not answer' });
    fake.remove(READER);
    fake.insert(READER, sithsCard());
    await until(s, 'CARD_PRESENT');
  });

  it('a card that keeps failing → UNSUPPORTED_CARD "could not be read", retried at the next change', async () => {
    const fake = readerWithCard();
    fake.failOn('transmit', 'UNKNOWN', { times: 3 });
    const { service: s } = start(fake);
    expect(await until(s, 'UNSUPPORTED_CARD')).toMatchObject({ reason: 'card could not be read' });
    fake.remove(READER);
    fake.insert(READER, sithsCard());
    await until(s, 'CARD_PRESENT');
  });

  it('a read that fails for a passing reason is tried again by itself: CARD_PRESENT without reinserting the card', async () => {
    const fake = readerWithCard();
    // Every attempt of the first read fails (a busy reader, a slow machine); the next one works.
    fake.failOn('transmit', 'UNKNOWN', { times: 3 });
    const { service: s, pushed } = start(fake);
    await until(s, 'CARD_PRESENT');
    expect(pushed.map((p) => p.state)).toContain('UNSUPPORTED_CARD');
  });

  it('a card whose reads keep failing is re-read only a few times, then left until it changes', async () => {
    const fake = readerWithCard();
    fake.failOn('transmit', 'UNKNOWN', { times: 1_000 });
    const { service: s } = start(fake);
    await until(s, 'UNSUPPORTED_CARD');
    const transmits = () => fake.calls.filter((c) => c === 'transmit').length;
    // Positive signal first: five reads of three attempts each have run …
    for (const deadline = Date.now() + 5_000; transmits() < 5 * 3 && Date.now() < deadline; )
      await new Promise((r) => setTimeout(r, 20));
    expect(transmits()).toBe(5 * 3);
    // … then nothing more while the card stays as it is.
    await new Promise((r) => setTimeout(r, 800));
    expect(transmits()).toBe(5 * 3);
  });

  it('a listener that throws does not stop the loop', async () => {
    const fake = readerWithCard();
    const s = new CardService({ reader: fake, logger: silentLogger, retryMs: 20, pollMs: 100 });
    s.subscribe(() => {
      throw new Error('boom');
    });
    s.start();
    service = s;
    await until(s, 'CARD_PRESENT');
    fake.remove(READER);
    await until(s, 'NO_CARD');
  });
});

describe('certificates', () => {
  it('HSA-id chooser: real and test forms accepted, others not', () => {
    expect(identityFromCertificate(chain.person)?.hsaId).toBe(TEST_HSA_ID);
    expect(identityFromCertificate(chain.ca)).toBeNull();
    expect(identityFromCertificate(chain.other)).toBeNull();
    expect(identityFromCertificate(Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x00]))).toBeNull();
  });

  it('TLV parser stops at padding and truncation', () => {
    expect(readTlvs(Uint8Array.from([0x04, 0x01, 0xaa, 0x00, 0x00]))).toHaveLength(1);
    expect(readTlvs(Uint8Array.from([0x04, 0x05, 0xaa]))).toHaveLength(0);
    expect(readTlvs(Uint8Array.from([0x30, 0x84, 0, 0, 0, 1, 0]))).toHaveLength(0);
  });
});
