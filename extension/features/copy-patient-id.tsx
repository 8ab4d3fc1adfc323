import { formatForCosmic } from '../../shared/personnummer';
import { type ClinicSnapshot, patientIdAnchor, unknownText } from '../clinic';
import { copyText } from '../lib/clipboard';
import { type CopyFeedback, createCopyButton } from '../lib/copy-button';
import { cosmicPatientFor, saveCosmicPatient } from '../lib/cosmic-patient';
import { t } from '../lib/i18n';
import { handle } from '../lib/messages';
import type { Feature } from './feature';

/** R-ID-1: why the ID cannot be copied, in the clinician's words; null when it can. */
export function refusalFor(snapshot: ClinicSnapshot): string | null {
  const id = snapshot.patient.id;
  if (snapshot.route !== 'visit') return t('copyPatientId_noVisit');
  if (id.known) return null;
  if (id.reason === 'invalid') {
    return t('copyPatientId_invalid', snapshot.patient.idText ?? '', id.detail ?? t('copyPatientId_invalidWhy'));
  }
  return t('copyPatientId_unknown', unknownText(id));
}

const copyPatientId: Feature = {
  id: 'copy-patient-id',
  title: t('copyPatientId_title'),
  rules: ['R-ID-1'],
  init(ctx, signal) {
    let feedback: CopyFeedback = null;
    let feedbackTimer: ReturnType<typeof setTimeout> | undefined;

    const copy = async () => {
      const snapshot = ctx.snapshot();
      const refusal = refusalFor(snapshot);
      if (refusal || !snapshot.patient.id.known) {
        const text = refusal ?? t('copyPatientId_cannot');
        show({ ok: false, text });
        ctx.ui.announce(text, 'assertive');
        return;
      }
      const id = snapshot.patient.id.value;
      const text = formatForCosmic(id.normalized, ctx.rules().cosmicIdFormat);
      if (!(await copyText(text))) {
        show({ ok: false, text: t('copyPatientId_failed') });
        return;
      }
      const name = snapshot.patient.name.known ? snapshot.patient.name.value : null;
      await saveCosmicPatient(await cosmicPatientFor(id.normalized, name, new Date()));
      show({ ok: true, text: t('copyPatientId_copied') });
      ctx.ui.announce(t('copyPatientId_announce'));
    };

    const show = (next: CopyFeedback) => {
      feedback = next;
      clearTimeout(feedbackTimer);
      feedbackTimer = setTimeout(() => {
        feedback = null;
        draw(ctx.snapshot());
      }, 6000);
      draw(ctx.snapshot());
    };

    const button = createCopyButton(() => void copy());
    const draw = (snapshot: ClinicSnapshot) => {
      const place = snapshot.route === 'visit' ? patientIdAnchor(document, ctx.registry()) : null;
      if (!place) return;
      button.draw(ctx.ui.inline('copy-patient-id', place.anchor, place.header), refusalFor(snapshot), feedback);
    };

    handle(
      'copy-patient-id',
      () => {
        void copy();
        return undefined;
      },
      signal,
    );
    ctx.onSnapshot(draw, signal);
    draw(ctx.snapshot());
  },
};

export default copyPatientId;
