/**
 * IT's policy for Clinic Companion: the one schema (zod) that the extension's managed_schema.json,
 * the ADMX/ADML templates, the .reg examples and the Linux JSON are generated from
 * (scripts/policy/, `npm run build`), and that the extension validates managed storage with.
 *
 * Chrome reads each key as the type its schema node has: text and JSON text as REG_SZ, integers
 * and booleans as REG_DWORD, `features` as a subkey per feature. Structured values an ADMX can
 * carry only as text (a rule set, overrides) are JSON text in a string, validated by us, so a
 * wrong one is refused with a reason the clinician and IT can see rather than dropped silently.
 */
import { z } from 'zod';
import { POLICY_FEATURES } from './features';

/** Registry form and ADMX element of a key, as Chrome reads it. */
export type PolicyForm = 'text' | 'json-text' | 'integer' | 'boolean' | 'features';

export interface PolicyKey {
  key: string;
  form: PolicyForm;
  /** Swedish (managed_schema.json, sv-SE ADML). */
  title: string;
  description: string;
  /** English (en-US ADML). */
  titleEn: string;
  descriptionEn: string;
  value: z.ZodType;
  /** ADMX `text` length: Windows' default of 1023 is far short of a real rule set (≈ 3 KB). */
  maxLength?: number;
}

/** A rule set as JSON text: 1,000,000 characters, the size Chrome's own ADMX allows JSON policies. */
export const JSON_TEXT_MAX_LENGTH = 1_000_000;
/** Per-visit data is kept at most 72 hours (the rule set's own cap, issue 11). */
export const MAX_RETENTION_HOURS = 72;
const TOKEN_RE = /^[A-Za-z0-9_-]{22,256}$/;

/** Why a policy value is refused, in the schema's own words: the extension words them by ID (issue 14). */
export type PolicyValueReasonId =
  | 'not-json-text'
  | 'enabled-not-boolean'
  | 'locked-not-boolean'
  | 'not-boolean'
  | 'not-integer'
  | 'min-one-hour'
  | 'max-hours'
  | 'not-blank'
  | 'min-value'
  | 'max-value'
  | 'not-text'
  | 'bad-token';

/** The schema's messages (Swedish) → ID and values. */
export const POLICY_VALUE_REASONS = new Map<string, { id: PolicyValueReasonId; values?: string[] }>();

function why(sv: string, id: PolicyValueReasonId, values?: string[]): string {
  POLICY_VALUE_REASONS.set(sv, values ? { id, values } : { id });
  return sv;
}

const nonBlank = (message: string) => z.string().refine((s) => s.trim() !== '', { error: message });
const jsonText = () => z.string({ error: why('måste vara text (JSON)', 'not-json-text') });
const featureSetting = z.object({
  enabled: z.boolean({ error: why('enabled måste vara true eller false', 'enabled-not-boolean') }).optional(),
  locked: z.boolean({ error: why('locked måste vara true eller false', 'locked-not-boolean') }).optional(),
});
export type FeatureSetting = z.infer<typeof featureSetting>;

