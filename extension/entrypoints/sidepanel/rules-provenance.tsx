// Which rules the note is built from (issue 13): name, version and the first 12 hex of the rule
// set's digest, the same three a PDF footer prints, so a note can be traced to its rules.
import { useMemo } from 'preact/hooks';
import type { RuleSet } from '../../../shared/rules';
import { ruleSetDigest, shortDigest } from '../../../shared/rules/digest';
import { t } from '../../lib/i18n';

export function RulesProvenance({ rules }: { rules: RuleSet | undefined }) {
  const digest = useMemo(() => (rules ? ruleSetDigest(rules) : null), [rules]);
  if (!rules || !digest) return <span id="rules-provenance">…</span>;
  return (
    <span id="rules-provenance" title={t('panel_digestTitle', digest)}>
      {rules.meta.name} {rules.meta.version} · <code>{shortDigest(digest)}</code>
    </span>
  );
}
