import { useEffect, useState } from 'preact/hooks';
import type { PolicyIssue } from '../../../shared/policy/effective';
import { type MessageKey, plural, t } from '../../lib/i18n';
import { policyKeyTitle } from '../../lib/policy-key-title';
import { policyIssueWords } from '../../lib/rule-error-words';
import { type EffectiveRules, loadEffectiveRules, onEffectiveRulesChanged } from '../../lib/rules';
import { RuleErrorList } from './rule-errors';
import { usePolicy } from './use-policy';

const REFUSED_LABEL: Record<string, MessageKey> = {
  policy: 'options_refusedPolicy',
  ruleSetOverride: 'options_refusedOverride',
  selectorOverrides: 'options_refusedSelectors',
};
const refusedLabel = (source: string) => {
  const key = REFUSED_LABEL[source];
  return key ? t(key) : source;
};

const titleOf = (key: string) => policyKeyTitle(key) ?? (key || t('options_thePolicy'));

/**
 * What IT's policy sets on this browser (issue 12), and every value it could not use, with the
 * reason in words: a value that passed Chrome's schema but not ours is ignored visibly, and a
 * refused rule set leaves the last good one in force.
 */
export function PolicyStatus() {
  const policy = usePolicy();
  const [rules, setRules] = useState<EffectiveRules | null>(null);
  useEffect(() => {
    const life = new AbortController();
    void loadEffectiveRules().then((r) => !life.signal.aborted && setRules(r));
    onEffectiveRulesChanged(setRules, life.signal);
    return () => life.abort();
  }, []);
  if (!policy) return null;

  const ignored: PolicyIssue[] = [...policy.ignored, ...(rules?.ignored ?? [])];
  const refused = (rules?.refused ?? []).filter((r) => r.source !== 'superuser');
  const managed = policy.managedKeys;
  return (
    <section class="box" aria-labelledby="policy-heading" id="policy-status">
      <h2 id="policy-heading">{t('options_policyHeading')}</h2>
      {managed.length === 0 && ignored.length === 0 && refused.length === 0 ? (
        <p class="hint">{t('options_policyNone')}</p>
      ) : (
        <p id="policy-managed">
          <span class="locked">{t('options_reasonLockedByPolicy')}:</span>{' '}
          {managed.length > 0 ? managed.map(titleOf).join(', ') : t('options_policyNoValid')}.
        </p>
      )}
      {ignored.length > 0 && (
        <div class="result error" role="alert" id="policy-ignored">
          <p style="margin:0">{t('options_policyIgnored')}</p>
          <ul>
            {ignored.map((i) => (
              <li key={`${i.key}:${i.reason}`} data-key={i.key}>
                <code>{titleOf(i.key)}</code>: {policyIssueWords(i)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {refused.map((r) => (
        <div class="result error" role="alert" key={r.source} data-refused={r.source}>
          <p style="margin:0">
            {t(
              'options_policyRefused',
              refusedLabel(r.source),
              plural(r.errors.length, 'options_errors_one', 'options_errors_other'),
              rules?.rules.meta.name ?? '',
              rules?.rules.meta.version ?? '',
            )}
          </p>
          <RuleErrorList errors={r.errors} whole={t('options_wholeText')} />
        </div>
      ))}
    </section>
  );
}
