/**
 * The example policy in the .reg and Linux files: every key, each with a value our validation
 * accepts (test/unit/policy-templates.test.ts checks it), so IT starts from something that works.
 */
import { defaultRuleSet } from '../../shared/rules';

export const EXAMPLE_POLICY = {
  ruleSet: JSON.stringify(defaultRuleSet),
  ruleSetOverride: JSON.stringify({ schemaVersion: defaultRuleSet.schemaVersion, cosmicIdFormat: 'YYYYMMDD-NNNN' }),
  features: {
    'same-patient-guard': { enabled: true, locked: true },
    'patient-safety-banner': { enabled: true, locked: true },
    'queue-deadlines': { enabled: true, locked: false },
  },
  allowRuleImport: false,
  retentionHours: 24,
  defaultUnit: defaultRuleSet.units[0],
  defaultRole: 'Sjuksköterska',
  selectorOverrides: JSON.stringify({ patientId: [{ kind: 'label', label: 'Personnummer' }] }),
  bridgePort: 47121,
  // A placeholder in the token's format: replace it with the bridge's token, or leave the key out
  // (the native messaging host pairs with no token in policy).
  bridgeToken: 'REPLACE_WITH_THE_TOKEN_OF_THE_BRIDGE',
} as const;
