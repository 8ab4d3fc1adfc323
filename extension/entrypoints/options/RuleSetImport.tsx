import { useEffect, useState } from 'preact/hooks';
import type { RuleSetError } from '../../../shared/rules';
import { type MessageKey, plural, t } from '../../lib/i18n';
import { type EffectiveRules, loadEffectiveRules, onEffectiveRulesChanged, superuserRulesItem } from '../../lib/rules';
import { RuleErrorList } from './rule-errors';
import { usePolicy } from './use-policy';

/** The background re-resolves within milliseconds of the write; past this, show what is in force. */
const RESOLVE_WAIT_MS = 5_000;

const SOURCE_LABEL: Record<EffectiveRules['source'], MessageKey> = {
  policy: 'options_srcPolicy',
  superuser: 'options_srcSuperuser',
  default: 'options_srcDefault',
  'last-good': 'options_srcLastGood',
};

type Outcome =
  | { ok: true; text: string }
  | { ok: false; text: string; errors: RuleSetError[] }
  | { ok: 'pending'; text: string };

/** What the import led to, in the superuser's words, from the background's verdict. */
export function outcomeOf(effective: EffectiveRules): Outcome {
  const refused = effective.refused.find((r) => r.source === 'superuser');
  const { name, version } = effective.rules.meta;
  const inForce = t('options_inForceWhat', name, version, t(SOURCE_LABEL[effective.source]));
  if (refused)
    return {
      ok: false,
      text: t(
        'options_importRefused',
        plural(refused.errors.length, 'options_errors_one', 'options_errors_other'),
        inForce,
      ),
      errors: refused.errors,
    };
  if (effective.source === 'policy') return { ok: true, text: t('options_importPolicyFirst', inForce) };
  return { ok: true, text: t('options_importInForce', inForce) };
}

/**
 * Superusers import the unit's rule set (issue 3): paste or upload JSON, stored as
 * `superuserRuleSet`; the background validates it (shared/rules) and either puts it in force or
 * refuses it with every error while the last good rule set stays in force.
 */
export function RuleSetImport() {
  const [effective, setEffective] = useState<EffectiveRules | null>(null);
  const [input, setInput] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // IT's allowRuleImport: false locks the import (and an earlier import is not used).
  const locked = usePolicy()?.allowRuleImport === false;

  useEffect(() => {
    const life = new AbortController();
    void loadEffectiveRules().then((r) => !life.signal.aborted && setEffective(r));
    onEffectiveRulesChanged(setEffective, life.signal);
    return () => life.abort();
  }, []);

  /** Writes (or removes) the superuser's rule set and waits for the background's verdict. */
  const submit = async (value: unknown | undefined) => {
    setOutcome({ ok: 'pending', text: t('options_checking') });
    const before = (await loadEffectiveRules()).resolvedAt;
    const life = new AbortController();
    const verdict = new Promise<EffectiveRules | null>((resolve) => {
      onEffectiveRulesChanged((next) => next.resolvedAt !== before && resolve(next), life.signal);
      setTimeout(() => resolve(null), RESOLVE_WAIT_MS);
    });
    if (value === undefined) await superuserRulesItem.remove();
    else await superuserRulesItem.set(value);
    const next = (await verdict) ?? (await loadEffectiveRules());
    life.abort();
    setEffective(next);
    setOutcome(outcomeOf(next));
  };

  const importText = (text: string) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      // Not JSON: nothing is stored, the rules in force stay as they are.
      setOutcome({
        ok: false,
        text: t('options_importNotJson'),
        errors: [{ path: '', message: t('options_notJson', e instanceof Error ? e.message : String(e)) }],
      });
      return;
    }
    void submit(value);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setInput(text);
    importText(text);
  };

  return (
    <section class="box" aria-labelledby="rules-heading" id="rule-set-import-section">
      <h2 id="rules-heading">{t('options_importHeading')}</h2>
      <p class="hint">{t('options_importIntro')}</p>
      {locked && (
        <p class="locked" id="rule-set-import-locked">
          {t('options_notAllowed', t('options_reasonLockedByPolicy'))}
        </p>
      )}
      {effective && (
        <p id="rules-in-force">
          <span class="chip">{t('options_inForceChip', effective.rules.meta.name, effective.rules.meta.version)}</span>{' '}
          {t('options_inForceDetail', t(SOURCE_LABEL[effective.source]), effective.rules.schemaVersion)}
        </p>
      )}
      <label for="rule-set-json">{t('options_ruleSetJson')}</label>
      <textarea
        id="rule-set-json"
        rows={10}
        spellcheck={false}
        disabled={locked}
        value={input}
        onInput={(e) => setInput((e.currentTarget as HTMLTextAreaElement).value)}
        style="width:100%;box-sizing:border-box;font:13px/1.4 ui-monospace,monospace"
      />
      <label for="rule-set-file">{t('options_orFile')}</label>
      <input
        id="rule-set-file"
        type="file"
        accept="application/json,.json"
        disabled={locked}
        onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])}
      />
      <div class="row">
        <button type="button" id="rule-set-import-button" disabled={locked} onClick={() => importText(input)}>
          {t('options_import')}
        </button>
        <button
          type="button"
          class="secondary"
          id="rule-set-remove-button"
          disabled={locked}
          onClick={() => void submit(undefined)}
        >
          {t('options_importRemove')}
        </button>
      </div>
      {outcome && (
        <div
          class={`result ${outcome.ok === false ? 'error' : 'ok'}`}
          role={outcome.ok === false ? 'alert' : 'status'}
          id="rule-set-outcome"
        >
          <p style="margin:0">{outcome.text}</p>
          {outcome.ok === false && <RuleErrorList errors={outcome.errors} />}
        </div>
      )}
    </section>
  );
}
