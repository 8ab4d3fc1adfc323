import { describe, expect, it } from 'vitest';
import { evaluatePatientSafety, type SafetyFacts } from './patient-safety';

const AT = new Date('2024-06-03T09:00:00+02:00');
const facts = (over: Partial<SafetyFacts>): SafetyFacts => ({
  identity: { kind: 'personnummer', birthDate: '1990-01-01' },
  guardianInitiated: false,
  protectionMarker: false,
  at: AT,
  ...over,
});
const ruleIds = (f: SafetyFacts) => evaluatePatientSafety(f).alerts.map((a) => a.ruleId);
const checkIds = (f: SafetyFacts) => evaluatePatientSafety(f).checks.map((c) => c.id);

describe('evaluatePatientSafety', () => {
  it('R-PI-1: every visit has the "checked in Cosmic" step, an adult nothing else', () => {
    expect(checkIds(facts({}))).toEqual(['protected-identity-checked']);
    expect(ruleIds(facts({}))).toEqual([]);
  });

  it('R-GU-4: under 1 year (5 months) is danger; exactly 1 year is not', () => {
    expect(ruleIds(facts({ identity: { kind: 'personnummer', birthDate: '2023-12-31' } }))).toContain('R-GU-4');
    const oneYear = facts({ identity: { kind: 'personnummer', birthDate: '2023-06-03' } });
    expect(ruleIds(oneYear)).not.toContain('R-GU-4');
    expect(evaluatePatientSafety(oneYear).age).toBe(1);
  });

  it('R-GU-5: 13 or older with a guardian-initiated visit; 12 is fine; 13 self-initiated is fine', () => {
    const born13 = { kind: 'personnummer' as const, birthDate: '2011-06-03' };
    const born12 = { kind: 'personnummer' as const, birthDate: '2011-06-04' };
    expect(ruleIds(facts({ identity: born13, guardianInitiated: true }))).toContain('R-GU-5');
    expect(ruleIds(facts({ identity: born12, guardianInitiated: true }))).not.toContain('R-GU-5');
    expect(ruleIds(facts({ identity: born13, guardianInitiated: false }))).not.toContain('R-GU-5');
    expect(ruleIds(facts({ identity: born13, guardianInitiated: null }))).not.toContain('R-GU-5');
  });

  it('R-GU-6: children under 18 get both consent checks; 18-year-olds do not', () => {
    const child = facts({ identity: { kind: 'personnummer', birthDate: '2017-01-01' } });
    expect(checkIds(child)).toEqual(['protected-identity-checked', 'consent-history', 'consent-medication']);
    const adult = facts({ identity: { kind: 'personnummer', birthDate: '2006-06-03' } });
    expect(checkIds(adult)).toEqual(['protected-identity-checked']);
  });

  it('R-PI-2: a protection marker is a danger alert naming the routine; R-GU-3 when a guardian booked', () => {
    const result = evaluatePatientSafety(facts({ protectionMarker: true }), 'https://rutin.example/skyddad');
    expect(result.alerts[0]).toMatchObject({ ruleId: 'R-PI-2', level: 'danger' });
    expect(result.alerts[0]!.detail).toContain('https://rutin.example/skyddad');
    expect(ruleIds(facts({ protectionMarker: true, guardianInitiated: true }))).toContain('R-GU-3');
    expect(ruleIds(facts({ protectionMarker: false, guardianInitiated: true }))).not.toContain('R-GU-3');
  });

  it('unknown identity: says the age rules cannot be checked, never passes silently', () => {
    const result = evaluatePatientSafety(facts({ identity: null }));
    expect(result.alerts).toEqual([expect.objectContaining({ title: 'Personnummer okänt', level: 'warning' })]);
    expect(result.age).toBeNull();
  });

  it('samordningsnummer: info notice; with an incomplete birth date also "Ålder okänd"', () => {
    expect(
      evaluatePatientSafety(facts({ identity: { kind: 'samordningsnummer', birthDate: '1990-01-19' } })).alerts,
    ).toEqual([expect.objectContaining({ title: 'Samordningsnummer', level: 'info' })]);
    const titles = evaluatePatientSafety(
      facts({ identity: { kind: 'samordningsnummer', birthDate: null } }),
    ).alerts.map((a) => a.title);
    expect(titles).toEqual(['Samordningsnummer', 'Ålder okänd']);
  });
});