export const POLICY_KEYS: readonly PolicyKey[] = [
  {
    key: 'ruleSet',
    form: 'json-text',
    title: 'Regeluppsättning (1177 direkt)',
    description:
      'Enhetens regeluppsättning som JSON-text (schemaVersion, se shared/rules). Valideras som en superanvändares import; en ogiltig uppsättning vägras med alla fel och den senast giltiga gäller. Gäller före superanvändarens import.',
    titleEn: 'Rule set (1177 direkt)',
    descriptionEn:
      "The unit's rule set as JSON text (schemaVersion, see shared/rules). Validated like a superuser's import: an invalid rule set is refused with every error listed and the last valid one stays in force. Takes precedence over a superuser's import.",
    value: jsonText(),
    maxLength: JSON_TEXT_MAX_LENGTH,
  },
  {
    key: 'ruleSetOverride',
    form: 'json-text',
    title: 'Ändringar i regeluppsättningen',
    description:
      'Delar av regeluppsättningen som JSON-text: {"schemaVersion": 3, "timers": {…}, …}. Varje angiven del ersätter hela den delen i uppsättningen som annars gäller; schemaVersion måste vara den version tillägget läser. Resultatet valideras som en hel uppsättning.',
    titleEn: 'Rule set override',
    descriptionEn:
      'Parts of the rule set as JSON text: {"schemaVersion": 3, "timers": {…}, …}. Each part given replaces that whole part of the rule set otherwise in force; schemaVersion must be the version this extension reads. The result is validated as a whole rule set.',
    value: jsonText(),
    maxLength: JSON_TEXT_MAX_LENGTH,
  },
  {
    key: 'features',
    form: 'features',
    title: 'Funktioner',
    description:
      'Per funktion: enabled (på/av) och locked (låst, så att användaren inte kan ändra). Patientsäkerhetsfunktionerna (same-patient-guard, patient-safety-banner) är på och låsta om inte policyn säger annat.',
    titleEn: 'Features',
    descriptionEn:
      'Per feature: enabled (on/off) and locked (the user cannot change it). The patient-safety features (same-patient-guard, patient-safety-banner) are on and locked unless policy says otherwise.',
    value: z.object(
      Object.fromEntries(
        POLICY_FEATURES.map((f) => [
          f.id,
          z
            .object({
              enabled: featureSetting.shape.enabled.meta({ title: 'På' }),
              locked: featureSetting.shape.locked.meta({ title: 'Låst' }),
            })
            .meta({ title: f.title, description: `Regler: ${f.rules.join(', ')}` })
            .optional(),
        ]),
      ),
    ),
  },
  {
    key: 'allowRuleImport',
    form: 'boolean',
    title: 'Tillåt import av regeluppsättning',
    description:
      'Av (false): ingen kan importera en regeluppsättning i tilläggets inställningar, och en tidigare import används inte; reglerna kommer från policyn eller standarden. På eller ej satt: superanvändare får importera.',
    titleEn: 'Allow rule set import',
    descriptionEn:
      "Off (false): nobody can import a rule set in the extension's settings, and an earlier import is not used; rules come from policy or the defaults. On or not set: superusers may import.",
    value: z.boolean({ error: why('måste vara true eller false', 'not-boolean') }),
  },
  {
    key: 'retentionHours',
    form: 'integer',
    title: 'Lagringstid för besöksdata (timmar)',
    description: `Hur länge uppgifter per besök sparas, 1–${MAX_RETENTION_HOURS} timmar. Gäller före regeluppsättningens retention.visitDataHours.`,
    titleEn: 'Visit data retention (hours)',
    descriptionEn: `How long per-visit data is kept, 1–${MAX_RETENTION_HOURS} hours. Takes precedence over the rule set's retention.visitDataHours.`,
    value: z
      .number({ error: why('måste vara ett heltal', 'not-integer') })
      .int({ error: why('måste vara ett heltal', 'not-integer') })
      .min(1, { error: why('måste vara minst 1 timme', 'min-one-hour') })
      .max(MAX_RETENTION_HOURS, {
        error: why(`får vara högst ${MAX_RETENTION_HOURS} timmar`, 'max-hours', [String(MAX_RETENTION_HOURS)]),
      }),
  },
  {
    key: 'defaultUnit',
    form: 'text',
    title: 'Förvald vårdenhet',
    description:
      'Vårdenheten när Clinic inte visar den, exakt som i regeluppsättningens units (t.ex. "1177 direkt Uppsala län").',
    titleEn: 'Default care unit',
    descriptionEn:
      'The care unit when Clinic does not show it, exactly as in the rule set\'s units (e.g. "1177 direkt Uppsala län").',
    value: nonBlank(why('får inte vara tom', 'not-blank')),
    maxLength: 200,
  },
  {
    key: 'defaultRole',
    form: 'text',
    title: 'Förvald roll',
    description: 'Rollen när Clinic inte visar den, exakt som i regeluppsättningens roles (t.ex. "Sjuksköterska").',
    titleEn: 'Default role',
    descriptionEn: 'The role when Clinic does not show it, exactly as in the rule set\'s roles (e.g. "Sjuksköterska").',
    value: nonBlank(why('får inte vara tom', 'not-blank')),
    maxLength: 200,
  },
  {
    key: 'selectorOverrides',
    form: 'json-text',
    title: 'Clinic-selektorer',
    description:
      'Hur tillägget hittar fälten i Clinic, som JSON-text: {"patientId": [{"kind": "label", "label": "Personnummer"}], …}. Ett angivet fält ersätter regeluppsättningens lista för det fältet, utan ny version av tillägget.',
    titleEn: 'Clinic selectors',
    descriptionEn:
      'How the extension finds fields in Clinic, as JSON text: {"patientId": [{"kind": "label", "label": "Personnummer"}], …}. A field given replaces the rule set\'s list for that field, without a new release.',
    value: jsonText(),
    maxLength: JSON_TEXT_MAX_LENGTH,
  },
  {
    key: 'bridgePort',
    form: 'integer',
    title: 'Bryggans port',
    description:
      'Reserv när bryggans native messaging-värd saknas: porten bryggan lyssnar på, på 127.0.0.1 (standard 47121).',
    titleEn: 'Bridge port',
    descriptionEn:
      "Fallback when the bridge's native messaging host is missing: the port the bridge listens on, on 127.0.0.1 (default 47121).",
    value: z
      .number({ error: why('måste vara ett heltal', 'not-integer') })
      .int({ error: why('måste vara ett heltal', 'not-integer') })
      .min(1024, { error: why('måste vara minst 1024', 'min-value', ['1024']) })
      .max(65535, { error: why('får vara högst 65535', 'max-value', ['65535']) }),
  },
  {
    key: 'bridgeToken',
    form: 'text',
    title: 'Bryggans nyckel',
    description:
      'Reserv när bryggans native messaging-värd saknas: samma nyckel som bryggan har (CLINIC_BRIDGE_TOKEN eller filen bridge-token), minst 22 tecken base64url.',
    titleEn: 'Bridge token',
    descriptionEn:
      "Fallback when the bridge's native messaging host is missing: the same token the bridge has (CLINIC_BRIDGE_TOKEN or the file bridge-token), at least 22 base64url characters.",
    value: z
      .string({ error: why('måste vara text', 'not-text') })
      .regex(TOKEN_RE, { error: why('minst 22 tecken base64url (A–Z, a–z, 0–9, - och _)', 'bad-token') }),
    maxLength: 256,
  },
];

/** The policy as the extension reads it from managed storage: every key optional. */
export const policySchema = z.object(
  Object.fromEntries(
    POLICY_KEYS.map((k) => [k.key, k.value.meta({ title: k.title, description: k.description }).optional()]),
  ),
);

export const FEATURE_SETTING_KEYS = ['enabled', 'locked'] as const;
export { featureSetting as featureSettingSchema };
