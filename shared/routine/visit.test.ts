import { describe, expect, it } from 'vitest';
import {
  COMMUNICATION_PHRASE,
  COMMUNICATION_ROUTINE,
  callReadiness,
  colleagueReminder,
  PATIENT_FEE_PHRASE,
  priorityCheckText,
} from './visit';

describe('the visit routine', () => {
  it('R-Q-2: before the check: the priority and the denied answers in Originalsvar are named; after: confirmed', () => {
    expect(priorityCheckText(3, false)).toContain('prioritet 3 stämmer');
    expect(priorityCheckText(3, false)).toContain('nekade svar i Originalsvar');
    expect(priorityCheckText(3, true)).toBe('Prioritet kontrollerad mot svaren (prioritet 3).');
  });
  it('R-Q-2: an unread priority is "okänd", never a number', () => {
    expect(priorityCheckText(null, false)).toContain('okänd prioritet');
    expect(priorityCheckText(null, true)).not.toMatch(/\d/);
  });
  it('R-V-1: online → calls possible, fee first; offline → not possible; unknown → check', () => {
    expect(callReadiness(true).text).toContain('går att starta');
    expect(callReadiness(false).text).toContain('fungerar inte nu');
    expect(callReadiness(null).text).toContain('kunde inte läsas');
    for (const online of [true, false, null]) expect(callReadiness(online).phrase).toBe(PATIENT_FEE_PHRASE);
    expect(PATIENT_FEE_PHRASE).toContain('patientavgift');
  });
  it('R-V-2: call or refer to the physical clinic, with a phrase for the patient', () => {
    expect(COMMUNICATION_ROUTINE).toMatch(/Ring patienten.*fysiska mottagningen/);
    expect(COMMUNICATION_PHRASE).toContain('ringer upp dig');
  });
  it('R-C-1: every function but closing; the case and the journal stay the inviter’s', () => {
    const base = { owner: 'Sara Sjuksköterska', me: 'Sara Sjuksköterska' };
    const inviter = colleagueReminder({ ...base, invited: ['Lars Läkarsson'], mine: true });
    expect(inviter).toContain('Du har bjudit in Lars Läkarsson');
    expect(inviter).toContain('utom att avsluta');
    expect(inviter).toContain('journalen är fortfarande dina');
    // The guest: the case is someone else's and my name is among the invited.
    const guest = colleagueReminder({
      invited: ['sara  sjuksköterska'],
      mine: false,
      owner: 'Lars Läkarsson',
      me: 'Sara Sjuksköterska',
    });
    expect(guest).toContain('Du är inbjuden');
    expect(guest).toContain('utom att avsluta');
    expect(guest).toContain('Lars Läkarsson är fortsatt ansvarig');
    // Whose case it is unreadable: neither "dina" nor "Du är inbjuden".
    const unread = colleagueReminder({ invited: ['Lars Läkarsson'], mine: null, owner: null, me: null });
    expect(unread).toContain('stannar hos den som bjöd in');
    expect(unread).not.toContain('dina');
    // Nobody invited: nothing to say.
    expect(colleagueReminder({ ...base, invited: [], mine: true })).toBeNull();
  });
});
