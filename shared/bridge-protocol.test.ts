import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PATIENTS } from '../test/fixtures/patients';
import {
  type CardStatus,
  computeHealthProof,
  createCardEventParser,
  createHealthChallenge,
  isHsaId,
  isValidPersonnummer,
  JournalPdfRequest,
  verifyHealthProof,
} from './bridge-protocol';

describe('bridge protocol', () => {
  it('health proof: Web Crypto HMAC equals Node HMAC; wrong token, challenge or junk fail', async () => {
    const token = 'a-token-of-at-least-22-chars';
    const challenge = createHealthChallenge();
    expect(challenge).toMatch(/^[0-9a-f]{64}$/);
    const proof = createHmac('sha256', token).update(challenge).digest('hex');
    expect(await computeHealthProof(token, challenge)).toBe(proof);
    expect(await verifyHealthProof(token, challenge, proof)).toBe(true);
    expect(await verifyHealthProof(`${token}x`, challenge, proof)).toBe(false);
    expect(await verifyHealthProof(token, `${challenge.slice(1)}0`, proof)).toBe(false);
    for (const junk of [undefined, null, 42, '', 'zz', proof.toUpperCase(), proof.slice(2), `${proof}00`]) {
      expect(await verifyHealthProof(token, challenge, junk)).toBe(false);
    }
  });

  it('personnummer: Skatteverket test numbers pass, wrong check digit / date / serial 000 fail', () => {
    for (const p of Object.values(PATIENTS)) {
      expect(isValidPersonnummer(p.personnummer), p.personnummer).toBe(true);
      expect(isValidPersonnummer(p.personnummer.replace('-', ''))).toBe(true);
    }
    for (const bad of ['19900101-2386', '19901301-2385', '900101-2385', '19900101-0002', '1990010123851', 'x']) {
      expect(isValidPersonnummer(bad), bad).toBe(false);
    }
  });

  it('HSA-id: real and test forms', () => {
    expect(isHsaId('SE2321000016-abc1')).toBe(true);
    expect(isHsaId('TSTNMT2321000156-1019')).toBe(true);
    expect(isHsaId('SE232100001-abc')).toBe(false);
    expect(isHsaId('SE2321000016-')).toBe(false);
    expect(isHsaId(`SE2321000016-${'a'.repeat(30)}`)).toBe(false);
  });

  it('journal request schema: extra fields (images) are dropped, not kept', () => {
    const parsed = JournalPdfRequest.parse({
      note: {
        kontaktsatt: 'video',
        vardkontakt: 'Videokontakt',
        vardtjanst: { required: true, allowed: ['1177 direkt Nytt hälsotillstånd'] },
        violations: [{ ruleId: 'R-J-4', message: 'Välj vårdtjänst' }],
        sections: [],
        text: '',
        images: ['data:image/png;base64,AAAA'],
      },
      patient: { personnummer: '199001012385', name: 'Anna Testsson', protectedIdentity: false },
      unit: 'Testviken hälsocentral',
      visitStartedAt: '2024-06-03T07:00:00Z',
      chosenVardtjanst: '1177 direkt Nytt hälsotillstånd',
    });
    expect('images' in parsed.note).toBe(false);
  });

  it('SSE parser: events split across chunks, CRLF, comments and junk', () => {
    const got: CardStatus[] = [];
    const feed = createCardEventParser((s) => got.push(s));
    const a = JSON.stringify({ state: 'NO_CARD', readers: ['R'], since: '2024-06-03T07:00:00.000Z' });
    const b = JSON.stringify({ state: 'NO_READERS', since: '2024-06-03T07:00:01.000Z' });
    const stream = `: keep-alive\n\nevent: card\ndata: ${a}\n\nevent: card\r\ndata: {broken\r\n\r\nevent: other\ndata: ${b}\n\nevent: card\ndata: ${b}\n\n`;
    for (let i = 0; i < stream.length; i += 7) feed(stream.slice(i, i + 7));
    expect(got.map((s) => s.state)).toEqual(['NO_CARD', 'NO_READERS']);
  });
});
