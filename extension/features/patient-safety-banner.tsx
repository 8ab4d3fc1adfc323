import { render } from 'preact';
import { parseIsoTime } from '../../shared/iso-time';
import { evaluatePatientSafety, type SafetyResult } from '../../shared/patient-safety';
import type { ClinicSnapshot } from '../clinic';
import { RuleRef } from '../lib/rule-ref';
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
export function safetyFor(snapshot: ClinicSnapshot, now: Date, routineUrl?: string): SafetyResult {
  const id = snapshot.patient.id;
  const guardians = snapshot.guardians;
  // The visit's start on the console's (Swedish) clock; unreadable → now, as when unknown.
  const started = snapshot.visitStartedAt.known ? parseIsoTime(snapshot.visitStartedAt.value) : Number.NaN;
  return evaluatePatientSafety(
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

function Banner({
  result,
  checked,
  loaded,
  onToggle,
}: {
  result: SafetyResult;
  checked: Record<string, boolean>;
  /** The visit's stored checks have been read (tests wait for it before asserting "unchecked"). */
  loaded: boolean;
  onToggle(id: string, value: boolean): void;
}) {
  return (
    <section class="card" aria-label="Patientsäkerhet" data-checks={loaded ? 'loaded' : 'loading'}>
      <h2>Patientsäkerhet</h2>
      <ul class="items">
        {result.alerts.map((alert) => (
          <li key={`${alert.ruleId}-${alert.title}`} class={`alert ${alert.level === 'danger' ? '' : alert.level}`}>
            <strong>{alert.title}</strong>
            {alert.detail} <RuleRef ids={[alert.ruleId]} />
          </li>
        ))}
        {result.checks.map((check) => (
          <li key={check.id} class="check-line">
            <label class="check">
              <input
                type="checkbox"
                checked={checked[check.id] === true}
                onChange={(e) => onToggle(check.id, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span>{check.label}</span>
            </label>
            {/* Outside the label: opening the rule must not tick the check. */}
            <RuleRef ids={[check.ruleId]} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const patientSafetyBanner: Feature = {
  id: 'patient-safety-banner',
  title: 'Patientsäkerhet: barn, vårdnadshavare, samordningsnummer och skyddad identitet',
  rules: ['R-GU-3', 'R-GU-4', 'R-GU-5', 'R-GU-6', 'R-PI-1', 'R-PI-2'],
  init(ctx, signal) {
    const slot = ctx.ui.slot('patient-safety-banner');
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
        render(null, slot);
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
      render(<Banner result={result} checked={checked} loaded={loaded} onToggle={onToggle} />, slot);
      for (const alert of result.alerts) {
        const key = `${alert.ruleId}:${alert.title}`;
        if (alert.level === 'danger' && !announced.has(key)) {
          announced.add(key);
          ctx.ui.announce(`${alert.title}. ${alert.detail}`, 'assertive');
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

    ctx.onSnapshot(draw, signal);
    draw(ctx.snapshot());
  },
};

export default patientSafetyBanner;
