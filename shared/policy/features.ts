/**
 * The features IT can switch on, off and lock by policy: one entry per file in
 * `extension/features/` (the id is the file name; test/unit/policy-features.test.ts keeps this list
 * and the folder in step). Kept here, not imported from the extension, so the policy templates
 * and the pure policy logic build without Preact or a browser.
 */
export interface PolicyFeature {
  id: string;
  /** Swedish, as the options page names the switch. */
  title: string;
  /** English, for the en-US policy templates. */
  titleEn: string;
  /** The work rules (RULES.md IDs) the feature enforces, as its file cites them. */
  rules: readonly string[];
}

export const POLICY_FEATURES = [
  {
    id: 'same-patient-guard',
    title: 'Varna när Cosmic kan visa en annan patient',
    titleEn: 'Warn when Cosmic may show another patient',
    rules: ['R-ID-2'],
  },
  {
    id: 'patient-safety-banner',
    title: 'Patientsäkerhet: barn, vårdnadshavare, samordningsnummer och skyddad identitet',
    titleEn: 'Patient safety: children, guardians, coordination numbers and protected identity',
    rules: ['R-GU-3', 'R-GU-4', 'R-GU-5', 'R-GU-6', 'R-PI-1', 'R-PI-2'],
  },
  {
    id: 'copy-patient-id',
    title: 'Kopiera patientens personnummer till Cosmic',
    titleEn: "Copy the patient's personal identity number to Cosmic",
    rules: ['R-ID-1'],
  },
  {
    id: 'journal-panel',
    title: 'Journalanteckning för Cosmic (Distanskontakt 1177 direkt) i sidopanelen',
    titleEn: 'Journal note for Cosmic (Distanskontakt 1177 direkt) in the side panel',
    rules: ['R-J-2', 'R-J-3', 'R-J-4', 'R-J-5', 'R-J-6', 'R-J-8'],
  },
  {
    id: 'bridge-status',
    title: 'Visa bryggans och SITHS-kortets status',
    titleEn: "Show the bridge's and the SITHS card's status",
    rules: ['R-S-2'],
  },
  {
    id: 'no-reply-timer',
    title: 'Svarstid när patienten inte svarar (kontaktförsök, telefon, anteckning)',
    titleEn: 'Reply timer when the patient does not answer (attempts, phone, note)',
    rules: ['R-NR-1', 'R-NR-2', 'R-NR-3', 'R-NR-4', 'R-NR-5'],
  },
  {
    id: 'queue-deadlines',
    title: 'Väntetider och turordning i Drop in och för överlämnade ärenden',
    titleEn: 'Waiting times and order in Drop in and for handed-over cases',
    rules: ['R-Q-1', 'R-Q-4'],
  },
  {
    id: 'shift-end',
    title: 'Rensa besöksdata när skiftet avslutas',
    titleEn: 'Clear visit data when the shift ends',
    rules: ['R-S-2'],
  },
  {
    id: 'shift-guard',
    title: 'Skiftvakt: kortet, utloggningen och SMS-aviseringarna',
    titleEn: 'Shift guard: the card, logging out and the SMS notifications',
    rules: ['R-S-2', 'R-S-3', 'R-S-4'],
  },
  {
    id: 'first-login-settings',
    title: 'Kontrollera inställningarna vid första inloggningen',
    titleEn: 'Check the settings at the first login',
    rules: ['R-S-1'],
  },
  {
    id: 'page-health',
    title: 'Visa hur väl Clinic-sidan kan läsas',
    titleEn: 'Show how well the Clinic page can be read',
    rules: ['R-SUP-1'],
  },
  {
    id: 'support-info',
    title: 'Kopiera supportinfo vid fel',
    titleEn: 'Copy support information on a fault',
    rules: ['R-SUP-1'],
  },
  {
    id: 'handover-guard',
    title: 'Lämna över till en roll och berätta för patienten',
    titleEn: 'Hand over to a role and tell the patient',
    rules: ['R-HO-1', 'R-HO-2', 'R-HO-3'],
  },
  {
    id: 'visit-routine',
    title: 'Besökets rutin: prioritet, samtal, kommunikation och inbjuden kollega',
    titleEn: "The visit's routine: priority, calls, communication and an invited colleague",
    rules: ['R-Q-2', 'R-V-1', 'R-V-2', 'R-C-1'],
  },
  {
    id: 'date-filter-refresh',
    title: 'Visa hur gammal en datumfiltrerad vy är',
    titleEn: 'Show how old a date-filtered view is',
    rules: ['R-D-1'],
  },
  {
    id: 'accept-reminder',
    title: 'Påminn om att ta emot ärendet',
    titleEn: 'Remind to accept the case',
    rules: ['R-Q-3'],
  },
  {
    id: 'close-visit-guard',
    title: 'Välj den asynkrona perioden medvetet vid avslut',
    titleEn: 'Choose the asynchronous period consciously when closing',
    rules: ['R-A-1'],
  },
  {
    id: 'ticket-guard',
    title: 'Kontrollera biljetten till vårdcentralen',
    titleEn: 'Check the ticket to the health centre',
    rules: ['R-T-1'],
  },
  {
    id: 'ticket-receiving',
    title: 'Biljetter hos mottagande vårdenhet: vidimering och posttriagesvar',
    titleEn: 'Tickets at the receiving unit: confirming unused tickets and post-triage answers',
    rules: ['R-T-2', 'R-J-7'],
  },
] as const satisfies readonly PolicyFeature[];

export type PolicyFeatureId = (typeof POLICY_FEATURES)[number]['id'];
export const POLICY_FEATURE_IDS: readonly PolicyFeatureId[] = POLICY_FEATURES.map((f) => f.id);

/**
 * Patient-safety rules (issue 12): the same-patient warning (R-ID-2), protected identity (R-PI-*)
 * and guardians (R-GU-*). A feature enforcing any of them is on and locked unless policy says
 * otherwise: a clinician alone cannot switch it off.
 */
const PATIENT_SAFETY_RULE = /^R-(ID-2|PI-\d+|GU-\d+)$/;

export function isPatientSafetyFeature(feature: Pick<PolicyFeature, 'rules'>): boolean {
  return feature.rules.some((rule) => PATIENT_SAFETY_RULE.test(rule));
}

export const PATIENT_SAFETY_FEATURE_IDS: readonly PolicyFeatureId[] = POLICY_FEATURES.filter(
  isPatientSafetyFeature,
).map((f) => f.id);
