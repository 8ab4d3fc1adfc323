import { describe, expect, it } from 'vitest';
import { bundle } from './bundle-graph';

/**
 * Issue 14: the no-reply timer's page half reads and acts on the page; its rules (R-NR-1..5) are
 * applied in the side panel and the background. The content script must carry none of the chip's
 * wording or reading: the side panel's card has them (what proves the strings are looked for
 * where they are).
 */
/**
 * From the reading (shared/no-reply.ts), the chip's line and state words (lib/no-reply-timers.ts,
 * no-reply-chip.ts) and what a press did (lib/no-reply-feedback.ts).
 */
const WORDED_IN_THE_SIDE_PANEL = [
  'kontaktförsök via chatt gjorda',
  'Patienten har fått besked att svara inom',
  'Skicka påminnelse om svarstid',
  'telefon krävs',
  'Infoga meddelandet om svarstid',
  'Chattrutan är låst',
  'Telefonförsöket kunde inte registreras',
];

describe('the no-reply chip is worded in the side panel, not in the page', () => {
  it('the content script has no chip model, no reading and none of its words; the side panel’s card has them', async () => {
    const [page, panel] = await Promise.all([
      bundle('extension/entrypoints/clinic.content/index.ts'),
      bundle('extension/entrypoints/sidepanel/views/no-reply-timer.tsx'),
    ]);
    expect(page.inputs.some((f) => f.includes('extension/features/no-reply-timer'))).toBe(true);
    expect(page.inputs.filter((f) => /lib\/no-reply-(model|chip|actions|feedback)\.ts$/.test(f))).toEqual([]);
    for (const words of WORDED_IN_THE_SIDE_PANEL) {
      expect(panel.text, words).toContain(words);
      expect(page.text, words).not.toContain(words);
    }
  });
});
