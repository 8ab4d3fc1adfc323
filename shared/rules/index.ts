// The rule set: schema (source of truth for types and messages), Region Uppsala's defaults,
// parsing with migrations, and the refuse-and-keep-the-last-good update.
export { defaultRuleSet } from './default';
export { type RuleSetProvenance, ruleSetDigest, ruleSetProvenance, shortDigest } from './digest';
export { formatPath, type RuleSetError, svErrorMap } from './errors';
export { MIGRATIONS, type Migration } from './migrations';
export { applyRuleSetUpdate, type ParseRuleSetResult, parseRuleSet, type RuleSetUpdate } from './parse';
export {
  adapterVocabularySchema,
  type ChannelRule,
  CURRENT_SCHEMA_VERSION,
  channelRuleSchema,
  KONTAKTSATT,
  type Kontaktsatt,
  kontaktsattSchema,
  type Restriction,
  type RuleSet,
  restrictionSchema,
  ruleSetSchema,
  selectorOverridesSchema,
  selectorStrategySchema,
  type TemplateKeyword,
} from './schema';
