import { describe, expect, it } from 'vitest';
import { underEachHostZone } from '../test/fixtures/host-zones';
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
const labels = (f: SafetyFacts) =>
  evaluatePatientSafety(f)
    .checks.filter((c) => c.ruleId === 'R-GU-6')
    .map((c) => c.label);

describe('evaluatePatientSafety', () => {
  it('R-PI-1: every visit has the "checked in Cosmic" step first; an adult has no alert', () => {
    expect(checkIds(facts({}))[0]).toBe('protected-identity-checked');
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
    // Unknown guardians are not a pass: a notice that they could not be checked (not the danger).
    const unknownGuardians = evaluatePatientSafety(facts({ identity: born13, guardianInitiated: null })).alerts;
    expect(unknownGuardians.map((a) => [a.ruleId, a.level, a.title])).toEqual([
      ['R-GU-5', 'warning', 'Vårdnadshavare kunde inte kontrolleras'],
    ]);
  });

  it('R-GU-6: children under 18 get both consent checks, worded for the guardian', () => {
    const child = facts({ identity: { kind: 'personnummer', birthDate: '2017-01-01' } });
    expect(checkIds(child)).toEqual(['protected-identity-checked', 'consent-history', 'consent-medication']);
    expect(labels(child)).toEqual([
      'Vårdnadshavarens samtycke att dela barnets sjukdomshistorik inhämtat',
      'Vårdnadshavarens samtycke att dela barnets läkemedelslista inhämtat',
    ]);
  });

  it("R-GU-6: adults (18 today) get both consent checks too, worded for the patient's own consent", () => {
    for (const adult of [facts({}), facts({ identity: { kind: 'personnummer', birthDate: '2006-06-03' } })]) {
      expect(checkIds(adult)).toEqual(['protected-identity-checked', 'consent-history', 'consent-medication']);
      expect(labels(adult)).toEqual([
        'Patientens samtycke att dela sin sjukdomshistorik kontrollerat',
        'Patientens samtycke att dela sin läkemedelslista kontrollerat',
      ]);
    }
  });

  it('R-GU-6: unknown age → the consent checks are still offered, worded for both cases', () => {
    for (const identity of [null, { kind: 'samordningsnummer' as const, birthDate: null }]) {
      const f = facts({ identity });
      expect(checkIds(f)).toEqual(['protected-identity-checked', 'consent-history', 'consent-medication']);
      expect(labels(f).every((l) => l.includes('för barn vårdnadshavarens'))).toBe(true);
    }
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

const teen = { kind: 'personnummer' as const, birthDate: '2009-01-01' }; // 15 at AT
const child = { kind: 'personnummer' as const, birthDate: '2017-01-01' }; // 7 at AT
const alertsOf = (f: SafetyFacts) => evaluatePatientSafety(f).alerts;

describe('evaluatePatientSafety: guardian facts that cannot be read (R-GU-5, R-GU-3)', () => {
  it('R-GU-5: a 13–17-year-old whose guardians cannot be read → "Vårdnadshavare kunde inte kontrolleras", not a pass', () => {
    const alerts = alertsOf(facts({ identity: teen, guardianInitiated: null }));
    expect(alerts).toEqual([
      expect.objectContaining({ ruleId: 'R-GU-5', level: 'warning', title: 'Vårdnadshavare kunde inte kontrolleras' }),
    ]);
    expect(alerts[0]!.detail).toMatch(/15 år.*logga|loggat in/);
  });

  it('R-GU-3: a younger child whose guardians cannot be read → the same notice, citing protected identity', () => {
    const alerts = alertsOf(facts({ identity: child, guardianInitiated: null }));
    expect(alerts).toEqual([
      expect.objectContaining({ ruleId: 'R-GU-3', level: 'warning', title: 'Vårdnadshavare kunde inte kontrolleras' }),
    ]);
    expect(alerts[0]!.detail).toMatch(/skyddad identitet/);
  });

  it('R-GU-3: unreadable guardians for a child with a protection marker is a danger', () => {
    const alerts = alertsOf(facts({ identity: child, guardianInitiated: null, protectionMarker: true }));
    expect(alerts.find((a) => a.title === 'Vårdnadshavare kunde inte kontrolleras')?.level).toBe('danger');
  });

  it('R-GU-5: adults and known guardian facts give no such notice', () => {
    expect(ruleIds(facts({ guardianInitiated: null }))).toEqual([]);
    expect(ruleIds(facts({ identity: teen, guardianInitiated: false }))).toEqual([]);
  });
});

describe('evaluatePatientSafety: a guardian with protected identity (R-GU-3)', () => {
  it('R-GU-3: a guardian who booked and shows a protection marker → danger', () => {
    const alerts = alertsOf(facts({ identity: child, guardianInitiated: true, guardianProtectionMarker: true }));
    expect(alerts).toContainEqual(
      expect.objectContaining({ ruleId: 'R-GU-3', level: 'danger', title: 'Vårdnadshavare med skyddad identitet' }),
    );
  });

  it("R-GU-3: a guardian booked and the guardians' markers cannot be read → says it could not be checked", () => {
    for (const guardianProtectionMarker of [null, undefined]) {
      const alerts = alertsOf(facts({ identity: child, guardianInitiated: true, guardianProtectionMarker }));
      expect(alerts).toEqual([
        expect.objectContaining({
          ruleId: 'R-GU-3',
          level: 'warning',
          title: 'Vårdnadshavarens skyddade identitet kunde inte kontrolleras',
        }),
      ]);
    }
  });

  it('R-GU-3: no marker seen on the guardians → no guardian alert', () => {
    expect(alertsOf(facts({ identity: child, guardianInitiated: true, guardianProtectionMarker: false }))).toEqual([]);
  });
});

describe('evaluatePatientSafety: ages on the Swedish calendar day, under any host zone (R-GU-4, R-GU-5)', () => {
  it('R-GU-5: 13 from 00:00 Swedish time on the birthday, whatever the host zone', () => {
    const born = { kind: 'personnummer' as const, birthDate: '2011-06-03' };
    underEachHostZone(() => {
      const at = new Date('2024-06-03T00:30:00+02:00');
      expect(ruleIds(facts({ identity: born, guardianInitiated: true, guardianProtectionMarker: false, at }))).toEqual([
        'R-GU-5',
      ]);
      expect(evaluatePatientSafety(facts({ identity: born, at })).age).toBe(13);
    });
  });

  it('R-GU-4: under 1 until 00:00 Swedish time on the first birthday, whatever the host zone', () => {
    const born = { kind: 'personnummer' as const, birthDate: '2023-06-03' };
    underEachHostZone(() => {
      expect(ruleIds(facts({ identity: born, at: new Date('2024-06-02T23:59:00+02:00') }))).toContain('R-GU-4');
      expect(ruleIds(facts({ identity: born, at: new Date('2024-06-03T00:01:00+02:00') }))).not.toContain('R-GU-4');
    });
  });
});

describe('evaluatePatientSafety: never "not protected" (R-PI-1, R-PI-2)', () => {
  it('R-PI-2: no alert or check text, in any combination of facts, says a patient or guardian is not protected', () => {
    const NOT_PROTECTED = /(inte|ej|ingen|utan) skydd|oskydd|not protected/i;
    let texts = 0;
    for (const identity of [null, teen, child, { kind: 'personnummer' as const, birthDate: '1990-01-01' }])
      for (const guardianInitiated of [true, false, null])
        for (const protectionMarker of [true, false, null])
          for (const guardianProtectionMarker of [true, false, null]) {
            const r = evaluatePatientSafety(
              facts({ identity, guardianInitiated, protectionMarker, guardianProtectionMarker }),
            );
            for (const t of [...r.alerts.flatMap((a) => [a.title, a.detail]), ...r.checks.map((c) => c.label)]) {
              texts++;
              expect(t).not.toMatch(NOT_PROTECTED);
            }
          }
    expect(texts).toBeGreaterThan(400);
  });
});
