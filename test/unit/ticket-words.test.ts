import { describe, expect, it } from 'vitest';
import { remarkWords, ticketVisitWords, vidimeringWords } from '../../extension/lib/ticket-words';
import {
  type TicketFacts,
  type TicketRemarkId,
  ticketRemarks,
  ticketVisitNotice,
  VIDIMERING_TEXT,
} from '../../shared/routine/ticket';

/**
 * Issue 14: the ticket remarks (R-T-1), the unused ticket (R-T-2) and the ticket visit (R-J-7)
 * are worded by the extension in the browser's language. In Swedish they must say exactly what
 * shared/ says, for every remark the rules can give.
 */
function* everyFacts(): Generator<TicketFacts> {
  const texts = [undefined, null, '', 'Hosta'];
  for (const resource of [null, 'Sjuksköterska', 'Medicinsk admin', 'Läkare'])
    for (const administrative of [true, false, null])
      for (const reason of texts)
        for (const validUntil of texts)
          for (const anamnesis of texts)
            for (const chatClosed of [true, false, null])
              yield { resource, administrative, reason, validUntil, anamnesis, chatClosed };
}

describe('the ticket words', () => {
  it('say every remark in Swedish exactly as shared/ does', () => {
    const seen = new Set<TicketRemarkId>();
    for (const facts of everyFacts())
      for (const remark of ticketRemarks(facts)) {
        seen.add(remark.id);
        expect(remarkWords(remark), remark.id).toBe(remark.text);
      }
    expect(seen.size).toBe(10);
  });

  it('say the ticket visit and the unused ticket in Swedish exactly as shared/ does', () => {
    for (const notes of [null, 0, 1, 4])
      expect(ticketVisitWords('1177 på telefon', notes)).toBe(ticketVisitNotice('1177 på telefon', notes));
    for (const status of ['pending', 'done', 'unknown'] as const)
      expect(vidimeringWords(status)).toBe(VIDIMERING_TEXT[status]);
  });
});
