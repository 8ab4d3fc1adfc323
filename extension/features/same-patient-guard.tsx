import type { ClinicSnapshot } from '../clinic';
import { identityHash, loadCosmicPatient, onCosmicPatientChanged } from '../lib/cosmic-patient';
import type { CosmicPatient } from '../lib/cosmic-patient-record';
import { t } from '../lib/i18n';
import type { Feature } from './feature';

/** R-ID-2: how the visit in view relates to the patient last copied for Cosmic. */
export type GuardState = 'nothing-copied' | 'no-visit' | 'same' | 'other' | 'visit-unknown';

/** What the clinician must do (the danger bar and the side panel say it alike). */
export const otherPatientAdvice = (): string => t('samePatient_otherPatient');

/** The side panel's card (views/same-patient-guard.tsx): masked number and initials only. */
export interface SamePatientModel {
  cosmic: Pick<CosmicPatient, 'masked' | 'initials'> | null;
  state: GuardState;
}

const samePatientGuard: Feature = {
  id: 'same-patient-guard',
  title: t('samePatient_title'),
  rules: ['R-ID-2'],
  async init(ctx, signal) {
    let cosmic = await loadCosmicPatient();
    let lastState: GuardState | null = null;
    const hashes = new Map<string, string>();

    const stateFor = async (snapshot: ClinicSnapshot): Promise<GuardState> => {
      if (!cosmic) return 'nothing-copied';
      if (snapshot.route !== 'visit') return 'no-visit';
      const id = snapshot.patient.id;
      if (!id.known) return 'visit-unknown';
      let hash = hashes.get(id.value.normalized);
      if (!hash) {
        hash = await identityHash(id.value.normalized);
        hashes.set(id.value.normalized, hash);
      }
      return hash === cosmic.idHash ? 'same' : 'other';
    };

    let drawing = Promise.resolve();
    const draw = () => {
      // Serialised, so a slow hash never paints an older state over a newer one.
      drawing = drawing.then(async () => {
        const state = await stateFor(ctx.snapshot());
        if (signal.aborted) return;
        ctx.panel.show({
          cosmic: cosmic && { masked: cosmic.masked, initials: cosmic.initials },
          state,
        } satisfies SamePatientModel);
        const visitKey = ctx.snapshot().visitKey;
        ctx.ui.alarm(
          'same-patient-guard',
          state === 'other' && cosmic
            ? [
                {
                  key: `other:${visitKey}:${cosmic.idHash}`,
                  title: t('samePatient_otherTitle'),
                  detail: otherPatientAdvice(),
                },
              ]
            : null,
        );
        if (state === 'other' && lastState !== 'other') {
          ctx.ui.announce(t('samePatient_announce'), 'assertive');
        }
        lastState = state;
      });
    };

    onCosmicPatientChanged((next) => {
      // Shift end drops the key with the patient (R-S-2): hashes made with the old key are void.
      if (!next) hashes.clear();
      cosmic = next;
      draw();
    }, signal);
    ctx.onSnapshot(draw, signal);
    draw();
  },
};

export default samePatientGuard;
