import { ageAt } from './personnummer';

/**
 * The patient-safety checks a clinician must see when a visit opens (R-GU-*, R-PI-*), as pure
 * data without words: the content script words them by ID in the browser's language, and
 * patient-safety.ts (evaluatePatientSafety) adds the Swedish. Apart so that the content script
 * does not carry the Swedish sentences (issue 14's 40 KB). Unknown facts give a notice that the check
 * could not be made, never a silent pass. A protection marker that is not seen means only that:
 * no text here ever says a patient or guardian is "not protected" (Cosmic is the source, R-PI-1).
 */
export type SafetyLevel = 'danger' | 'warning' | 'info';

/** Which alert: the extension words it by this (in the browser's language). */
export type SafetyAlertId =
  | 'protected-identity'
  | 'id-unknown'
  | 'coordination-number'
  | 'age-unknown'
  | 'infant'
  | 'teen-booked-by-guardian'
  | 'guardian-unread-teen'
  | 'guardian-unread-child'
  | 'guardian-and-protected-child'
  | 'protected-guardian'
  | 'guardian-protection-unread';

export interface SafetyFinding {
  id: SafetyAlertId;
  /** What the words say besides the rule: the patient's age, the routine's address. */
  age?: number;
  routineUrl?: string;
  ruleId: string;
  level: SafetyLevel;
}

export interface SafetyCheckFinding {
  /** Stable ID for the per-visit checked state. */
  id: 'protected-identity-checked' | 'consent-history' | 'consent-medication';
  /** Whose consent (R-GU-6): a child's from the guardian, an adult's own, or said generally. */
  whose?: 'child' | 'adult' | 'unknown';
  ruleId: string;
}

export interface SafetyFacts {
  /** null: the page's personnummer is unknown. */
  identity: { kind: 'personnummer' | 'samordningsnummer' | 'interim'; birthDate: string | null } | null;
  /** A guardian booked the visit (an "ansvarig vårdnadshavare" is listed, R-GU-1); null = unknown. */
  guardianInitiated: boolean | null;
  /** The page shows a protection marker (R-PI-2); false = none seen (never "not protected"); null = unknown. */
  protectionMarker: boolean | null;
  /**
   * A listed guardian shows a protection marker (R-GU-3); false = none seen on any listed
   * guardian; null or absent = unknown (the console's guardian list, or their markers, unread).
   */
  guardianProtectionMarker?: boolean | null;
  /** The instant the age rules apply at (the visit's start), on the Swedish calendar. */
  at: Date;
}

export interface SafetyFindings {
  alerts: SafetyFinding[];
  checks: SafetyCheckFinding[];
  age: number | null;
}

const ADULT_AGE = 18;

export function findPatientSafety(facts: SafetyFacts, routineUrl?: string): SafetyFindings {
  const alerts: SafetyFinding[] = [];
  const checks: SafetyCheckFinding[] = [{ id: 'protected-identity-checked', ruleId: 'R-PI-1' }];

  if (facts.protectionMarker) {
    alerts.push({
      id: 'protected-identity',
      ...(routineUrl ? { routineUrl } : {}),
      ruleId: 'R-PI-2',
      level: 'danger',
    });
  }

  const identity = facts.identity;
  const age = identity?.birthDate ? ageAt(identity.birthDate, facts.at) : null;
  if (!identity) {
    alerts.push({
      id: 'id-unknown',
      ruleId: 'R-ID-1',
      level: 'warning',
    });
  } else if (identity.kind === 'samordningsnummer') {
    alerts.push({
      id: 'coordination-number',
      ruleId: 'R-ID-1',
      level: 'info',
    });
  }
  if (identity && age === null) {
    alerts.push({
      id: 'age-unknown',
      ruleId: 'R-GU-4',
      level: 'warning',
    });
  }

  if (age !== null && age < 1) {
    alerts.push({
      id: 'infant',
      ruleId: 'R-GU-4',
      level: 'danger',
    });
  }
  alerts.push(...guardianAlerts(facts, age));
  checks.push(...consentChecks(age));
  return { alerts, checks, age };
}

/**
 * R-GU-5 (13 or older must log in themselves) and R-GU-3 (protected identity, the child's or a
 * guardian's): from the guardians the console lists. A child's guardian facts that cannot be read
 * give a notice that they could not be checked, never a pass.
 */
function guardianAlerts(facts: SafetyFacts, age: number | null): SafetyFinding[] {
  const alerts: SafetyFinding[] = [];
  const booked = facts.guardianInitiated;
  const child = age !== null && age < ADULT_AGE;
  const teen = age !== null && age >= 13 && age < ADULT_AGE;
  if (teen && booked) {
    alerts.push({
      id: 'teen-booked-by-guardian',
      age: age!,
      ruleId: 'R-GU-5',
      level: 'danger',
    });
  }
  if (child && booked === null) {
    alerts.push({
      ...(teen ? { id: 'guardian-unread-teen' as const, age: age! } : { id: 'guardian-unread-child' as const }),
      ruleId: teen ? 'R-GU-5' : 'R-GU-3',
      level: facts.protectionMarker ? 'danger' : 'warning',
    });
  }
  if (facts.protectionMarker && booked) {
    alerts.push({
      id: 'guardian-and-protected-child',
      ruleId: 'R-GU-3',
      level: 'danger',
    });
  }
  // A guardian acts only for a child: nothing more for a known adult (an unknown age may be a child).
  const guardianMarker = facts.guardianProtectionMarker ?? null;
  if (age !== null && !child) return alerts;
  if (booked && guardianMarker === true) {
    alerts.push({
      id: 'protected-guardian',
      ruleId: 'R-GU-3',
      level: 'danger',
    });
  } else if (booked && guardianMarker === null) {
    alerts.push({
      id: 'guardian-protection-unread',
      ruleId: 'R-GU-3',
      level: 'warning',
    });
  }
  return alerts;
}

/**
 * R-GU-6: consent to share medical history and medication list, for every patient: a child's
 * from the guardian, an adult's own; worded generally when the age is unknown. Stable IDs: the
 * per-visit checked state is kept by them.
 */
function consentChecks(age: number | null): SafetyCheckFinding[] {
  const whose = age === null ? 'unknown' : age < ADULT_AGE ? 'child' : 'adult';
  return [
    { id: 'consent-history', whose, ruleId: 'R-GU-6' },
    { id: 'consent-medication', whose, ruleId: 'R-GU-6' },
  ];
}
