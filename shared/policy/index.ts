// IT's enterprise policy: one zod schema (schema.ts) from which the managed_schema.json and the
// Windows and Linux templates are generated, and the pure logic of what a policy means.
export { type ChromeSchemaNode, managedSchema } from './chrome-schema';
export {
  type EffectivePolicy,
  effectivePolicy,
  type FeatureDecision,
  type FeatureSource,
  LOCKED_BY_POLICY,
  type PolicyIssue,
  type UserFeatureChoices,
} from './effective';
export {
  isPatientSafetyFeature,
  PATIENT_SAFETY_FEATURE_IDS,
  POLICY_FEATURE_IDS,
  POLICY_FEATURES,
  type PolicyFeature,
  type PolicyFeatureId,
} from './features';
export {
  applyRuleSetOverride,
  applySelectorOverrides,
  type PolicyRules,
  type RefusedSource,
  type RuleInputs,
  type RuleSource,
  resolvePolicyRules,
} from './rules';
export {
  type FeatureSetting,
  JSON_TEXT_MAX_LENGTH,
  MAX_RETENTION_HOURS,
  POLICY_KEYS,
  type PolicyForm,
  type PolicyKey,
  policySchema,
} from './schema';
