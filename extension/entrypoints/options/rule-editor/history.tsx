// The last 10 applied versions (newest first); rolling back writes that version again.
import { parseRuleSet, type RuleSet, ruleSetDigest, shortDigest } from '../../../../shared/rules';
import type { AppliedVersion } from '../../../../shared/rules/editor';
import { t } from '../../../lib/i18n';

export function History(props: {
  history: AppliedVersion[];
  current: RuleSet;
  disabled: boolean;
  onRollback(rules: RuleSet): void;
}) {
  const currentDigest = ruleSetDigest(props.current);
  return (
    <details id="rule-editor-history" open={props.history.length > 0}>
      <summary>{t('options_history', props.history.length)}</summary>
      <ol>
        {props.history.map((h) => {
          // Checked again: a stored entry from an older release may need migration or be refused.
          const parsed = parseRuleSet(h.rules);
          const inForce = h.digest === currentDigest;
          return (
            <li key={`${h.appliedAt}:${h.digest}`} data-version={h.rules.meta.version}>
              {h.rules.meta.version} · {h.appliedAt.slice(0, 16).replace('T', ' ')} ·{' '}
              <code>{shortDigest(h.digest)}</code>{' '}
              {inForce ? (
                <span>{t('options_historyInForce')}</span>
              ) : (
                <button
                  type="button"
                  class="secondary rollback"
                  disabled={props.disabled || !parsed.ok}
                  onClick={() => parsed.ok && props.onRollback(parsed.rules)}
                >
                  {t('options_rollback')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
