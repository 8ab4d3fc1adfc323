import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, hmacSha256Hex, randomHex, sha256Hex, toHex } from './web-crypto';

describe('web-crypto helpers', () => {
  it('hex round-trips and refuses what is not lower-case whole bytes', () => {
    const bytes = new Uint8Array([0, 1, 15, 16, 255]);
    expect(toHex(bytes)).toBe('00010f10ff');
    expect(fromHex('00010f10ff')).toEqual(bytes);
    for (const bad of ['0', 'zz', 'ABCD']) expect(fromHex(bad)).toBeNull();
  });

  it('SHA-256 and HMAC-SHA-256 agree with node:crypto', async () => {
    expect(await sha256Hex('199001012385')).toBe(createHash('sha256').update('199001012385').digest('hex'));
    const key = fromHex(randomHex(32))!;
    expect(await hmacSha256Hex(key, '199001012385')).toBe(
      createHmac('sha256', key).update('199001012385').digest('hex'),
    );
  });

  it('random hex has the asked length and differs between calls', () => {
    expect(randomHex(32)).toMatch(/^[0-9a-f]{64}$/);
    expect(randomHex(16)).not.toBe(randomHex(16));
  });
});
