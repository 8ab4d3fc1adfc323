/**
 * What IT's policy means for this browser, as data the options page, the content script and the
 * background can all show: which features are on and whether the clinician may change them, the
 * settings policy fixes, and every value that was ignored with its reason (Swedish, visible).
 * Precedence: policy > the user's (superuser's) choice > defaults. Never throws: a managed value
 * that passed Chrome's schema but not ours is ignored, never a crash.
 */
import { isPatientSafetyFeature, POLICY_FEATURES, type PolicyFeatureId } from './features';
import {
  type FeatureSetting,
  featureSettingSchema,
  POLICY_KEYS,
  POLICY_VALUE_REASONS,
  type PolicyValueReasonId,
} from './schema';

/** Shown beside every setting policy decides (issue 12's wording). */
export const LOCKED_BY_POLICY = 'Styrs av din organisation';

export interface PolicyIssue {
  /** The policy key, or `features.<id>` / `features.<id>.enabled`. */
  key: string;
  /** Swedish: why the value is not used. */
  reason: string;
  /** Set when the reason is one of ours (not a schema's own words): the extension words it by ID. */
  id?: PolicyIssueId;
  /** What the sentence needs, in order. */
  values?: string[];
}

export type PolicyIssueId =
  | 'features-not-object'
  | 'unknown-feature'
  | 'feature-not-object'
  | 'unknown-feature-field'
  | 'unknown-key'
  | 'unit-not-in-rules'
  | 'role-not-in-rules'
  | 'import-not-allowed'
  | 'unreadable'
  | 'unreadable-detail'
  | PolicyValueReasonId;

export type FeatureSource = 'policy' | 'patient-safety' | 'user' | 'default';

export interface FeatureDecision {
  id: PolicyFeatureId;
  enabled: boolean;
  /** True: the options page shows the switch disabled, with `reason`. */
  locked: boolean;
  source: FeatureSource;
  /** Swedish, shown beside the switch; '' when there is nothing to explain. */
  reason: string;
}

export interface EffectivePolicy {
  /** Keys whose (valid) value comes from policy: the UI shows them as locked. */
  managedKeys: string[];
  features: Record<PolicyFeatureId, FeatureDecision>;
  /** False only when policy says so. */
  allowRuleImport: boolean;
  retentionHours?: number;
  /** Checked against the rule set's units and roles by resolvePolicyRules. */
  defaultUnit?: string;
  defaultRole?: string;
  /** JSON texts, validated by resolvePolicyRules against the rule set schema. */
  ruleSet?: string;
  ruleSetOverride?: string;
  selectorOverrides?: string;
  bridgePort?: number;
  bridgeToken?: string;
  ignored: PolicyIssue[];
}

/** The user's own switches from the options page: true/false where they chose, absent otherwise. */
export type UserFeatureChoices = Partial<Record<string, boolean>>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A refused value's reason: the schema's words, with their ID when they are registered ones. */
function valueIssue(key: string, reason: string): PolicyIssue {
  const words = POLICY_VALUE_REASONS.get(reason);
  return words ? { key, reason, ...words } : { key, reason };
}

/** The patient-safety rules among a feature's (why it is locked on). */
export function safetyRules(rules: readonly string[]): string[] {
  return rules.filter((r) => /^R-(ID-2|PI-\d+|GU-\d+)$/.test(r));
}

function safetyReason(rules: readonly string[]): string {
  return `Patientsäkerhet (${safetyRules(rules).join(', ')}): alltid på, om inte din organisation tillåter att den stängs av`;
}

/** Validates `features` one feature and one field at a time, so one bad value costs only itself. */
function readFeatureSettings(value: unknown, ignored: PolicyIssue[]): Map<string, FeatureSetting> {
  const settings = new Map<string, FeatureSetting>();
  if (!isRecord(value)) {
    ignored.push({
      key: 'features',
      reason: 'måste vara ett objekt med en post per funktion',
      id: 'features-not-object',
    });
    return settings;
  }
  const known = new Set<string>(POLICY_FEATURES.map((f) => f.id));
  for (const [id, raw] of Object.entries(value)) {
    if (!known.has(id)) {
      ignored.push({ key: `features.${id}`, reason: 'okänd funktion', id: 'unknown-feature' });
      continue;
    }
    if (!isRecord(raw)) {
      ignored.push({
        key: `features.${id}`,
        reason: 'måste vara ett objekt med enabled och locked',
        id: 'feature-not-object',
      });
      continue;
    }
    const setting: FeatureSetting = {};
    for (const [field, fieldValue] of Object.entries(raw)) {
      const fieldSchema = featureSettingSchema.shape[field as keyof FeatureSetting];
      if (!fieldSchema) {
        ignored.push({
          key: `features.${id}.${field}`,
          reason: 'okänt fält (bara enabled och locked)',
          id: 'unknown-feature-field',
        });
        continue;
      }
      const parsed = fieldSchema.safeParse(fieldValue);
      if (parsed.success && parsed.data !== undefined) setting[field as keyof FeatureSetting] = parsed.data;
      else ignored.push(valueIssue(`features.${id}.${field}`, parsed.error?.issues[0]?.message ?? 'ogiltigt'));
    }
    settings.set(id, setting);
  }
  return settings;
}

