// What Kontrollera found (every error by path, or that the draft is valid, migrated or not) and
// a diff of the draft against another rule set, by path.
import { CURRENT_SCHEMA_VERSION, type RuleSet } from '../../../../shared/rules';
import { type DraftCheck, diffRuleSets } from '../../../../shared/rules/editor';
import { plural, t } from '../../../lib/i18n';
import { migratedNoteWords } from '../../../lib/rule-error-words';
import { RuleErrorList } from '../rule-errors';

const show = (v: unknown) => (v === undefined ? '–' : JSON.stringify(v));

export function CheckResult({ result }: { result: DraftCheck }) {
  if (!result.ok)
    return (
      <div class="result error" role="alert" id="rule-editor-check">
        <p>{t('options_checkRefused', plural(result.errors.length, 'options_errors_one', 'options_errors_other'))}</p>
        <RuleErrorList errors={result.errors} />
      </div>
    );
  return (
    <div class="result ok" role="status" id="rule-editor-check">
      <p>
        {t('options_checkOk')}
        {result.migratedFrom === undefined ? '' : ` ${migratedNoteWords(result.migratedFrom, CURRENT_SCHEMA_VERSION)}`}
      </p>
    </div>
  );
}

export function Diff(props: { title: string; id: string; before: RuleSet; after: RuleSet }) {
  const changes = diffRuleSets(props.before, props.after).filter((c) => c.path !== 'meta.updatedAt');
  return (
    <details id={props.id} open={props.id === 'diff-in-force' && changes.length > 0}>
      <summary>
        {props.title} ({changes.length})
      </summary>
      <ul>
        {changes.map((c) => (
          <li key={c.path}>
            <code>{c.path}</code>: {show(c.before)} → {show(c.after)}
          </li>
        ))}
      </ul>
    </details>
  );
}
