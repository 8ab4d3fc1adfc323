import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATIENTS } from '../../test/fixtures/patients';
import { defaultRuleSet } from '../rules/default';
import { ruleSetDigest } from '../rules/digest';
import { SUPPORT_CHAIN, supportInfo, supportUrl } from './support-info';

const pins: string[] = JSON.parse(readFileSync('/work/shared/data/testpersonnummer/allPins.json', 'utf8'));
const coords: string[] = JSON.parse(readFileSync('/work/shared/data/testpersonnummer/allCoords.json', 'utf8'));
const patients = Object.values(PATIENTS);
const digest = ruleSetDigest(defaultRuleSet);
const info = (url: string) =>
  supportInfo({
    url,
    extensionVersion: '0.2.0',
    bridge: 'ok, kort: CARD_PRESENT',
    bridgeVersion: '0.3.1',
    ruleSet: {
      name: defaultRuleSet.meta.name,
      version: defaultRuleSet.meta.version,
      digest,
    },
    fields: [{ name: 'personnummer', health: 'hittades' }],
    features: [
      { id: 'page-health', state: 'running', detail: 'sidan läses' },
      { id: 'ticket-guard', state: 'failed' },
      { id: 'journal-panel', state: 'off' },
      { id: 'copy-patient-id', state: 'not-applicable' },
    ],
    at: new Date('2024-06-03T07:00:00Z'),
  });

describe('R-SUP-1: Kopiera supportinfo', () => {
  it('R-SUP-1: the URL keeps its route words and drops the query, fragment and every identifying part', () => {
    expect(supportUrl('http://127.0.0.1:4000/besok/c-8f3a2?pnr=199001012385#x')).toBe('http://127.0.0.1:4000/besok/…');
    expect(supportUrl('https://clinic.example/drop-in/mottagna')).toBe('https://clinic.example/drop-in/mottagna');
    expect(supportUrl('https://clinic.example/patient/19900101-2385/Anna%20Andersson')).toBe(
      'https://clinic.example/patient/…/…',
    );
    expect(supportUrl('inte en adress')).toBe('okänd');
  });

  it('R-SUP-1: versions, the rule set and its digest, field health and the support chain, superanvändare first', () => {
    const text = info('http://127.0.0.1:4000/besok/abc123');
    expect(text).toContain('Sida: http://127.0.0.1:4000/besok/…');
    expect(text).toContain('Tillägg: version 0.2.0');
    expect(text).toContain('Brygga: ok, kort: CARD_PRESENT, version 0.3.1');
    expect(text).toContain(ruleSetDigest(defaultRuleSet));
    expect(text).toContain('personnummer: hittades');
    expect(text.indexOf(SUPPORT_CHAIN[0]!)).toBeGreaterThan(0);
    expect(text.indexOf('Superanvändare')).toBeLessThan(text.indexOf('Resurscentrum'));
  });

  it('R-SUP-1: every feature with its state: running, failed, off, not applicable here', () => {
    const text = info('http://127.0.0.1:4000/drop-in');
    expect(text).toContain('Funktioner:\n  page-health: körs (sidan läses)\n  ticket-guard: FEL – stoppad');
    expect(text).toContain('  journal-panel: av\n  copy-patient-id: gäller inte den här sidan\n');
  });

  it(`R-SUP-1: no patient data — every test number (${pins.length + coords.length}) and every test name in the URL is gone`, () => {
    let checked = 0;
    const leaked: string[] = [];
    for (const pnr of [...pins, ...coords]) {
      const short = `${pnr.slice(2, 8)}-${pnr.slice(8)}`;
      const text = info(`https://clinic.example/besok/${pnr}/${short}?personnummer=${pnr}#${short}`);
      if (text.includes(pnr) || text.includes(short) || text.includes(pnr.slice(2))) leaked.push(pnr);
      checked++;
    }
    expect(leaked).toEqual([]);
    for (const p of patients) {
      const text = info(
        `https://clinic.example/besok/${encodeURIComponent(p.name)}?namn=${encodeURIComponent(p.name)}`,
      );
      for (const part of p.name.split(' ')) expect(text.toLowerCase()).not.toContain(part.toLowerCase());
      checked++;
    }
    expect(checked).toBe(pins.length + coords.length + patients.length);
  });
});
