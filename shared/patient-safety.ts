import {
  findPatientSafety,
  type SafetyCheckFinding,
  type SafetyFacts,
  type SafetyFinding,
} from './patient-safety-findings';

export type { SafetyAlertId, SafetyFacts, SafetyLevel } from './patient-safety-findings';

/**
 * The patient-safety checks a clinician must see when a visit opens (R-GU-*, R-PI-*), as pure
 * data with their Swedish words: what patient-safety-findings.ts finds, worded as the rules and
 * the manual say it (the extension's Swedish messages are kept equal to these:
 * test/unit/safety-words.test.ts). Unknown facts give a notice that the check could not be made,
 * never a silent pass. No text here ever says a patient or guardian is "not protected" (Cosmic is
 * the source, R-PI-1).
 */
export interface SafetyAlert extends SafetyFinding {
  title: string;
  detail: string;
}

export interface SafetyCheck extends SafetyCheckFinding {
  label: string;
}

export interface SafetyResult {
  alerts: SafetyAlert[];
  checks: SafetyCheck[];
  age: number | null;
}

export function evaluatePatientSafety(facts: SafetyFacts, routineUrl?: string): SafetyResult {
  const found = findPatientSafety(facts, routineUrl);
  return {
    alerts: found.alerts.map((alert) => ({ ...alert, ...swedishWords(alert) })),
    checks: found.checks.map((check) => ({ ...check, label: swedishLabel(check) })),
    age: found.age,
  };
}

function swedishWords(alert: SafetyFinding): { title: string; detail: string } {
  const age = alert.age;
  switch (alert.id) {
    case 'protected-identity':
      return {
        title: 'Skyddade personuppgifter',
        detail: `Följ rutinen för patienter med skyddade personuppgifter. Lämna aldrig ut adress, telefonnummer, anhöriga, foto eller var patienten vårdas.${alert.routineUrl ? ` Rutin: ${alert.routineUrl}` : ''}`,
      };
    case 'id-unknown':
      return {
        title: 'Personnummer okänt',
        detail: 'Ålders- och vårdnadshavarreglerna kan inte kontrolleras. Kontrollera patientens identitet i Cosmic.',
      };
    case 'coordination-number':
      return {
        title: 'Samordningsnummer',
        detail:
          'Patienten har samordningsnummer. Sök i Cosmic med samordningsnumret; födelsedatumet kan vara ofullständigt.',
      };
    case 'age-unknown':
      return {
        title: 'Ålder okänd',
        detail: 'Födelsedatumet är ofullständigt: kontrollera åldern innan barnreglerna tillämpas.',
      };
    case 'infant':
      return {
        title: 'Barn under 1 år',
        detail: 'Barn under 1 år hanteras inte i 1177 direkt. Hänvisa enligt rutin.',
      };
    case 'teen-booked-by-guardian':
      return {
        title: `Patienten är ${age} år – besöket är bokat av en vårdnadshavare`,
        detail: 'Från 13 år måste patienten logga in själv; en vårdnadshavare kan inte söka vård för barnet.',
      };
    case 'guardian-unread-teen':
      return {
        title: 'Vårdnadshavare kunde inte kontrolleras',
        detail: `Uppgiften om vårdnadshavare kunde inte läsas. Patienten är ${age} år: kontrollera att hen själv har loggat in – en vårdnadshavare kan inte söka vård för barn från 13 år.`,
      };
    case 'guardian-unread-child':
      return {
        title: 'Vårdnadshavare kunde inte kontrolleras',
        detail:
          'Uppgiften om vårdnadshavare kunde inte läsas. Kontrollera i Cosmic vem som företräder barnet: en vårdnadshavare kan inte företräda ett barn med skyddad identitet, och en vårdnadshavare med skyddad identitet kan inte företräda sitt barn.',
      };
    case 'guardian-and-protected-child':
      return {
        title: 'Vårdnadshavare och skyddad identitet',
        detail: 'En vårdnadshavare kan inte företräda ett barn med skyddad identitet.',
      };
    case 'protected-guardian':
      return {
        title: 'Vårdnadshavare med skyddad identitet',
        detail:
          'En vårdnadshavare med skyddad identitet kan inte företräda sitt barn. Följ rutinen för skyddade personuppgifter.',
      };
    case 'guardian-protection-unread':
      return {
        title: 'Vårdnadshavarens skyddade identitet kunde inte kontrolleras',
        detail: 'Kontrollera i Cosmic: en vårdnadshavare med skyddad identitet kan inte företräda sitt barn.',
      };
  }
}

/** R-GU-6: a child's consent from the guardian, an adult's own, or said generally when the age is unknown. */
const CONSENT_LABELS: Record<NonNullable<SafetyCheckFinding['whose']>, [history: string, medication: string]> = {
  unknown: [
    'Samtycke att dela sjukdomshistorik kontrollerat (patientens, för barn vårdnadshavarens)',
    'Samtycke att dela läkemedelslista kontrollerat (patientens, för barn vårdnadshavarens)',
  ],
  child: [
    'Vårdnadshavarens samtycke att dela barnets sjukdomshistorik inhämtat',
    'Vårdnadshavarens samtycke att dela barnets läkemedelslista inhämtat',
  ],
  adult: [
    'Patientens samtycke att dela sin sjukdomshistorik kontrollerat',
    'Patientens samtycke att dela sin läkemedelslista kontrollerat',
  ],
};

function swedishLabel(check: SafetyCheckFinding): string {
  if (check.id === 'protected-identity-checked') return 'Skyddad identitet kontrollerad i Cosmic';
  return CONSENT_LABELS[check.whose ?? 'unknown'][check.id === 'consent-history' ? 0 : 1];
}
