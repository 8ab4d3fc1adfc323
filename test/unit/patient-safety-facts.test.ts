import { describe, expect, it } from 'vitest';
import { known, unknown } from '../../extension/clinic';
import { guardianMarkerOf } from '../../extension/features/patient-safety-banner';

/** The banner's reading of the guardians' protection markers (R-GU-3): unknown stays unknown. */
describe('guardianMarkerOf (R-GU-3)', () => {
  const g = (protectionMarker?: ReturnType<typeof known<boolean>>) => ({
    name: 'X',
    responsible: true,
    protectionMarker,
  });

  it('R-GU-3: a marker on any listed guardian → true, even if another is unreadable', () => {
    expect(guardianMarkerOf([g(known(false)), g(known(true))])).toBe(true);
    expect(guardianMarkerOf([g(unknown('missing')), g(known(true))])).toBe(true);
  });

  it('R-GU-3: false only when every marker was read and none is shown ("no marker seen")', () => {
    expect(guardianMarkerOf([g(known(false)), g(known(false))])).toBe(false);
  });

  it('R-GU-3: an unreadable marker, or an adapter that reads none, is unknown (null), never "not protected"', () => {
    expect(guardianMarkerOf([g(known(false)), g(unknown('ambiguous'))])).toBeNull();
    expect(guardianMarkerOf([{ name: 'X', responsible: true }])).toBeNull();
  });
});
