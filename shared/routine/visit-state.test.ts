import { describe, expect, it } from 'vitest';
import { acceptReminder, asyncChoiceText, asyncFollowUpText } from './visit-state';

describe('accepting and closing', () => {
  it('R-Q-3: a waiting visit reminds to accept (colleagues, SMS); any other or unknown state says nothing', () => {
    expect(acceptReminder('waiting')).toMatch(/Ta emot.*kollegorna.*SMS/);
    for (const s of ['accepted', 'ongoing', 'closed', null] as const) expect(acceptReminder(s)).toBeNull();
  });
  it('R-A-1: the default is named and not taken as chosen; a change is', () => {
    expect(asyncChoiceText('3 dygn', false)).toEqual({
      text: expect.stringContaining('Förvalt: 3 dygn. Välj medvetet'),
      done: false,
    });
    expect(asyncChoiceText('7 dygn', true)).toEqual({ text: 'Vald asynkron period: 7 dygn (R-A-1).', done: true });
  });
  it('R-A-1: an unreadable choice is never "chosen"', () => {
    expect(asyncChoiceText(null, true).done).toBe(false);
  });
  it('R-A-1: an answer in the asynchronous phase → answer, then Markera som klar; done → Kräver ingen åtgärd; unknown said', () => {
    expect(asyncFollowUpText('answered')).toEqual({ text: expect.stringContaining('Markera som klar'), done: false });
    expect(asyncFollowUpText('done')).toEqual({ text: expect.stringContaining('Kräver ingen åtgärd'), done: true });
    expect(asyncFollowUpText(null)).toEqual({ text: expect.stringContaining('kunde inte läsas'), done: false });
  });
});
