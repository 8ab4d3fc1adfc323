import { t } from '../../lib/i18n';

/** A refused rule set's or policy's errors, each at its path (`whole`: the words for the root). */
export function RuleErrorList({
  errors,
  whole = t('options_wholeFile'),
}: {
  errors: readonly { path: string; message: string }[];
  whole?: string;
}) {
  return (
    <ul>
      {errors.map((e) => (
        <li key={`${e.path}:${e.message}`}>
          <code>{e.path || whole}</code>: {e.message}
        </li>
      ))}
    </ul>
  );
}
