import { otherPatientAdvice, type SamePatientModel } from '../../../features/same-patient-guard';
import { t } from '../../../lib/i18n';
import { defineView } from './view';

/** R-ID-2: who Cosmic was last given, and whether that is this visit's patient. */
export default defineView<SamePatientModel>('same-patient-guard', ({ model: { cosmic, state } }) => {
  const who = cosmic ? `${cosmic.masked} (${cosmic.initials})` : t('samePatient_nobody');
  const tone = state === 'other' ? 'warning' : state === 'same' ? 'match' : '';
  return (
    <section class="card" aria-label={t('samePatient_cardLabel')}>
      <span class={`chip ${tone}`}>{t('samePatient_inCosmic', who)}</span>
      {state === 'other' && (
        <p class="alert warning" role="alert">
          <strong>{t('samePatient_otherTitle')}</strong>
          {otherPatientAdvice()}
        </p>
      )}
      {state === 'same' && <p>{t('samePatient_same')}</p>}
      {state === 'visit-unknown' && cosmic && <p class="alert warning">{t('samePatient_visitUnknown')}</p>}
    </section>
  );
});
