import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../rules/default';
import { handoverAdvice, pendingHandoverText, pendingListText } from './handover';

const phrases = defaultRuleSet.phrases;

describe('handover advice', () => {
  it('R-HO-1: a person as receiver is warned about, naming them; a role is not', () => {
    expect(handoverAdvice({ kind: 'person', name: 'Lars Läkarsson' }, phrases).personWarning).toContain(
      'Lars Läkarsson',
    );
    expect(handoverAdvice({ kind: 'role', name: 'Läkare' }, phrases).personWarning).toBeNull();
  });
  it('R-HO-1: an unread receiver is unknown — neither warned nor passed', () => {
    const advice = handoverAdvice(null, phrases);
    expect(advice.personWarning).toBeNull();
    expect(advice.unknownReceiver).toContain('kunde inte läsas');
    expect(handoverAdvice({ kind: 'role', name: 'Läkare' }, phrases).unknownReceiver).toBeNull();
  });
  it('R-HO-1: the handing-over clinician owns the case until it is accepted', () => {
    expect(handoverAdvice(null, phrases).ownership).toContain('väntar på mottagare');
  });
  it("R-HO-2: the rule set's handover and pause phrases are offered", () => {
    expect(handoverAdvice({ kind: 'role', name: 'Läkare' }, phrases).tellPatient.phrases).toEqual([
      phrases.handoverNotice,
      phrases.pauseNotice,
    ]);
  });
  it('R-HO-3: nobody on duty → close in 1177 direkt and book in Cosmic', () => {
    const text = handoverAdvice({ kind: 'role', name: 'Läkare' }, phrases).nobodyOnDuty;
    expect(text).toContain('avsluta det i 1177 direkt');
    expect(text).toContain('Cosmic');
  });
  it('R-HO-1: a pending handover of mine is still mine; unknown ownership never says "ditt"; another\'s names its owner', () => {
    expect(pendingHandoverText('Läkare', true, 'Sara Sjuksköterska')).toMatch(
      /^Väntar på mottagare – ärendet är ditt tills det tas emot.*Läkare/,
    );
    expect(pendingHandoverText('Läkare', null, null)).not.toContain('ditt');
    expect(pendingHandoverText('Läkare', null, null)).toContain('kunde inte läsas');
    expect(pendingHandoverText('Sjuksköterska', false, 'Lars Läkarsson')).toContain('Lars Läkarsson äger ärendet');
    expect(pendingListText(2)).toContain('2 ärenden');
  });
});
