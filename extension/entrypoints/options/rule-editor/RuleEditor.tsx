// The superuser's rule editor (issue 13): the rules in force with the source of every part, a
// form and a JSON view of one draft, validated as you type; Kontrollera before Tillämpa, a diff
// against the rules in force and the defaults, Återställ, a guard against leaving unsaved, the
// version bumped on apply, and the last 10 applied versions for rollback.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { defaultRuleSet, type RuleSet, ruleSetDigest, shortDigest } from '../../../../shared/rules';
import {
  type AppliedVersion,
  bumpForApply,
  checkDraft,
  type DraftCheck,
  partSources,
  pushHistory,
} from '../../../../shared/rules/editor';
import { plural, t } from '../../../lib/i18n';
import { ruleHistoryItem } from '../../../lib/rule-editor-storage';
import { ruleErrorWords } from '../../../lib/rule-error-words';
import {
  type EffectiveRules,
  loadEffectiveRules,
  onEffectiveRulesChanged,
  superuserRulesItem,
} from '../../../lib/rules';
import { CheckResult, Diff } from './check-result';
import { ExportForIt } from './export-for-it';
import { History } from './history';
import { JsonEditor } from './json-editor';
import './rule-editor.css';
import { usePolicy } from '../use-policy';
import { SchemaForm, setAt } from './schema-form';
import { SelectorHealth } from './selector-health';

const pretty = (v: unknown) => JSON.stringify(v, null, 2);
const SOURCE_WORD = {
  policy: () => t('options_reasonLockedByPolicy'),
  superuser: () => t('options_partSuperuser'),
  default: () => t('options_partDefault'),
} as const;
/** The background re-resolves within milliseconds of the write; past this, show what is in force. */
const RESOLVE_WAIT_MS = 5_000;

/** Writes the superuser's rule set and waits for the background's verdict. */
async function store(rules: RuleSet): Promise<EffectiveRules> {
  const before = (await loadEffectiveRules()).resolvedAt;
  const life = new AbortController();
  const verdict = new Promise<EffectiveRules | null>((resolve) => {
    onEffectiveRulesChanged((next) => next.resolvedAt !== before && resolve(next), life.signal);
    setTimeout(() => resolve(null), RESOLVE_WAIT_MS);
  });
  await superuserRulesItem.set(rules);
  const next = (await verdict) ?? (await loadEffectiveRules());
  life.abort();
  return next;
}

