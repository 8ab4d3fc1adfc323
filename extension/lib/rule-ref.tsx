/**
 * Rule IDs on demand (issue 14). A clinician reads the advice, not "(R-PI-1)" beside every line;
 * a superuser or a colleague asking "why?" opens the small "Regel" toggle (a native <details>:
 * keyboard-reachable and announced as a collapsed button). One component for every view.
 */

import { t } from './i18n';
import { splitRuleIds } from './rule-ids';

export { splitRuleIds };

/** The rule IDs behind a line, shown only when asked for. Nothing when there are none. */
export function RuleRef({ ids }: { ids: readonly (string | null | undefined)[] }) {
  const list = [...new Set(ids.filter((id): id is string => !!id))];
  if (list.length === 0) return null;
  return (
    <details class="rule-ref" data-rules={list.join(' ')}>
      <summary title={t('panel_showRule', list.join(', '))}>{t('panel_rule')}</summary>{' '}
      <span class="rule-id">{list.join(', ')}</span>
    </details>
  );
}

/** A sentence that may name rules: its words, then the "Regel" toggle with the IDs. */
export function RuleText({ text, ids = [] }: { text: string; ids?: readonly (string | null | undefined)[] }) {
  const split = splitRuleIds(text);
  return (
    <>
      {split.text} <RuleRef ids={[...ids, ...split.ids]} />
    </>
  );
}
