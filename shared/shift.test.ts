import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from './rules/default';
import {
  type CardPresence,
  cardPulledDuringShift,
  endShiftChecklist,
  notificationsNotice,
  notificationsText,
  type ShiftState,
  sameClinician,
} from './shift';

const SHIFTS: ShiftState[] = ['ongoing', 'none', 'unknown'];
const CARDS: CardPresence[] = ['present', 'absent', 'unknown'];
const phrases = defaultRuleSet.phrases;

describe('R-S-2: the card pulled during a shift', () => {
  it('R-S-2: warns only for a known ongoing shift and a known empty reader (every combination)', () => {
    for (const shift of SHIFTS) {
      for (const card of CARDS) {
        expect(cardPulledDuringShift(shift, card), `${shift}/${card}`).toBe(shift === 'ongoing' && card === 'absent');
      }
    }
  });
});

describe('R-S-2: someone else’s card', () => {
  it('R-S-2: the same person in any word order, case or with a middle name on the card', () => {
    expect(sameClinician('Åsa Öberg-Testläkare', 'Åsa Öberg-Testläkare')).toBe('same');
    expect(sameClinician('ÅSA ÖBERG-TESTLÄKARE', 'åsa öberg-testläkare')).toBe('same');
    expect(sameClinician('Åsa Maria Öberg-Testläkare', 'Åsa Öberg-Testläkare')).toBe('same');
    expect(sameClinician('Öberg-Testläkare, Åsa', 'Åsa Öberg-Testläkare')).toBe('same');
  });
  it('R-S-2: a different person is "different"', () => {
    expect(sameClinician('Åsa Öberg-Testläkare', 'Sara Sjuksköterska')).toBe('different');
    expect(sameClinician('Åsa Öberg', 'Åsa Öberg-Testläkare')).toBe('different');
  });
  it('R-S-2: an unread name is unknown, never a warning', () => {
    for (const [a, b] of [
      [null, 'Sara Sjuksköterska'],
      ['Åsa Öberg', null],
      ['  ', 'Sara'],
      ['Sara', ''],
      [null, null],
    ] as const) {
      expect(sameClinician(a, b)).toBe('unknown');
    }
  });
});

describe('R-S-3: the checklist before "Avsluta skift"', () => {
  it('R-S-3: open own cases are listed, with the handover/pause phrases and the urgent advice', () => {
    const items = endShiftChecklist({ ownOpenCases: ['Anna', 'Bertil'], waitingDropIn: 3, phrases });
    expect(items[0]).toMatchObject({ done: false, details: ['Anna', 'Bertil'] });
    expect(items[0]!.text).toContain('2 egna ärenden');
    expect(items[1]).toMatchObject({ done: false });
    expect(items[1]!.text).toContain('3 ärenden väntar i Drop in');
    const phrasesShown = items.flatMap((i) => i.details);
    expect(phrasesShown).toContain(phrases.handoverNotice);
    expect(phrasesShown).toContain(phrases.pauseNotice);
    expect(phrasesShown).toContain(phrases.urgentAdvice);
    expect(items.every((i) => i.rule === 'R-S-3')).toBe(true);
  });
  it('R-S-3: nothing open and nothing waiting → all done, no phrases', () => {
    const items = endShiftChecklist({ ownOpenCases: [], waitingDropIn: 0, phrases });
    expect(items.map((i) => i.done)).toEqual([true, true]);
  });
  it('R-S-3: unread lists are unknown, never "inga ärenden", and the phrases are still offered', () => {
    const items = endShiftChecklist({ ownOpenCases: null, waitingDropIn: null, phrases });
    expect(items[0]!.done).toBeNull();
    expect(items[0]!.text).toContain('okänt');
    expect(items[1]!.done).toBeNull();
    expect(items.map((i) => i.text).join(' ')).not.toMatch(/Inga (egna )?ärenden/);
    expect(items.flatMap((i) => i.details)).toContain(phrases.urgentAdvice);
  });
});

describe('R-S-4: which SMS notifications come', () => {
  it('R-S-4: logged out with a shift → every notification still comes', () => {
    const n = notificationsNotice(false, 'ongoing')!;
    expect(n.notGet).toEqual([]);
    expect(n.get).toEqual(expect.arrayContaining(['nya asynkrona meddelanden', 'nya patienter i kön', 'bokade besök']));
  });
  it('R-S-4: logged in with no shift → only unclosed synchronous cases notify', () => {
    const n = notificationsNotice(true, 'none')!;
    expect(n.get).toEqual(['oavslutade synkrona ärenden (aviserar alltid)']);
    expect(n.notGet).toHaveLength(3);
    expect(notificationsText(n)).toContain('Du får inte SMS om: nya asynkrona meddelanden');
  });
  it('R-S-4: the ordinary cases and anything unknown say nothing', () => {
    expect(notificationsNotice(true, 'ongoing')).toBeNull();
    expect(notificationsNotice(false, 'none')).toBeNull();
    for (const shift of SHIFTS) expect(notificationsNotice(null, shift)).toBeNull();
    expect(notificationsNotice(true, 'unknown')).toBeNull();
    expect(notificationsNotice(false, 'unknown')).toBeNull();
  });
});
