import { describe, expect, it } from 'vitest';
import { splitRuleIds } from '../../extension/lib/rule-ref';

describe('splitRuleIds: rule IDs out of the sentence, kept for the "Regel" toggle (issue 14)', () => {
  it.each([
    [
      'Inga aviseringar om kön: inget pågående skift (R-S-4).',
      'Inga aviseringar om kön: inget pågående skift.',
      ['R-S-4'],
    ],
    ['Håll koll på väntetiderna (R-Q-1, R-S-4).', 'Håll koll på väntetiderna.', ['R-Q-1', 'R-S-4']],
    ['Berätta för patienten (R-HO-2):', 'Berätta för patienten:', ['R-HO-2']],
    ['R-NR-1: Svarstiden har gått ut', 'Svarstiden har gått ut', ['R-NR-1']],
    ['Tiderna följer reglerna (R-NR-1–R-NR-4).', 'Tiderna följer reglerna.', ['R-NR-1', 'R-NR-4']],
    ['Ta emot (R-Q-1). Högst prioritet först (R-Q-1).', 'Ta emot. Högst prioritet först.', ['R-Q-1']],
    ['Inget att se här', 'Inget att se här', []],
    ['Prio (1–2) gäller', 'Prio (1–2) gäller', []],
  ])('%s', (input, text, ids) => {
    expect(splitRuleIds(input)).toEqual({ text, ids });
  });
});
