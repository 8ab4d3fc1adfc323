/**
 * Issue 11, a verified clinician: the card's certificate must chain to a configured SITHS trust
 * anchor (the test CA here), within its dates and with the right key usage; a self-made CA on
 * any card reads "not verified". Through the card service too, with the scripted reader.
 */
import 'reflect-metadata';
import { KeyUsageFlags } from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseIdentity } from '../../bridge/card/identity';
import { verifyCertificate } from '../../bridge/card/verify';
import { silentLogger } from '../../bridge/log';
import { CardService } from '../../bridge/services/card-service';
import type { CardStatus } from '../../shared/bridge-protocol';
import { FakeCardReader, FileSystemCard, pkcs15FileSystem } from '../bridge/fake-reader';
import { createTestChain, issueTestCertificate, TEST_HSA_ID, type TestChain } from '../bridge/test-certs';

const NOW = new Date('2026-06-01T00:00:00Z');
const PERSON = (cn: string) => `C=SE, O=Testregionen, CN=${cn}, 2.5.4.5=${TEST_HSA_ID}`;
let trusted: TestChain;
let selfMade: TestChain;

beforeAll(async () => {
  trusted = await createTestChain();
  // Same names, same layout, another key: what anyone can make for any card.
  selfMade = await createTestChain();
});

describe('the card’s certificate against the trust anchors', () => {
  it('chains to the configured test CA → verified', async () => {
    expect(await verifyCertificate(trusted.person, trusted.cardOrder, [trusted.ca], NOW)).toEqual({ verified: true });
  });

  it('a self-made CA (same names, another key) → not verified, untrusted issuer', async () => {
    expect(await verifyCertificate(selfMade.person, selfMade.cardOrder, [trusted.ca], NOW)).toEqual({
      verified: false,
      reason: 'untrusted-issuer',
    });
  });

  it('no trust anchors configured → not verified (never assumed)', async () => {
    expect(await verifyCertificate(trusted.person, trusted.cardOrder, [], NOW)).toEqual({
      verified: false,
      reason: 'no-trust-anchors',
    });
  });

  it('outside its validity dates → expired / not yet valid', async () => {
    const anchors = [trusted.ca];
    expect(await verifyCertificate(trusted.person, [], anchors, new Date('2030-01-01T00:00:00Z'))).toMatchObject({
      reason: 'expired',
    });
    expect(await verifyCertificate(trusted.person, [], anchors, new Date('2023-06-01T00:00:00Z'))).toMatchObject({
      reason: 'not-yet-valid',
    });
  });

  it('a certificate made only for encryption → not verified (key usage)', async () => {
    const leaf = await issueTestCertificate(trusted, {
      subject: PERSON('Kryptera Endast'),
      usages: KeyUsageFlags.keyEncipherment,
    });
    expect(await verifyCertificate(leaf.der, [], [trusted.ca], NOW)).toEqual({ verified: false, reason: 'key-usage' });
  });

  it('root → issuing CA on the card → person: verified through the card’s intermediate, not without it', async () => {
    const issuing = await issueTestCertificate(trusted, {
      subject: 'C=SE, O=Inera AB, CN=TEST SITHS Issuing',
      ca: true,
    });
    const person = await issueTestCertificate(
      { caKeys: issuing.keys, caSubject: issuing.subject },
      { subject: PERSON('Ida Mellan') },
    );
    expect(await verifyCertificate(person.der, [issuing.der], [trusted.ca], NOW)).toEqual({ verified: true });
    expect(await verifyCertificate(person.der, [], [trusted.ca], NOW)).toMatchObject({ reason: 'untrusted-issuer' });
    // A person certificate posing as an intermediate (not a CA) is never followed.
    const fake = await issueTestCertificate(
      { caKeys: person.keys, caSubject: person.subject },
      { subject: PERSON('Under Person') },
    );
    expect(await verifyCertificate(fake.der, [person.der, issuing.der], [trusted.ca], NOW)).toMatchObject({
      verified: false,
    });
  });

  it('chooseIdentity reads the rest of the card only when the first certificates do not reach an anchor', async () => {
    const issuing = await issueTestCertificate(trusted, {
      subject: 'C=SE, O=Inera AB, CN=TEST SITHS Issuing',
      ca: true,
    });
    const person = await issueTestCertificate(
      { caKeys: issuing.keys, caSubject: issuing.subject },
      { subject: PERSON('Ida Mellan') },
    );
    let read = 0;
    async function* card(order: Uint8Array[]) {
      for (const der of order) {
        read++;
        yield der;
      }
    }
    expect(await chooseIdentity(card([person.der, issuing.der]), [trusted.ca], NOW)).toMatchObject({
      name: 'Ida Mellan',
      verified: true,
    });
    expect(read).toBe(2);
    read = 0;
    expect(await chooseIdentity(card([issuing.der, person.der, trusted.other]), [trusted.ca], NOW)).toMatchObject({
      verified: true,
    });
    expect(read).toBe(2);
  });
});

describe('CARD_PRESENT carries the verdict', () => {
  const READER = 'Virtual PCD 00 00';
  const present = async (chain: TestChain, anchors: Uint8Array[]) => {
    const reader = new FakeCardReader();
    reader.plugReader(READER);
    reader.insert(READER, new FileSystemCard(pkcs15FileSystem(chain.cardOrder)));
    const service = new CardService({ reader, logger: silentLogger, retryMs: 20, pollMs: 50, trustAnchors: anchors });
    const seen: CardStatus[] = [];
    service.subscribe((s) => seen.push(s));
    service.start();
    try {
      for (let i = 0; i < 200 && service.current().state !== 'CARD_PRESENT'; i++)
        await new Promise((r) => setTimeout(r, 10));
      return service.current();
    } finally {
      await service.stop();
    }
  };

  it('the test CA configured → verified: true', async () => {
    expect(await present(trusted, [trusted.ca])).toMatchObject({
      state: 'CARD_PRESENT',
      identity: { hsaId: TEST_HSA_ID, verified: true },
    });
  });

  it('a card with a self-made chain → verified: false with the reason', async () => {
    const status = await present(selfMade, [trusted.ca]);
    expect(status).toMatchObject({ state: 'CARD_PRESENT', identity: { verified: false, reason: 'untrusted-issuer' } });
  });
});
