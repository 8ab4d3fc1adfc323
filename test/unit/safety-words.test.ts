import { describe, expect, it } from 'vitest';
import { alertWords, checkLabel } from '../../extension/lib/safety-words';
import { evaluatePatientSafety, type SafetyAlertId, type SafetyFacts } from '../../shared/patient-safety';
import { localeMessages } from '../fixtures/words';

/**
 * Issue 14: the patient-safety alerts and checks (R-PI-*, R-GU-*, R-ID-1) are worded by the
 * extension in the browser's language. In Swedish they must say exactly what shared/ decides,
 * for every alert and check the rules can give.
 */
const AT = new Date('2024-06-03T10:00:00+02:00');
const birthDate = (years: number) => `${2024 - years}-01-15`;

function* everyFacts(): Generator<[SafetyFacts, string | undefined]> {
  const identities: SafetyFacts['identity'][] = [
    null,
    { kind: 'personnummer', birthDate: null },
    { kind: 'samordningsnummer', birthDate: null },
    ...[0, 5, 12, 13, 15, 17, 18, 40].flatMap((age) => [
      { kind: 'personnummer' as const, birthDate: birthDate(age) },
      { kind: 'samordningsnummer' as const, birthDate: birthDate(age) },
    ]),
  ];
  const maybe = [true, false, null];
  for (const identity of identities)
    for (const guardianInitiated of maybe)
      for (const protectionMarker of maybe)
        for (const guardianProtectionMarker of maybe)
          for (const routineUrl of [undefined, 'https://rutin.example/skyddad'])
            yield [{ identity, guardianInitiated, protectionMarker, guardianProtectionMarker, at: AT }, routineUrl];
}

describe('the patient-safety words', () => {
  it('say in Swedish exactly what shared/ decides, for every alert and check over every kind of fact', () => {
    const seen = new Set<SafetyAlertId>();
    for (const [facts, routineUrl] of everyFacts()) {
      const result = evaluatePatientSafety(facts, routineUrl);
      for (const alert of result.alerts) {
        seen.add(alert.id);
        expect(alertWords(alert), alert.id).toEqual({ title: alert.title, detail: alert.detail });
      }
      for (const check of result.checks) expect(checkLabel(check), check.id).toBe(check.label);
    }
    expect(seen.size).toBe(11);
  });

  it('never say a patient or guardian is "not protected", in either language (R-PI-1: Cosmic is the source)', () => {
    for (const locale of ['sv', 'en']) {
      const messages = localeMessages(locale);
      const safety = Object.entries(messages).filter(([key]) => key.startsWith('safety_'));
      expect(safety.length).toBeGreaterThan(25);
      for (const [key, { message }] of safety)
        expect(message, `${locale}.${key}`).not.toMatch(/inte skyddad|ej skyddad|oskyddad|not protected|unprotected/i);
    }
  });
});
