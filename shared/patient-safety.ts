import { ageAt } from './personnummer';

/**
 * The patient-safety checks a clinician must see when a visit opens (R-GU-*, R-PI-*), as pure
 * data: the banner renders these, tests assert them. Unknown facts give a notice that the check
 * could not be made, never a silent pass.
 */
export type SafetyLevel = 'danger' | 'warning' | 'info';

export interface SafetyAlert {
  ruleId: string;
  level: SafetyLevel;
  title: string;
  detail: string;
}

export interface SafetyCheck {
  /** Stable ID for the per-visit checked state. */
  id: string;
  ruleId: string;
  label: string;
}

export interface SafetyFacts {
  /** null: the page's personnummer is unknown. */
  identity: { kind: 'personnummer' | 'samordningsnummer' | 'interim'; birthDate: string | null } | null;
  /** A guardian booked the visit (an "ansvarig vårdnadshavare" is listed, R-GU-1); null = unknown. */
  guardianInitiated: boolean | null;
  /** The page shows a protection marker (R-PI-2); null = unknown. */
  protectionMarker: boolean | null;
  /** The date the age rules apply at: the visit's start. */
  at: Date;
}

export interface SafetyResult {
  alerts: SafetyAlert[];
  checks: SafetyCheck[];
  age: number | null;
}

const ADULT_AGE = 18;

export function evaluatePatientSafety(facts: SafetyFacts, routineUrl?: string): SafetyResult {
  const alerts: SafetyAlert[] = [];
  const checks: SafetyCheck[] = [
    { id: 'protected-identity-checked', ruleId: 'R-PI-1', label: 'Skyddad identitet kontrollerad i Cosmic' },
  ];

  if (facts.protectionMarker) {
    alerts.push({
      ruleId: 'R-PI-2',
      level: 'danger',
      title: 'Skyddade personuppgifter',
      detail: `Följ rutinen för patienter med skyddade personuppgifter. Lämna aldrig ut adress, telefonnummer, anhöriga, foto eller var patienten vårdas.${routineUrl ? ` Rutin: ${routineUrl}` : ''}`,
    });
  }

  const identity = facts.identity;
  const age = identity?.birthDate ? ageAt(identity.birthDate, facts.at) : null;
  if (!identity) {
    alerts.push({
      ruleId: 'R-ID-1',
      level: 'warning',
      title: 'Personnummer okänt',
      detail: 'Ålders- och vårdnadshavarreglerna kan inte kontrolleras. Kontrollera patientens identitet i Cosmic.',
    });
  } else if (identity.kind === 'samordningsnummer') {
    alerts.push({
      ruleId: 'R-ID-1',
      level: 'info',
      title: 'Samordningsnummer',
      detail:
        'Patienten har samordningsnummer. Sök i Cosmic med samordningsnumret; födelsedatumet kan vara ofullständigt.',
    });
  }
  if (identity && age === null) {
    alerts.push({
      ruleId: 'R-GU-4',
      level: 'warning',
      title: 'Ålder okänd',
      detail: 'Födelsedatumet är ofullständigt: kontrollera åldern innan barnreglerna tillämpas.',
    });
  }

  if (age !== null && age < 1) {
    alerts.push({
      ruleId: 'R-GU-4',
      level: 'danger',
      title: 'Barn under 1 år',
      detail: 'Barn under 1 år hanteras inte i 1177 direkt. Hänvisa enligt rutin.',
    });
  }
  if (age !== null && age >= 13 && age < ADULT_AGE && facts.guardianInitiated) {
    alerts.push({
      ruleId: 'R-GU-5',
      level: 'danger',
      title: `Patienten är ${age} år – besöket är bokat av en vårdnadshavare`,
      detail: 'Från 13 år måste patienten logga in själv; en vårdnadshavare kan inte söka vård för barnet.',
    });
  }
  if (facts.protectionMarker && facts.guardianInitiated) {
    alerts.push({
      ruleId: 'R-GU-3',
      level: 'danger',
      title: 'Vårdnadshavare och skyddad identitet',
      detail: 'En vårdnadshavare kan inte företräda ett barn med skyddad identitet.',
    });
  }
  if (age !== null && age < ADULT_AGE) {
    checks.push(
      { id: 'consent-history', ruleId: 'R-GU-6', label: 'Samtycke att dela sjukdomshistorik inhämtat' },
      { id: 'consent-medication', ruleId: 'R-GU-6', label: 'Samtycke att dela läkemedelslista inhämtat' },
    );
  }
  return { alerts, checks, age };
}
