/**
 * What the skins other than 'dl' share: the facts a real console shows that the state does not
 * model (mobile numbers, an old personnummer), the identity-number forms, call-event and author
 * wording, and label/value pairs. Every number here is a Skatteverket test number or a phone
 * number whose ten digits are no valid personnummer — except the one decoy said so below.
 */
import type { ScenarioPatientKey } from '../../../fixtures/patients';
import { birthDate, type SimCase, type SimGuardian, swedishDate } from '../../model';
import { type Ctx, dropInCases } from '../context';
import { type Html, html, type Part, raw } from '../html';
import { DROPIN_TABS, type DropInTab } from '../routes';
import type { ChatWords } from '../views/visit-parts';

interface PatientExtras {
  /** The patient's mobile, as the console writes it. */
  mobile?: string;
  /** An earlier personnummer (YYYYMMDD-NNNN), shown only by skins that have such a field. */
  previous?: string;
}

/**
 * Per scenario patient. The protected patient's mobile is the decoy: 070-101 23 95 → the ten
 * digits 0701012395 are the short form of the test number 20070101-2395 (Luhn-valid).
 */
const EXTRAS: Partial<Record<ScenarioPatientKey, PatientExtras>> = {
  adult: { mobile: '070-123 45 67', previous: '19900102-2384' },
  adult2: { mobile: '070-987 65 43' },
  coordination: { mobile: '073-112 23 34' },
  teen: { mobile: '076-123 45 98' },
  protected: { mobile: '070-101 23 95' },
  elderly: { mobile: '070-555 12 34' },
  centenarian: { mobile: '070-222 33 44' },
};

export function extras(c: SimCase): PatientExtras {
  return (c.patientKey && EXTRAS[c.patientKey as ScenarioPatientKey]) || {};
}

/** A samordningsnummer has day + 60. */
export function isCoordinationNumber(pnr: string): boolean {
  return Number(pnr.slice(6, 8)) > 60;
}

/** "19900101 2385" (or with another separator, e.g. a no-break space). */
export function spaced(pnr: string, separator = ' '): string {
  return pnr.replace('-', separator);
}

/** "19900101–2385" (en dash). */
export function enDash(pnr: string): string {
  return pnr.replace('-', '–');
}

/** "900101-2385"; "200101+1564" from the year the person turns 100 (Skatteverket's rule). */
export function tenDigit(pnr: string, nowMs: number): string {
  const nowYear = Number(swedishDate(nowMs).slice(0, 4));
  const sign = nowYear - Number(pnr.slice(0, 4)) >= 100 ? '+' : '-';
  return `${pnr.slice(2, 8)}${sign}${pnr.slice(9)}`;
}

/** "19850101-XXXX": the number hidden, the birth date left. */
export function masked(pnr: string): string {
  return `${pnr.slice(0, 8)}-XXXX`;
}

/** "1990-01-01" (a samordningsnummer's real birth day). */
export function birthIso(pnr: string): string {
  const b = birthDate(pnr);
  if (!b) return '';
  return `${b.y}-${String(b.m).padStart(2, '0')}-${String(b.d).padStart(2, '0')}`;
}

export function responsibleGuardian(c: SimCase): SimGuardian | undefined {
  return c.patient.guardians?.find((g) => g.responsible);
}

/** How a skin words the chat's call events and the running-call status. */
export interface CallWording {
  video: string;
  phone: string;
  started: string;
  ended: string;
}

/** The state's "Videosamtal avslutat (12 min)" / "Ljudsamtal startat." in the skin's words. */
export function callEventText(text: string, w: CallWording): string {
  const m = /^(Videosamtal|Ljudsamtal) (startat|avslutat)(.*)$/s.exec(text);
  if (!m) return text;
  return `${m[1] === 'Videosamtal' ? w.video : w.phone} ${m[2] === 'startat' ? w.started : w.ended}${m[3]}`;
}

export function chatWords(w: CallWording, online = 'Patienten är online', offline = 'Patienten är offline'): ChatWords {
  return { online, offline, callOngoing: (kind) => `${kind === 'video' ? w.video : w.phone} pågår` };
}

/** The clinician's author word from the profile's title, if the console would use it. */
export function clinicianWord(x: Ctx): string {
  const title = x.s.profile.title;
  return title === 'Sjuksköterska' || title === 'Läkare' ? title : 'Vårdpersonal';
}

/** "65 min" (no hours). */
export function minutesOnly(ms: number): string {
  return `${Math.max(0, Math.floor(ms / 60_000))} min`;
}

/** "12 min", "1 h 5 min". */
export function hoursShort(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const m = minutes % 60;
  return m === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${m} min`;
}

/** A label/value pair of spans. */
export function pair(x: Ctx, label: string, value: Part): Html {
  return html`<span ${x.k('pair')}><span ${x.k('pair-label')}>${label}</span> <span ${x.k('pair-value')}>${value}</span></span>`;
}

/** Other patients' closed visits, latest first (a "Senaste besök" list). */
export function recentVisits(x: Ctx, c: SimCase): SimCase[] {
  return x.s.cases
    .filter((o) => o.id !== c.id && o.state === 'closed' && o.closedAt)
    .sort((a, b) => (a.closedAt! < b.closedAt! ? 1 : -1))
    .slice(0, 3);
}

/** Drop in's tabs as plain links in a `<nav>` (no tablist): the current one has aria-current. */
export function tabLinks(x: Ctx, tab: DropInTab, label: (t: (typeof DROPIN_TABS)[number]) => string): Html {
  return html`<nav aria-label="Drop in" ${x.k('subnav')}>${DROPIN_TABS.map(
    (t) =>
      html`<a ${x.k('tab')} href="${t.path}"${t.tab === tab ? raw(' aria-current="page"') : ''}>${label(t)} <span ${x.k('tab-count')}>${dropInCases(x, t.tab).length}</span></a>`,
  )}</nav>`;
}

/** CSS for what several skins share: pairs, icon markers, key/value tables, link tabs, chips. */
export function commonSkinStyles(c: (role: string) => string): string {
  const muted = '#5b6b7f';
  return `
${c('pair')}{display:inline-flex;flex-direction:column;margin:0 16px 6px 0;vertical-align:top}
${c('pair-label')}{font-size:11px;text-transform:uppercase;letter-spacing:.4px;color:${muted}}
${c('pair-value')}{font-weight:600}
${c('region-label')}{font-size:12px;font-weight:700;color:${muted};text-transform:uppercase;letter-spacing:.5px;margin:0 0 6px}
${c('marker-icon')}{display:inline-flex;color:#b3261e;vertical-align:middle}
${c('kv')}{border-collapse:collapse;width:100%}
${c('kv')} th{text-align:left;font-weight:400;color:${muted};padding:3px 10px 3px 0;vertical-align:top;width:40%}
${c('kv')} td{padding:3px 0;font-weight:600}
${c('subnav')}{display:flex;gap:4px;border-bottom:1px solid #d9e2ee;margin-bottom:14px}
${c('subnav')} a[aria-current="page"]{color:#1b5fae;border-bottom-color:#1b5fae}
${c('log')} article{max-width:72%;padding:8px 12px;border-radius:10px;background:#fff;border:1px solid #d9e2ee}
${c('topbar-row')}{display:flex;justify-content:space-between;align-items:center;gap:16px}
${c('shift-chip')}{margin:0;padding:4px 10px;border-radius:12px;background:#e8f5ee;color:#1d5e3a;font-size:12px;font-weight:600}
`;
}
