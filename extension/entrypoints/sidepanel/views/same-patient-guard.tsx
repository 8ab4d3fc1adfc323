import { OTHER_PATIENT, type SamePatientModel } from '../../../features/same-patient-guard';
import { defineView } from './view';

/** R-ID-2: who Cosmic was last given, and whether that is this visit's patient. */
export default defineView<SamePatientModel>('same-patient-guard', ({ model: { cosmic, state } }) => {
  const who = cosmic ? `${cosmic.masked} (${cosmic.initials})` : 'ingen patient kopierad';
  const tone = state === 'other' ? 'warning' : state === 'same' ? 'match' : '';
  return (
    <section class="card" aria-label="Patient i Cosmic">
      <span class={`chip ${tone}`}>I Cosmic: {who}</span>
      {state === 'other' && (
        <p class="alert warning" role="alert">
          <strong>Annan patient i Cosmic</strong>
          {OTHER_PATIENT}
        </p>
      )}
      {state === 'same' && <p>Samma patient som i detta besök.</p>}
      {state === 'visit-unknown' && cosmic && (
        <p class="alert warning">Kan inte jämföra: besökets personnummer är okänt.</p>
      )}
    </section>
  );
});
