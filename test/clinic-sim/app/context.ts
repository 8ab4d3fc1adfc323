/**
 * What every view is rendered with (state, route, page-local UI state, seeded names, skin) and
 * the small markup helpers all skins share. Pure: no DOM, no I/O.
 */
import {
  clinicianName,
  formatClock,
  PRIORITY_TEXT,
  type Priority,
  type SimCase,
  type SimImage,
  type SimState,
  type SkinName,
} from '../model';
import { type ClassNamer, hash53 } from '../names';
import { type Html, html, type Part, raw } from './html';
import type { AsyncTab, DropInTab, Route, StartFilter } from './routes';

export type DialogName = 'logout' | 'close-visit' | 'handover' | 'ticket' | 'invite';

/** Page-local state (never on the server). */
export interface UiState {
  dialog: DialogName | null;
  chatPanel: 'fraser' | 'formular' | null;
  /** Composer drafts per case id. */
  drafts: Record<string, string>;
  /** Lastbalanserare switch before it is saved (null: as saved). */
  loadBalancer: boolean | null;
  /** Hårdvara tab: results of "Testa kamera" / "Testa ljud". */
  hardware: { camera: boolean; sound: boolean };
  /** The last failed action's message (shown in an alert). */
  error: string | null;
  /** Transient confirmation, e.g. "Profilen har sparats". */
  notice: string | null;
}

export function defaultUi(): UiState {
  return {
    dialog: null,
    chatPanel: null,
    drafts: {},
    loadBalancer: null,
    hardware: { camera: false, sound: false },
    error: null,
    notice: null,
  };
}

export interface Ctx {
  s: SimState;
  now: number;
  n: ClassNamer;
  ui: UiState;
  route: Route;
  skin: SkinName;
  /** `class="…"` for an element role. */
  k(role: string): Html;
  id(role: string): string;
}

export function context(state: SimState, route: Route, ui: UiState, names: ClassNamer): Ctx {
  return {
    s: state,
    now: Date.parse(state.now),
    n: names,
    ui,
    route,
    skin: state.skin,
    k: (role) => raw(`class="${names.cls(role)}"`),
    id: (role) => names.id(role),
  };
}

export function time(x: Ctx, iso: string, role = 'time'): Html {
  return html`<time ${x.k(role)} datetime="${iso}">${formatClock(Date.parse(iso), x.now)}</time>`;
}