function decideFeature(
  feature: (typeof POLICY_FEATURES)[number],
  setting: FeatureSetting | undefined,
  user: boolean | undefined,
): FeatureDecision {
  const id = feature.id;
  const safety = isPatientSafetyFeature(feature);
  // Policy names a value and does not unlock it: locked at that value.
  if (setting?.enabled !== undefined && setting.locked !== false)
    return { id, enabled: setting.enabled, locked: true, source: 'policy', reason: LOCKED_BY_POLICY };
  // Policy locks without a value: locked at the default, which is on for every feature.
  if (setting?.locked === true) return { id, enabled: true, locked: true, source: 'policy', reason: LOCKED_BY_POLICY };
  if (setting?.locked === false) {
    // Unlocked by policy (the only way a clinician may switch a patient-safety feature off);
    // policy's value is the default until the user chooses.
    const reason = safety ? 'Din organisation tillåter att den stängs av' : '';
    if (user !== undefined) return { id, enabled: user, locked: false, source: 'user', reason };
    if (setting.enabled !== undefined) return { id, enabled: setting.enabled, locked: false, source: 'policy', reason };
    return { id, enabled: true, locked: false, source: 'default', reason };
  }
  if (safety) return { id, enabled: true, locked: true, source: 'patient-safety', reason: safetyReason(feature.rules) };
  if (user !== undefined) return { id, enabled: user, locked: false, source: 'user', reason: '' };
  return { id, enabled: true, locked: false, source: 'default', reason: '' };
}

export function effectivePolicy(managed: unknown, userChoices: UserFeatureChoices = {}): EffectivePolicy {
  const ignored: PolicyIssue[] = [];
  const values = new Map<string, unknown>();
  let input: Record<string, unknown> = {};
  try {
    if (isRecord(managed)) input = managed;
    else if (managed !== undefined && managed !== null)
      ignored.push({ key: '', reason: 'policyn kunde inte läsas', id: 'unreadable' });
    const known = new Map(POLICY_KEYS.map((k) => [k.key, k]));
    for (const [key, value] of Object.entries(input)) {
      const def = known.get(key);
      if (!def) {
        ignored.push({ key, reason: 'okänd policynyckel', id: 'unknown-key' });
        continue;
      }
      if (def.form === 'features') {
        values.set(key, readFeatureSettings(value, ignored));
        continue;
      }
      const parsed = def.value.safeParse(value);
      if (parsed.success) values.set(key, parsed.data);
      else ignored.push(valueIssue(key, parsed.error.issues[0]?.message ?? 'ogiltigt värde'));
    }
  } catch (e) {
    // A hostile getter or proxy in the input: whatever was read stays, the rest is ignored.
    const detail = e instanceof Error ? e.message : String(e);
    ignored.push({
      key: '',
      reason: `policyn kunde inte läsas (${detail})`,
      id: 'unreadable-detail',
      values: [detail],
    });
  }

  const settings = (values.get('features') as Map<string, FeatureSetting> | undefined) ?? new Map();
  const features = Object.fromEntries(
    POLICY_FEATURES.map((f) => [f.id, decideFeature(f, settings.get(f.id), userChoices[f.id])]),
  ) as Record<PolicyFeatureId, FeatureDecision>;

  const get = <T>(key: string) => values.get(key) as T | undefined;
  const managedKeys = [...values.keys()].filter((k) => k !== 'features' || settings.size > 0);
  const policy: EffectivePolicy = {
    managedKeys,
    features,
    allowRuleImport: get<boolean>('allowRuleImport') ?? true,
    ignored,
  };
  const optional = {
    retentionHours: get<number>('retentionHours'),
    defaultUnit: get<string>('defaultUnit'),
    defaultRole: get<string>('defaultRole'),
    ruleSet: get<string>('ruleSet'),
    ruleSetOverride: get<string>('ruleSetOverride'),
    selectorOverrides: get<string>('selectorOverrides'),
    bridgePort: get<number>('bridgePort'),
    bridgeToken: get<string>('bridgeToken'),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(policy, { [key]: value });
  return policy;
}
