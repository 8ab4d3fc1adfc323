import type { RuleSetError } from '../../../shared/rules/errors';
import { t } from '../../lib/i18n';
import { ruleErrorWords } from '../../lib/rule-error-words';

/** A refused rule set's or policy's errors, each at its path (`whole`: the words for the root). */
export function RuleErrorList({
  errors,
  whole = t('options_wholeFile'),
}: {
  errors: readonly RuleSetError[];
  whole?: string;
}) {
  return (
    <ul>
      {errors.map((e) => (
        <li key={`${e.path}:${e.message}`}>
          <code>{e.path || whole}</code>: {ruleErrorWords(e)}
        </li>
      ))}
    </ul>
  );
}
