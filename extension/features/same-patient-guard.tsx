import { render } from 'preact';
import type { ClinicSnapshot } from '../clinic';
import { identityHash, loadCosmicPatient, onCosmicPatientChanged } from '../lib/cosmic-patient';
import type { CosmicPatient } from '../lib/cosmic-patient-record';
import type { Feature } from './feature';

/** R-ID-2: how the visit in view relates to the patient last copied for Cosmic. */
export type GuardState = 'nothing-copied' | 'no-visit' | 'same' | 'other' | 'visit-unknown';

function Chip({ cosmic, state }: { cosmic: CosmicPatient | null; state: GuardState }) {
  const who = cosmic ? `${cosmic.masked} (${cosmic.initials})` : 'ingen patient kopierad';
  const tone = state === 'other' ? 'warning' : state === 'same' ? 'match' : '';
  return (
    <section class="card" aria-label="Patient i Cosmic">
      <span class={`chip ${tone}`}>I Cosmic: {who}</span>
      {state === 'other' && (
        <p class="alert warning" role="alert">
          <strong>Annan patient i Cosmic</strong>
          Cosmic kan visa en annan patient – kopiera denna patients personnummer.
        </p>
      )}
      {state === 'same' && <p>Samma patient som i detta besök.</p>}
      {state === 'visit-unknown' && cosmic && (
        <p class="alert warning">Kan inte jämföra: besökets personnummer är okänt.</p>
      )}
    </section>
  );
}

const samePatientGuard: Feature = {
  id: 'same-patient-guard',
  title: 'Varna när Cosmic kan visa en annan patient',
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
        render(<Chip cosmic={cosmic} state={state} />, ctx.ui.slot('same-patient-guard'));
        if (state === 'other' && lastState !== 'other') {
          ctx.ui.announce('Varning: Cosmic kan visa en annan patient än detta besök.', 'assertive');
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
