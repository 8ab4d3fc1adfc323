import type { SafetyAlertId, SafetyCheckFinding, SafetyFinding } from '../../shared/patient-safety-findings';
import { type MessageKey, t } from './i18n';

/**
 * The patient-safety alerts and checks (R-PI-*, R-GU-*, R-ID-1) in the browser's language: shared/
 * decides which alert applies (and says it in Swedish); the extension words it by its ID. The
 * Swedish messages are shared/'s words exactly (safety-words.test.ts keeps them in step).
 */
const ALERT_KEYS: Record<Exclude<SafetyAlertId, 'protected-identity'>, [MessageKey, MessageKey]> = {
  'id-unknown': ['safety_idUnknownTitle', 'safety_idUnknownDetail'],
  'coordination-number': ['safety_coordinationTitle', 'safety_coordinationDetail'],
  'age-unknown': ['safety_ageUnknownTitle', 'safety_ageUnknownDetail'],
  infant: ['safety_infantTitle', 'safety_infantDetail'],
  'teen-booked-by-guardian': ['safety_teenBookedTitle', 'safety_teenBookedDetail'],
  'guardian-unread-teen': ['safety_guardianUnreadTitle', 'safety_guardianUnreadTeenDetail'],
  'guardian-unread-child': ['safety_guardianUnreadTitle', 'safety_guardianUnreadChildDetail'],
  'guardian-and-protected-child': ['safety_guardianProtectedChildTitle', 'safety_guardianProtectedChildDetail'],
  'protected-guardian': ['safety_protectedGuardianTitle', 'safety_protectedGuardianDetail'],
  'guardian-protection-unread': ['safety_guardianProtectionUnreadTitle', 'safety_guardianProtectionUnreadDetail'],
};

export function alertWords(alert: SafetyFinding): { title: string; detail: string } {
  if (alert.id === 'protected-identity')
    return {
      title: t('safety_protectedTitle'),
      detail: alert.routineUrl ? t('safety_protectedDetailRoutine', alert.routineUrl) : t('safety_protectedDetail'),
    };
  const [title, detail] = ALERT_KEYS[alert.id];
  const age = String(alert.age ?? '');
  return { title: t(title, age), detail: t(detail, age) };
}

const CONSENT_KEYS: Record<'history' | 'medication', Record<NonNullable<SafetyCheckFinding['whose']>, MessageKey>> = {
  history: {
    unknown: 'safety_checkHistoryUnknown',
    child: 'safety_checkHistoryChild',
    adult: 'safety_checkHistoryAdult',
  },
  medication: {
    unknown: 'safety_checkMedicationUnknown',
    child: 'safety_checkMedicationChild',
    adult: 'safety_checkMedicationAdult',
  },
};

export function checkLabel(check: SafetyCheckFinding): string {
  if (check.id === 'protected-identity-checked') return t('safety_checkProtected');
  const what = check.id === 'consent-history' ? 'history' : 'medication';
  return t(CONSENT_KEYS[what][check.whose ?? 'unknown']);
}
