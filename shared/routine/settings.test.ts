import { describe, expect, it } from 'vitest';
import { REQUIRED_SHIFT_TYPE, settingsRemarks } from './settings';

const right = {
  shiftType: 'Primärjour',
  loadBalancer: false,
  firstName: 'Sara',
  lastName: 'Sjuksköterska',
  title: 'Sjuksköterska',
  mobile: '070-000 00 00',
  cameraTested: true,
  soundTested: true,
};
const fields = (facts: Parameters<typeof settingsRemarks>[0]) => settingsRemarks(facts).map((r) => [r.field, r.kind]);

describe('R-S-1: first login and Inställningar', () => {
  it('R-S-1: all right → nothing to say; nothing on the page → nothing judged', () => {
    expect(settingsRemarks(right)).toEqual([]);
    expect(settingsRemarks({})).toEqual([]);
  });
  it(`R-S-1: the shift type must be ${REQUIRED_SHIFT_TYPE}; another or none is pointed at with the current value`, () => {
    for (const other of ['Sekundärjour', 'Bakjour', 'Koordinator', '', ' ']) {
      const remarks = settingsRemarks({ ...right, shiftType: other });
      expect(remarks.map((r) => [r.field, r.kind])).toEqual([['shiftType', 'wrong']]);
      expect(remarks[0]!.text).toContain(other.trim() ? `nu: ${other}` : 'ingen vald');
    }
  });
  it('R-S-1: the load balancer on is wrong, off is right', () => {
    expect(fields({ ...right, loadBalancer: true })).toEqual([['loadBalancer', 'wrong']]);
    expect(settingsRemarks({ ...right, loadBalancer: true })[0]!.text).toContain('avstängd');
  });
  it('R-S-1: first name, last name and title are shown to the patient: each empty one is pointed at', () => {
    expect(fields({ ...right, firstName: '', title: '  ' })).toEqual([
      ['firstName', 'wrong'],
      ['title', 'wrong'],
    ]);
    expect(settingsRemarks({ ...right, lastName: '' })[0]!.text).toContain('visas för patienten');
  });
  it('R-S-1: no mobile number is advice (only if SMS is wanted), not an error', () => {
    expect(fields({ ...right, mobile: '' })).toEqual([['mobile', 'advice']]);
  });
  it('R-S-1: camera and sound untested are pointed at', () => {
    expect(fields({ ...right, cameraTested: false, soundTested: false })).toEqual([
      ['camera', 'wrong'],
      ['sound', 'wrong'],
    ]);
  });
  it('R-S-1: an unreadable value is unknown, never right or wrong', () => {
    const all = settingsRemarks({
      shiftType: null,
      loadBalancer: null,
      firstName: null,
      lastName: null,
      title: null,
      mobile: null,
      cameraTested: null,
      soundTested: null,
    });
    expect(all).toHaveLength(8);
    expect(all.every((r) => r.kind === 'unknown' && r.text.includes('okänt'))).toBe(true);
  });
});
