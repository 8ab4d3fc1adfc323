import { describe, expect, it } from 'vitest';
import {
  acceptWords,
  asyncChoiceWords,
  asyncFollowUpWords,
  callWords,
  colleagueWords,
  communicationWords,
  freshnessWords,
  priorityCheckWords,
  settingsWords,
} from '../../extension/lib/routine-words';
import { freshness } from '../../shared/routine/date-filter';
import { type SettingsFacts, settingsRemarks } from '../../shared/routine/settings';
import {
  COMMUNICATION_ROUTINE,
  type ColleagueView,
  callReadiness,
  colleagueReminder,
  priorityCheckText,
} from '../../shared/routine/visit';
import { acceptReminder, asyncChoiceText, asyncFollowUpText } from '../../shared/routine/visit-state';

/**
 * Issue 14: the visit routine's texts are worded by the extension in the browser's language. In
 * Swedish they must say exactly what shared/routine decides, for every case it can give.
 */
const maybe = [true, false, null] as const;

describe('the visit-routine words', () => {
  it('say the priority check, call readiness and communication advice exactly as shared/ does', () => {
    for (const priority of [null, 1, 3])
      for (const checked of [true, false])
        expect(priorityCheckWords(priority, checked)).toBe(priorityCheckText(priority, checked));
    for (const online of maybe) expect(callWords(callReadiness(online))).toBe(callReadiness(online).text);
    expect(communicationWords()).toBe(COMMUNICATION_ROUTINE);
  });

  it('say every colleague reminder exactly as shared/ does', () => {
    const names = [[], ['Anna Läkare'], ['Anna Läkare', 'Bo Sköterska']];
    for (const invited of names)
      for (const mine of maybe)
        for (const owner of [null, '', 'Cecilia Ägare'])
          for (const me of [null, 'anna  läkare', 'Dan Annan']) {
            const view: ColleagueView = { invited, mine, owner, me };
            expect(colleagueWords(view)).toBe(colleagueReminder(view));
          }
  });

  it('say every settings remark exactly as shared/ does', () => {
    const values = [undefined, null, '', '  ', 'x'] as const;
    const shifts = [undefined, null, '', 'Bakjour', 'Primärjour'] as const;
    let count = 0;
    for (const shiftType of shifts)
      for (const v of values)
        for (const b of [undefined, ...maybe]) {
          const facts: SettingsFacts = {
            shiftType,
            loadBalancer: b,
            firstName: v,
            lastName: v,
            title: v,
            mobile: v,
            cameraTested: b,
            soundTested: b,
          };
          for (const r of settingsRemarks(facts)) {
            expect(settingsWords(r), `${r.field} ${r.kind}`).toBe(r.text);
            count++;
          }
        }
    expect(count).toBeGreaterThan(0);
  });

  it('say the freshness, accept reminder and asynchronous lines exactly as shared/ does', () => {
    for (const minutes of [0, 3, 5, 42]) {
      const f = freshness(0, minutes * 60_000);
      expect(freshnessWords(f.minutes, f.stale)).toBe(f.text);
    }
    for (const state of ['waiting', 'accepted', 'ongoing', 'closed', null] as const)
      expect(acceptWords(state)).toBe(acceptReminder(state));
    for (const choice of [null, '3 dygn'])
      for (const touched of [true, false])
        expect(asyncChoiceWords(choice, touched)).toBe(asyncChoiceText(choice, touched).text);
    for (const state of ['answered', 'done', null] as const)
      expect(asyncFollowUpWords(state)).toBe(asyncFollowUpText(state).text);
  });
});
