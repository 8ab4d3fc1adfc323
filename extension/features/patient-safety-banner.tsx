import { parseIsoTime } from '../../shared/iso-time';
import { findPatientSafety, type SafetyFindings } from '../../shared/patient-safety-findings';
import type { ClinicSnapshot } from '../clinic';
import { t } from '../lib/i18n';
import { alertWords } from '../lib/safety-words';
import { loadVisit, updateVisit, visitStorageKey } from '../lib/visit-store';
import type { Feature } from './feature';

/** A guardian's protection marker, when the adapter reads one (R-GU-3); absent = not read. */
type GuardianMarker = { protectionMarker?: { known: true; value: boolean } | { known: false } };

/**
 * Whether a listed guardian shows a protection marker: true if any does, false only when every
 * guardian's marker was read and none is shown, else null (unknown, never "not protected").
 */
export function guardianMarkerOf(guardians: readonly object[]): boolean | null {
  const markers = guardians.map((g) => (g as GuardianMarker).protectionMarker);
  if (markers.some((m) => m?.known === true && m.value)) return true;
  return markers.every((m) => m?.known === true) ? false : null;
}

/** The facts the banner needs, read from the snapshot; unknown stays unknown (null). */
export function safetyFor(snapshot: ClinicSnapshot, now: Date, routineUrl?: string): SafetyFindings {
  const id = snapshot.patient.id;
  const guardians = snapshot.guardians;
  // The visit's start on the console's (Swedish) clock; unreadable → now, as when unknown.
  const started = snapshot.visitStartedAt.known ? parseIsoTime(snapshot.visitStartedAt.value) : Number.NaN;
  return findPatientSafety(
    {
      identity: id.known ? { kind: id.value.kind, birthDate: id.value.birthDate } : null,
      guardianInitiated: guardians.known ? guardians.value.some((g) => g.responsible) : null,
      guardianProtectionMarker: guardians.known ? guardianMarkerOf(guardians.value) : null,
      protectionMarker: snapshot.patient.protectionMarker.known ? snapshot.patient.protectionMarker.value : null,
      at: Number.isNaN(started) ? now : new Date(started),
    },
    routineUrl,
  );
}

/** The side panel's card (views/patient-safety-banner.tsx). */
export interface PatientSafetyModel {
  result: SafetyFindings;
  checked: Record<string, boolean>;
  /** The visit's stored checks have been read (tests wait for it before asserting "unchecked"). */
  loaded: boolean;
}

const patientSafetyBanner: Feature = {
  id: 'patient-safety-banner',
  title: t('patientSafetyBanner_title'),
  rules: ['R-GU-3', 'R-GU-4', 'R-GU-5', 'R-GU-6', 'R-PI-1', 'R-PI-2'],
  init(ctx, signal) {
    let visitKey: string | null = null;
    let storageKey: string | null = null;
    let checked: Record<string, boolean> = {};
    let loaded = false;
    let announced = new Set<string>();

    const onToggle = (id: string, value: boolean) => {
      checked = { ...checked, [id]: value };
      draw(ctx.snapshot());
      if (storageKey) void updateVisit(storageKey, (r) => ({ ...r, checks: { ...r.checks, [id]: value } }));
    };

    const draw = (snapshot: ClinicSnapshot) => {
      if (signal.aborted) return;
      if (snapshot.route !== 'visit' || !snapshot.visitKey) {
        ctx.panel.show(null);
        ctx.ui.alarm('patient-safety-banner', null);
        return;
      }
      if (snapshot.visitKey !== visitKey) {
        visitKey = snapshot.visitKey;
        checked = {};
        loaded = false;
        announced = new Set();
        void loadChecks(snapshot.visitKey);
      }
      const routine = ctx.rules().protectedIdentity.routine;
      const result = safetyFor(snapshot, ctx.now(), routine.placeholder ? undefined : routine.url);
      ctx.panel.show({ result, checked, loaded } satisfies PatientSafetyModel);
      // The gravest (protected identity, R-PI-1/R-GU-3) also on the page: the danger bar.
      ctx.ui.alarm(
        'patient-safety-banner',
        result.alerts
          .filter((a) => a.level === 'danger')
          .map((a) => ({ key: `${snapshot.visitKey}:${a.ruleId}:${a.id}`, ...alertWords(a) })),
      );
      for (const alert of result.alerts) {
        const key = `${alert.ruleId}:${alert.id}`;
        if (alert.level === 'danger' && !announced.has(key)) {
          announced.add(key);
          const { title, detail } = alertWords(alert);
          ctx.ui.announce(`${title}. ${detail}`, 'assertive');
        }
      }
    };

    const loadChecks = async (key: string) => {
      storageKey = await visitStorageKey(key);
      const record = await loadVisit(storageKey);
      if (key !== visitKey) return;
      checked = { ...(record?.checks ?? {}), ...checked };
      loaded = true;
      draw(ctx.snapshot());
    };

    ctx.panel.onAction((action, data) => {
      const toggle = data as { id?: unknown; value?: unknown } | undefined;
      if (action === 'toggle' && typeof toggle?.id === 'string' && typeof toggle.value === 'boolean')
        onToggle(toggle.id, toggle.value);
    }, signal);
    ctx.onSnapshot(draw, signal);
    draw(ctx.snapshot());
  },
};

export default patientSafetyBanner;
