// A sentence's rule IDs apart from its words (issue 14: rule IDs on demand, lib/rule-ref.tsx). Pure,
// no UI library: the content script uses it for what it reads aloud.

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