export function RuleEditor() {
  const [effective, setEffective] = useState<EffectiveRules | null>(null);
  // IT's allowRuleImport (resolved by the background, live): false makes the editor read-only.
  const allowed = usePolicy()?.allowRuleImport !== false;
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<{ text: string; result: DraftCheck } | null>(null);
  const [status, setStatus] = useState('');
  const [history, setHistory] = useState<AppliedVersion[]>([]);

  useEffect(() => {
    const life = new AbortController();
    void loadEffectiveRules().then((r) => {
      if (life.signal.aborted) return;
      setEffective(r);
      setText(pretty(r.rules));
    });
    onEffectiveRulesChanged(setEffective, life.signal);
    void ruleHistoryItem.get().then(setHistory);
    ruleHistoryItem.watch(setHistory, life.signal);
    return () => life.abort();
  }, []);

  const inForceText = effective ? pretty(effective.rules) : '';
  const dirty = effective !== null && text !== inForceText;
  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', guard);
    return () => removeEventListener('beforeunload', guard);
  }, [dirty]);

  const live = useMemo(() => checkDraft(text), [text]);
  const draftObject = useMemo((): Record<string, unknown> | null => {
    try {
      const v: unknown = JSON.parse(text);
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }, [text]);

  if (!effective) return <section class="box" id="rule-editor" aria-busy="true" />;
  const sources = partSources(effective.rules, effective.source);
  const lockedParts = new Set(sources.filter((s) => s.source === 'policy').map((s) => s.part));
  const readOnly = !allowed || effective.source === 'policy';
  const canApply = !readOnly && checked?.text === text && checked.result.ok && dirty;

  const apply = async () => {
    if (!checked?.result.ok) return;
    const rules = bumpForApply(checked.result.rules, effective.rules, new Date());
    setStatus(t('options_applying'));
    const next = await store(rules);
    if (next.source !== 'superuser') {
      setStatus(t('options_applyFailed'));
      return;
    }
    const entry = { rules, appliedAt: new Date().toISOString(), digest: ruleSetDigest(rules) };
    await ruleHistoryItem.set(pushHistory(await ruleHistoryItem.get(), entry));
    setEffective(next);
    setText(pretty(next.rules));
    setChecked(null);
    setStatus(t('options_applied', rules.meta.version, shortDigest(entry.digest)));
  };

  const rollback = async (rules: RuleSet) => {
    const next = await store(rules);
    setEffective(next);
    setText(pretty(next.rules));
    setChecked(null);
    setStatus(t('options_rolledBack', next.rules.meta.version));
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const raw = await file.text();
    const result = checkDraft(raw);
    // An invalid file is refused whole: the draft stays as it was, every error is listed.
    // i18n-exempt: a marker that never equals the draft (so Tillämpa stays off), never shown
    if (!result.ok) return setChecked({ text: `refused:${raw}`, result });
    const migrated = pretty(result.rules);
    setText(migrated);
    setChecked({ text: migrated, result });
  };

  return (
    <section class="box" aria-labelledby="rule-editor-heading" id="rule-editor">
      <h2 id="rule-editor-heading">{t('options_editorHeading')}</h2>
      <p id="rule-editor-in-force">
        {t('options_editorInForce', effective.rules.meta.name, effective.rules.meta.version)} ·{' '}
        <code>{shortDigest(ruleSetDigest(effective.rules))}</code>
      </p>
      {readOnly && (
        <p class="locked" id="rule-editor-locked">
          {t(allowed ? 'options_policyRules' : 'options_notAllowed', t('options_reasonLockedByPolicy'))}
        </p>
      )}
      <ul id="rule-editor-sources" class="sources">
        {sources.map((s) => (
          <li key={s.part} data-part={s.part} data-source={s.source}>
            <code>{s.part}</code>: {SOURCE_WORD[s.source]()}
          </li>
        ))}
      </ul>
      {draftObject ? (
        <SchemaForm
          draft={draftObject}
          lockedParts={readOnly ? new Set(sources.map((s) => s.part)) : lockedParts}
          onChange={(path, value) => setText(pretty(setAt(draftObject, path, value)))}
        />
      ) : (
        <p class="hint">{t('options_formHidden')}</p>
      )}
      <p class="label" id="rule-editor-json-label">
        {t('options_jsonHelp')}
      </p>
      <JsonEditor value={text} readOnly={readOnly} onChange={setText} />
      {/* The draft as text, for assistive tools and the tests (the editor renders only what is visible). */}
      <input type="hidden" id="rule-editor-json-value" value={text} />
      <p id="rule-editor-live" class={live.ok ? 'hint' : 'result error'} role="status">
        {live.ok
          ? t('options_noErrors')
          : t(
              'options_liveErrors',
              plural(live.errors.length, 'options_errors_one', 'options_errors_other'),
              live.errors.map((e) => `${e.path || t('options_wholeFile')} ${ruleErrorWords(e)}`).join('; '),
            )}
      </p>
      <label for="rule-editor-file">{t('options_importFile')}</label>
      <input
        id="rule-editor-file"
        type="file"
        accept="application/json,.json"
        disabled={readOnly}
        onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])}
      />
      <div class="row">
        <button
          type="button"
          id="rule-editor-check-button"
          disabled={readOnly}
          onClick={() => setChecked({ text, result: checkDraft(text) })}
        >
          {t('options_check')}
        </button>
        <button type="button" id="rule-editor-apply-button" disabled={!canApply} onClick={() => void apply()}>
          {t('options_apply')}
        </button>
        <button
          type="button"
          class="secondary"
          id="rule-editor-reset-button"
          onClick={() => {
            setText(inForceText);
            setChecked(null);
          }}
        >
          {t('options_reset')}
        </button>
      </div>
      {checked && <CheckResult result={checked.result} />}
      {live.ok && (
        <Diff title={t('options_diffInForce')} id="diff-in-force" before={effective.rules} after={live.rules} />
      )}
      {live.ok && (
        <Diff title={t('options_diffDefault')} id="diff-default" before={defaultRuleSet} after={live.rules} />
      )}
      <p id="rule-editor-status" role="status" aria-live="polite">
        {status}
      </p>
      <SelectorHealth overridden={Object.keys(effective.rules.selectorOverrides ?? {})} />
      <ExportForIt rules={effective.rules} />
      <History history={history} current={effective.rules} disabled={readOnly} onRollback={(r) => void rollback(r)} />
    </section>
  );
}
