import { describe, expect, it } from 'vitest';
import { supportWords } from '../../extension/lib/support-words';
import {
  type FeatureRunState,
  type SupportInput,
  SWEDISH_SUPPORT_WORDS,
  supportInfo,
} from '../../shared/routine/support-info';

/**
 * Issue 14: the support report (R-SUP-1) is worded by the extension in the browser's language.
 * In Swedish it must say exactly what shared/ says, in every case: unknown address, bridge
 * version and rule set, nothing read, every feature state.
 */
const states: FeatureRunState[] = ['running', 'not-applicable', 'failed', 'off'];

function* everyInput(): Generator<SupportInput> {
  for (const url of ['https://clinic.example/besok/abc?x=1', 'inte en adress'])
    for (const bridgeVersion of ['0.3.1', null])
      for (const ruleSet of [{ name: 'Regler', version: '1', digest: 'abc' }, null])
        for (const fields of [[], [{ name: 'personnummer', health: 'hittades' }]])
          yield {
            url,
            extensionVersion: '0.2.0',
            bridge: 'ok',
            bridgeVersion,
            ruleSet,
            fields,
            features: states.map((state, i) => ({ id: `f${i}`, state, ...(i === 0 ? { detail: 'sidan läses' } : {}) })),
            at: new Date('2024-06-03T07:00:00Z'),
          };
}

describe('the support report words', () => {
  it('say the report in Swedish exactly as shared/ does, in every case', () => {
    for (const input of everyInput()) expect(supportInfo(input, supportWords())).toBe(supportInfo(input));
  });

  it('word every state and support step shared/ has', () => {
    const words = supportWords();
    expect(words.states).toEqual(SWEDISH_SUPPORT_WORDS.states);
    expect(words.chain).toEqual(SWEDISH_SUPPORT_WORDS.chain);
  });
});
