// Apart from rule-error-words.ts: the policy schema is zod, which the side panel must not bundle.
import { POLICY_KEYS } from '../../shared/policy/schema';
import { uiLanguage } from './i18n';

/**
 * A policy key's title with the key (`features.x.enabled` under its top key's), in the messages'
 * language: shared/ has both (managed_schema.json's Swedish and the en-US ADML's); undefined for
 * a key policy does not know.
 */
export function policyKeyTitle(key: string): string | undefined {
  const top = key.split('.')[0] ?? key;
  const def = POLICY_KEYS.find((k) => k.key === top);
  if (!def) return undefined;
  return `${uiLanguage() === 'sv' ? def.title : def.titleEn} (${key})`;
}
