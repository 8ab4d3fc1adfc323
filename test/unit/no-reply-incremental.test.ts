import { describe, expect, it } from 'vitest';
import type { ChatMessage, ClinicSnapshot } from '../../extension/clinic';
import { SELECTORS } from '../../extension/clinic/selectors';
import { noticePhraseOf } from '../../extension/lib/no-reply-chat';
import { pageFactsOf, pageFactsReader } from '../../extension/lib/no-reply-page';
import { defaultRuleSet } from '../../shared/rules/default';
import { prng as random } from '../fixtures/prng';

/**
 * Issue 16: a message arriving in a long visit is read alone — the no-reply reading of the page
 * follows what was appended — and reads exactly as the whole chat read afresh (R-NR-1..R-NR-3).
 */
const T0 = Date.parse('2024-06-03T07:00:00.000Z');
const NOTICE = noticePhraseOf(defaultRuleSet);

function randomMessage(next: () => number, minute: number): ChatMessage {
  const roll = next();
  const at = next() < 0.03 ? null : new Date(T0 + Math.floor(minute + next() * 3) * 60_000).toISOString();
  if (roll < 0.4) return { author: 'patient', at, text: 'Jag har ont.', images: 0 };
  if (roll < 0.6) return { author: 'clinician', at, text: 'Hur länge har det hållit på?', images: 0 };
  if (roll < 0.7) return { author: 'clinician', at, text: NOTICE, images: 0 };
  if (roll < 0.78) return { author: 'system', at, text: 'Telefonsamtal 2 min', images: 0 };
  if (roll < 0.84) return { author: 'system', at, text: 'Besöket har avslutats', images: 0 };
  return { author: 'unknown', at, text: 'Hej', images: 0 };
}

const snapshotOf = (messages: ChatMessage[] | null): ClinicSnapshot =>
  ({
    chat: messages ? { known: true, value: messages } : { known: false, reason: 'missing' },
    priority: { known: true, value: 2 },
    visitState: { known: true, value: 'ongoing' },
  }) as unknown as ClinicSnapshot;

describe('the no-reply page reading follows appended messages (issue 16)', () => {
  it('reads as the whole chat read afresh, over 300 random visits of appends, edits, removals and new visits', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const read = pageFactsReader();
      let chat: ChatMessage[] = [];
      let minute = 0;
      const later = () => {
        minute += next() * 20;
        return randomMessage(next, minute);
      };
      for (let step = 0; step < 40; step++) {
        const roll = next();
        if (roll < 0.7) {
          // New messages: the adapter keeps every earlier message as the same object.
          const count = 1 + Math.floor(next() * 4);
          chat = [...chat, ...Array.from({ length: count }, later)];
        } else if (roll < 0.8 && chat.length > 0) {
          // A message changed on the page: a new object in its place.
          const i = Math.floor(next() * chat.length);
          chat = chat.map((m, j) => (j === i ? { ...m, text: NOTICE, author: 'clinician' } : m));
        } else if (roll < 0.87 && chat.length > 0) {
          chat = chat.slice(0, -1);
        } else if (roll < 0.94) {
          chat = Array.from({ length: Math.floor(next() * 6) }, later);
        } else {
          expect(read(snapshotOf(null), defaultRuleSet, SELECTORS).events).toEqual([]);
          continue;
        }
        const whole = pageFactsOf(snapshotOf(chat), defaultRuleSet, SELECTORS);
        expect(read(snapshotOf(chat), defaultRuleSet, SELECTORS), `seed ${seed}, step ${step}`).toEqual(whole);
      }
    }
  });

  it('other rules (another notice phrase) read the whole chat again', () => {
    const read = pageFactsReader();
    const chat = [
      { author: 'patient', at: new Date(T0).toISOString(), text: 'Hej', images: 0 },
      { author: 'clinician', at: new Date(T0 + 60_000).toISOString(), text: 'Svara inom en timme.', images: 0 },
    ] as ChatMessage[];
    read(snapshotOf(chat), defaultRuleSet, SELECTORS);
    const rules = { ...defaultRuleSet, phrases: { ...defaultRuleSet.phrases, noReplyNotice: 'Svara inom en timme.' } };
    expect(read(snapshotOf(chat), rules, SELECTORS)).toEqual(pageFactsOf(snapshotOf(chat), rules, SELECTORS));
  });
});
