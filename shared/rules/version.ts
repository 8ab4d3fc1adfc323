/**
 * The rule-set schema's current version (migrations bring older files up to it). Apart from the
 * schema so a content script can check a stored rule set's version without the schema library.
 */
export const CURRENT_SCHEMA_VERSION = 3;
