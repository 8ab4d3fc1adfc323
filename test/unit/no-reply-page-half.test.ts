import { describe, expect, it } from 'vitest';
import { localeMessages } from '../fixtures/words';
import { bundle } from './bundle-graph';

/**
 * Issue 14: the no-reply timer's page half reads and acts on the page; its rules (R-NR-1..5) are
 * applied in the side panel and the background. The content script must carry none of the chip's
 * wording or reading: the side panel's card has them (what proves the strings are looked for
 * where they are).
 */
/**
 * From the reading (shared/no-reply.ts), the chip's line and state words (lib/no-reply-timers.ts,
 * no-reply-chip.ts) and what a press did (lib/no-reply-feedback.ts). The extension's own words
 * live in _locales (issue 14): a bundle carries their message keys, so the key is looked for.
 */
const WORDED_IN_THE_SIDE_PANEL: [words: string, key?: string][] = [
  ['kontaktförsök via chatt gjorda'],
  ['Patienten har fått besked att svara inom'],
  ['Skicka påminnelse om svarstid', 'noReply_chipNoticeDue'],
  ['telefon krävs', 'noReply_chipPhoneNeeded'],
  ['Infoga meddelandet om svarstid', 'noReply_insertNotice'],
  ['Chattrutan är låst', 'noReply_composerLocked'],
  ['Telefonförsöket kunde inte registreras', 'noReply_phoneFailed'],
];
const swedish = localeMessages('sv');

describe('the no-reply chip is worded in the side panel, not in the page', () => {
  it('the content script has no chip model, no reading and none of its words; the side panel’s card has them', async () => {
    const [page, panel] = await Promise.all([
      bundle('extension/entrypoints/clinic.content/index.ts'),
      bundle('extension/entrypoints/sidepanel/views/no-reply-timer.tsx'),
    ]);
    expect(page.inputs.some((f) => f.includes('extension/features/no-reply-timer'))).toBe(true);
    expect(page.inputs.filter((f) => /lib\/no-reply-(model|chip|actions|feedback)\.ts$/.test(f))).toEqual([]);
    for (const [words, key] of WORDED_IN_THE_SIDE_PANEL) {
      if (key) expect(swedish[key]?.message, key).toContain(words);
      const found = key ?? words;
      expect(panel.text, words).toContain(found);
      expect(page.text, words).not.toContain(found);
    }
  });
});
