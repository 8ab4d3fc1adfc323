/**
 * Rule IDs on demand (issue 14). A clinician reads the advice, not "(R-PI-1)" beside every line;
 * a superuser or a colleague asking "why?" opens the small "Regel" toggle (a native <details>:
 * keyboard-reachable and announced as a collapsed button). One component for every view.
 */

const RULE_ID = /R-[A-Z]+-\d+/g;
/** "(R-Q-1)", "(R-Q-1, R-S-4)", "(R-NR-1–R-NR-4)" inside or at the end of a sentence. */
const IN_PARENS = /\s*\((?:\s*R-[A-Z]+-\d+(?:\s*(?:,|–|-|och|\/)\s*(?:R-[A-Z]+-)?\d+)*\s*)+\)/g;
/** "R-NR-1: Patienten har …" at the start of a reason. */
const PREFIX = /^\s*R-[A-Z]+-\d+:\s*/;

/** A sentence without its rule IDs, and the IDs it named (in order, once each). */
export function splitRuleIds(text: string): { text: string; ids: string[] } {
  const ids: string[] = [];
  const collect = (part: string) => {
    for (const id of part.match(RULE_ID) ?? []) if (!ids.includes(id)) ids.push(id);
    return '';
  };
  const clean = text.replace(PREFIX, collect).replace(IN_PARENS, collect).trim();
  return { text: clean, ids };
}

/** The rule IDs behind a line, shown only when asked for. Nothing when there are none. */
export function RuleRef({ ids }: { ids: readonly (string | null | undefined)[] }) {
  const list = [...new Set(ids.filter((id): id is string => !!id))];
  if (list.length === 0) return null;
  return (
    <details class="rule-ref" data-rules={list.join(' ')}>
      <summary title={`Visa regel: ${list.join(', ')}`}>Regel</summary> <span class="rule-id">{list.join(', ')}</span>
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