export function textWithBreaks(text: string): Html[] {
  return text.split('\n').map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`));
}

/** A generated "photo" as an SVG data URL (deterministic per image name). */
export function imageDataUrl(image: SimImage): string {
  const h = hash53(image.name);
  const hue = h % 40;
  const x = 60 + (h % 120);
  const y = 50 + ((h >> 7) % 60);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 240 160">` +
    `<rect width="240" height="160" fill="hsl(${20 + hue},45%,78%)"/>` +
    `<ellipse cx="${x}" cy="${y}" rx="38" ry="24" fill="hsl(${hue},55%,62%)" opacity="0.8"/>` +
    `<circle cx="${x + 40}" cy="${y + 30}" r="9" fill="hsl(${hue},60%,55%)" opacity="0.7"/>` +
    `<rect y="136" width="240" height="24" fill="rgba(0,0,0,0.35)"/>` +
    `<text x="8" y="153" font-family="sans-serif" font-size="12" fill="#fff">${image.name.replace(/[<&>"]/g, '')}</text>` +
    `</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function images(x: Ctx, list: SimImage[], role: string): Html | '' {
  if (list.length === 0) return '';
  return html`<ul ${x.k(`${role}-list`)}>${list.map(
    (img) =>
      html`<li ${x.k(`${role}-item`)}><figure ${x.k(`${role}-figure`)}><img ${x.k(`${role}-img`)} src="${imageDataUrl(
        img,
      )}" alt="${img.alt}" width="240" height="160"><figcaption ${x.k(`${role}-caption`)}>${img.name}</figcaption></figure></li>`,
  )}</ul>`;
}

export function priorityBadge(x: Ctx, priority: Priority | null): Html {
  if (priority === null)
    return html`<span class="${x.n.cls('prio-badge')} ${x.n.cls('prio-none')}" title="Ej triagerad">–</span>`;
  return html`<span class="${x.n.cls('prio-badge')} ${x.n.cls(`prio-${priority}`)}" title="${PRIORITY_TEXT[priority]}">${priority}</span>`;
}

export function icon(path: string): Html {
  return raw(
    `<svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`,
  );
}
export const ICON_VIDEO = '<rect x="2" y="6" width="14" height="12" rx="2"/><path d="M16 10l6-4v12l-6-4z"/>';
export const ICON_PHONE =
  '<path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z"/>';
/** A shield, for markers shown as an icon only (the words are in aria-label or title). */
export const ICON_SHIELD = '<path d="M12 2l8 3v6c0 5-3.5 9-8 11-4.5-2-8-6-8-11V5z"/>';

export function actionForm(x: Ctx, action: string, body: Part, role = 'inline-form'): Html {
  return html`<form ${x.k(role)} method="post" action="${action}">${body}</form>`;
}

export function caseUrl(c: SimCase): string {
  return `/besok/${encodeURIComponent(c.id)}`;
}

export function myName(x: Ctx): string {
  return clinicianName(x.s.profile);
}

function inQueueOf(x: Ctx, c: SimCase): boolean {
  return c.unit === x.s.filter.unit && c.role === x.s.filter.role;
}

export function dropInCases(x: Ctx, tab: DropInTab): SimCase[] {
  const list = x.s.cases.filter((c) => {
    if (!inQueueOf(x, c)) return false;
    if (tab === 'waiting') return c.state === 'waiting' || (c.handover !== null && c.state !== 'closed');
    if (tab === 'accepted') return (c.state === 'accepted' || c.state === 'ongoing') && c.handover === null;
    return c.state === 'closed';
  });
  // Arrival order, like the real console (the extension sorts by priority itself).
  return list.sort((a, b) => (a.arrivedAt < b.arrivedAt ? -1 : a.arrivedAt > b.arrivedAt ? 1 : 0));
}

/** Waited until now (Väntar i kö) or until acceptance (Mottagna, Avslutade), in ms. */
export function waitedMs(x: Ctx, c: SimCase, tab: DropInTab): number {
  const until = tab === 'waiting' || !c.acceptedAt ? x.now : Date.parse(c.acceptedAt);
  return until - Date.parse(c.arrivedAt);
}

export function myCases(x: Ctx): SimCase[] {
  const me = myName(x);
  return x.s.cases
    .filter((c) => c.assignedTo === me && (c.state === 'accepted' || c.state === 'ongoing'))
    .sort((a, b) => (a.arrivedAt < b.arrivedAt ? -1 : 1));
}

/**
 * Handed over to me and not yet accepted (R-HO-1, R-Q-4): by a colleague to my role in my unit,
 * or to me by name. The colleague who handed over still owns it (`assignedTo`).
 */
export function handedOverToMe(x: Ctx, c: SimCase): boolean {
  const me = myName(x);
  const s = x.s.session;
  if (!c.handover || c.state === 'closed' || c.assignedTo === me) return false;
  return c.handover.toRole === me || (c.handover.toRole === s.role && c.unit === s.unit);
}

/**
 * Startsida's patient list: *Alla aktuella* = every open case in the filter's queue; *Mina
 * aktuella* = my own open cases and those handed over to me, in arrival order.
 */
export function patientListCases(x: Ctx, filter: StartFilter): SimCase[] {
  const me = myName(x);
  const list = x.s.cases.filter((c) =>
    filter === 'mine'
      ? (c.assignedTo === me && (c.state === 'accepted' || c.state === 'ongoing')) || handedOverToMe(x, c)
      : inQueueOf(x, c) && c.state !== 'closed',
  );
  return list.sort((a, b) => (a.arrivedAt < b.arrivedAt ? -1 : a.arrivedAt > b.arrivedAt ? 1 : 0));
}

/**
 * R-A-1: the patient wrote after closing and after the last *Markera som klar*: the case is in
 * Asynkrona's *Inkorg*; otherwise it *Kräver ingen åtgärd*.
 */
export function asyncAnswered(c: SimCase): boolean {
  const last = c.messages[c.messages.length - 1];
  if (!last || last.author !== 'patient' || c.closedAt === null || last.at <= c.closedAt) return false;
  return c.asyncDoneAt === null || last.at > c.asyncDoneAt;
}

export function asyncCases(x: Ctx, tab: AsyncTab): SimCase[] {
  return x.s.cases.filter((c) => {
    if (c.state !== 'closed' || !c.asyncUntil || Date.parse(c.asyncUntil) <= x.now || !inQueueOf(x, c)) return false;
    const answered = asyncAnswered(c);
    return tab === 'inbox' ? answered : !answered;
  });
}

export function tabs(
  x: Ctx,
  key: string,
  label: string,
  items: ReadonlyArray<{ tab: string; label: string; path: string; count?: number }>,
  active: string,
): Html {
  return html`<div role="tablist" aria-label="${label}" ${x.k('tablist')}>${items.map(
    (t) =>
      html`<a role="tab" ${x.k('tab')} href="${t.path}"${
        t.tab === active
          ? raw(` id="${x.id(`${key}-tab-${t.tab}`)}" aria-controls="${x.id(`${key}-panel`)}" aria-selected="true"`)
          : raw(' aria-selected="false" tabindex="-1"')
      }>${t.label}${t.count === undefined ? '' : html` <span ${x.k('tab-count')}>${t.count}</span>`}</a>`,
  )}</div>`;
}

export function dialog(x: Ctx, key: string, title: string, body: Html): Html {
  const titleId = x.id(`dialog-title-${key}`);
  return html`<div ${x.k('backdrop')}><div role="dialog" aria-modal="true" aria-labelledby="${titleId}" ${x.k('dialog')}>
<h2 ${x.k('dialog-title')} id="${titleId}">${title}</h2>
${body}
</div></div>`;
}

/** A card with a visible `<h2>` that names it (aria-labelledby). */
export function section(x: Ctx, key: string, title: string, body: Part): Html {
  const id = x.id(`section-${key}`);
  return html`<section ${x.k('card-section')} aria-labelledby="${id}">
<h2 ${x.k('h2')} id="${id}">${title}</h2>
${body}
</section>`;
}

export function qaList(x: Ctx, list: { question: string; answer: string }[]): Html {
  if (list.length === 0) return html`<p ${x.k('empty')}>Inga svar</p>`;
  return html`<dl ${x.k('qa')}>${list.map(
    (qa) =>
      html`<div ${x.k('qa-row')}><dt ${x.k('qa-q')}>${qa.question}</dt><dd ${x.k('qa-a')}>${textWithBreaks(qa.answer)}</dd></div>`,
  )}</dl>`;
}
