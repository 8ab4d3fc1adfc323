import { describe, expect, it } from 'vitest';
import { adviceWords, pendingHandoverWords, pendingListWords } from '../../extension/lib/handover-words';
import { handoverAdvice, pendingHandoverText, pendingListText, type Receiver } from '../../shared/routine/handover';

/**
 * Issue 14: the handover advice (R-HO-1..3) is worded by the extension in the browser's language.
 * In Swedish it must say exactly what shared/ says, in every case.
 */
const phrases = { handoverNotice: 'Jag lämnar över ditt ärende.', pauseNotice: 'Ditt ärende pausas.' };

describe('the handover words', () => {
  it('say the advice in Swedish exactly as shared/ does, for every kind of receiver', () => {
    const receivers: (Receiver | null)[] = [
      null,
      { kind: 'role', name: 'Sjuksköterska' },
      { kind: 'person', name: 'Anna A' },
    ];
    for (const receiver of receivers) {
      const advice = handoverAdvice(receiver, phrases);
      expect(adviceWords(advice, receiver), JSON.stringify(receiver)).toEqual(advice);
    }
  });

  it('say a waiting handover in Swedish exactly as shared/ does', () => {
    for (const mine of [true, false, null])
      for (const owner of [null, 'Bo B'])
        expect(pendingHandoverWords('Sjuksköterska', mine, owner), `${mine} ${owner}`).toBe(
          pendingHandoverText('Sjuksköterska', mine, owner),
        );
    for (const count of [1, 2, 7]) expect(pendingListWords(count)).toBe(pendingListText(count));
  });
});
