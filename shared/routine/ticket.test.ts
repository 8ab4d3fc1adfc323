import { describe, expect, it } from 'vitest';
import { ticketRemarks, ticketVisitNotice } from './ticket';

const right = {
  resource: 'Sjuksköterska',
  administrative: false,
  reason: 'Hosta',
  validUntil: '2024-06-10',
  anamnesis: 'Hosta i 3 v',
  chatClosed: true,
};
const fields = (f: Parameters<typeof ticketRemarks>[0]) => ticketRemarks(f).map((r) => [r.field, r.kind]);

describe('R-T-1: Boka biljett', () => {
  it('R-T-1: a complete ticket to Sjuksköterska with the chat closed → nothing to say', () => {
    expect(ticketRemarks(right)).toEqual([]);
  });
  it('R-T-1: another resource is wrong, naming the right one; administrative tickets go to Medicinsk admin', () => {
    expect(fields({ ...right, resource: 'Läkare' })).toEqual([['resource', 'wrong']]);
    expect(ticketRemarks({ ...right, resource: 'Läkare' })[0]!.text).toContain('ska vara Sjuksköterska');
    expect(fields({ ...right, administrative: true, resource: 'Medicinsk admin' })).toEqual([]);
    expect(fields({ ...right, administrative: true })).toEqual([['resource', 'wrong']]);
  });
  it('R-T-1: sökorsak, validity and anamnesis must be filled', () => {
    expect(fields({ ...right, reason: '', validUntil: ' ', anamnesis: '' })).toEqual([
      ['reason', 'todo'],
      ['validUntil', 'todo'],
      ['anamnesis', 'todo'],
    ]);
  });
  it('R-T-1: the chat must be closed before the patient can activate the ticket; unknown is said', () => {
    expect(fields({ ...right, chatClosed: false })).toEqual([['chat', 'todo']]);
    expect(fields({ ...right, chatClosed: null })).toEqual([['chat', 'unknown']]);
  });
  it('R-T-1: unreadable values are unknown, never right', () => {
    expect(fields({ ...right, resource: null, reason: null })).toEqual([
      ['resource', 'unknown'],
      ['reason', 'unknown'],
    ]);
  });
});

describe('R-J-7: a visit that came by a ticket', () => {
  it('R-J-7: says the post-triage answers are notes in Clinic already, not to document twice; the count when read', () => {
    expect(ticketVisitNotice('1177 direkt Uppsala län', 2)).toBe(
      'Besöket kom via biljett från 1177 direkt Uppsala län. Patientens svar på posttriagefrågorna finns som anteckningar i Clinic (2 st): dokumentera dem inte dubbelt i Cosmic (R-J-7).',
    );
    expect(ticketVisitNotice('1177 direkt Uppsala län', null)).toContain('anteckningar i Clinic: dokumentera');
  });
});
