/** The rule-set schema's current version (migrations bring older files up to it). */
export const RULE_SCHEMA_VERSION = 3;
