/**
 * The simulator's views as pure functions of (state, route, UI state, class namer) → HTML text.
 * No DOM, no I/O: the page bundle morphs the live DOM to this output, and node unit tests render
 * "saved simulator pages" with it (see ../pages.ts).
 *
 * The markup imitates what the adapter can rely on in the real console: landmarks, labels,
 * roles, headings and visible text. Class names and ids are hashed from the seed; there are no
 * data-* attributes. Patient-supplied text is always escaped.
 */
import {
  ASYNC_CHOICES,
  AUTHOR_ROLE_TEXT,
  CASE_STATE_TEXT,
  clinicianName,
  FORMS,
  formatAge,
  formatClock,
  formatDuration,
  PHRASES,
  PRIORITY_TEXT,
  type Priority,
  priorityLabel,
  ROLES,
  SHIFT_TYPES,
  type SimCase,
  type SimImage,
  type SimMessage,
  type SimState,
  UNIT_ROLE_CHOICES,
  UNITS,
} from '../model';
import { type ClassNamer, hash53 } from '../names';
import { type Html, html, type Part, raw } from './html';

// ------------------------------------------------------------------ routes and UI state

export type DropInTab = 'waiting' | 'accepted' | 'closed';
export type AsyncTab = 'inbox' | 'done';
export type SettingsTab = 'profile' | 'hardware' | 'shift';

export type Route =
  | { name: 'login' }
  | { name: 'start' }
  | { name: 'dropin'; tab: DropInTab }
  | { name: 'async'; tab: AsyncTab }
  | { name: 'settings'; tab: SettingsTab }
  | { name: 'visit'; id: string }
  | { name: 'notfound'; path: string };

const DROPIN_TABS: ReadonlyArray<{ tab: DropInTab; label: string; path: string }> = [
  { tab: 'waiting', label: 'Väntar i kö', path: '/drop-in' },
  { tab: 'accepted', label: 'Mottagna', path: '/drop-in/mottagna' },
  { tab: 'closed', label: 'Avslutade', path: '/drop-in/avslutade' },
];
const ASYNC_TABS: ReadonlyArray<{ tab: AsyncTab; label: string; path: string }> = [
  { tab: 'inbox', label: 'Inkorg', path: '/asynkrona' },
  { tab: 'done', label: 'Kräver ingen åtgärd', path: '/asynkrona/klara' },
];
const SETTINGS_TABS: ReadonlyArray<{ tab: SettingsTab; label: string; path: string }> = [
  { tab: 'profile', label: 'Profil', path: '/installningar' },
  { tab: 'hardware', label: 'Hårdvara', path: '/installningar/hardvara' },
  { tab: 'shift', label: 'Skifttyp', path: '/installningar/skifttyp' },
];

export function parseRoute(path: string): Route {
  const p = (path.split(/[?#]/)[0] ?? '/').replace(/\/+$/, '') || '/';
  if (p === '/login') return { name: 'login' };
  if (p === '/' || p === '/startsida') return { name: 'start' };
  for (const t of DROPIN_TABS) if (p === t.path) return { name: 'dropin', tab: t.tab };
  for (const t of ASYNC_TABS) if (p === t.path) return { name: 'async', tab: t.tab };
  for (const t of SETTINGS_TABS) if (p === t.path) return { name: 'settings', tab: t.tab };
  const visit = /^\/besok\/([^/]+)$/.exec(p);
  if (visit) return { name: 'visit', id: decodeURIComponent(visit[1]!) };
  return { name: 'notfound', path: p };
}

/** Where the SPA actually goes for `path`: logged out → /login; logged in and at /login → /. */
export function canonicalPath(state: SimState, path: string): string {
  const loggedIn = state.session.stage === 'in';
  const route = parseRoute(path);
  if (!loggedIn) return '/login';
  if (route.name === 'login') return '/';
  return path;
}

export type DialogName = 'logout' | 'close-visit' | 'handover';

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

// ------------------------------------------------------------------ helpers

interface Ctx {
  s: SimState;
  now: number;
  n: ClassNamer;
  ui: UiState;
  route: Route;
  /** `class="…"` for an element role. */
  k(role: string): Html;
  id(role: string): string;
}

function context(state: SimState, route: Route, ui: UiState, names: ClassNamer): Ctx {
  return {
    s: state,
    now: Date.parse(state.now),
    n: names,
    ui,
    route,
    k: (role) => raw(`class="${names.cls(role)}"`),
    id: (role) => names.id(role),
  };
}

function time(x: Ctx, iso: string, role = 'time'): Html {
  return html`<time ${x.k(role)} datetime="${iso}">${formatClock(Date.parse(iso), x.now)}</time>`;
}

function textWithBreaks(text: string): Html[] {
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

function images(x: Ctx, list: SimImage[], role: string): Html | '' {
  if (list.length === 0) return '';
  return html`<ul ${x.k(`${role}-list`)}>${list.map(
    (img) =>
      html`<li ${x.k(`${role}-item`)}><figure ${x.k(`${role}-figure`)}><img ${x.k(`${role}-img`)} src="${imageDataUrl(
        img,
      )}" alt="${img.alt}" width="240" height="160"><figcaption ${x.k(`${role}-caption`)}>${img.name}</figcaption></figure></li>`,
  )}</ul>`;
}

function priorityBadge(x: Ctx, priority: Priority | null): Html {
  if (priority === null)
    return html`<span class="${x.n.cls('prio-badge')} ${x.n.cls('prio-none')}" title="Ej triagerad">–</span>`;
  return html`<span class="${x.n.cls('prio-badge')} ${x.n.cls(`prio-${priority}`)}" title="${PRIORITY_TEXT[priority]}">${priority}</span>`;
}

function icon(path: string): Html {
  return raw(
    `<svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`,
  );
}
const ICON_VIDEO = '<rect x="2" y="6" width="14" height="12" rx="2"/><path d="M16 10l6-4v12l-6-4z"/>';
const ICON_PHONE =
  '<path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z"/>';

function actionForm(x: Ctx, action: string, body: Part, role = 'inline-form'): Html {
  return html`<form ${x.k(role)} method="post" action="${action}">${body}</form>`;
}

function caseUrl(c: SimCase): string {
  return `/besok/${encodeURIComponent(c.id)}`;
}

function myName(x: Ctx): string {
  return clinicianName(x.s.profile);
}

function inQueueOf(x: Ctx, c: SimCase): boolean {
  return c.unit === x.s.filter.unit && c.role === x.s.filter.role;
}

function dropInCases(x: Ctx, tab: DropInTab): SimCase[] {
  const list = x.s.cases.filter((c) => {
    if (!inQueueOf(x, c)) return false;
    if (tab === 'waiting') return c.state === 'waiting' || (c.handover !== null && c.state !== 'closed');
    if (tab === 'accepted') return (c.state === 'accepted' || c.state === 'ongoing') && c.handover === null;
    return c.state === 'closed';
  });
  // Arrival order, like the real console (the extension sorts by priority itself).
  return list.sort((a, b) => (a.arrivedAt < b.arrivedAt ? -1 : a.arrivedAt > b.arrivedAt ? 1 : 0));
}

function myCases(x: Ctx): SimCase[] {
  const me = myName(x);
  return x.s.cases
    .filter((c) => c.assignedTo === me && (c.state === 'accepted' || c.state === 'ongoing'))
    .sort((a, b) => (a.arrivedAt < b.arrivedAt ? -1 : 1));
}

// ------------------------------------------------------------------ login

function loginView(x: Ctx): Html {
  const stage = x.s.session.stage;
  let body: Html;
  if (stage === 'logged-out') {
    body = html`<h1 ${x.k('login-title')}>Logga in</h1>
<p ${x.k('login-text')}>Sätt i ditt SITHS-kort i datorn och välj <strong>Logga in med SITHS-kort</strong>.</p>
${actionForm(x, '/api/login', html`<button type="submit" ${x.k('btn-primary')}>Logga in med SITHS-kort</button>`, 'login-form')}
<button type="button" ${x.k('btn-secondary')} disabled>Logga in med Mobilt BankID</button>`;
  } else if (stage === 'choose-shift-type') {
    body = html`<h1 ${x.k('login-title')}>Välkommen, ${myName(x)}</h1>
<p ${x.k('login-text')}>${x.s.session.unit ?? ''}, ${x.s.session.role ?? ''}</p>`;
  } else {
    const selectId = x.id('login-unit-role');
    body = html`<h1 ${x.k('login-title')}>Välj vårdenhet och roll</h1>
${actionForm(
  x,
  '/api/unit',
  html`<label ${x.k('label')} for="${selectId}">Vårdenhet och roll</label>
<select ${x.k('select')} id="${selectId}" name="unitRole">${UNIT_ROLE_CHOICES.map((c) => {
    const value = `${c.unit}, ${c.role}`;
    const selected = x.s.session.unit === c.unit && x.s.session.role === c.role;
    return html`<option value="${value}"${selected ? raw(' selected') : ''}>${value}</option>`;
  })}</select>
<button type="submit" ${x.k('btn-primary')}>Bekräfta</button>`,
  'login-form',
)}`;
  }
  return html`<div ${x.k('login-page')}>
<main ${x.k('login-card')}>
<p ${x.k('brand-login')}>Clinic <span ${x.k('brand-sub')}>vårdgivargränssnitt</span></p>
${body}
</main>
${stage === 'choose-shift-type' ? shiftTypeDialog(x) : ''}
</div>`;
}

function loadBalancerSwitch(x: Ctx): Html {
  const on = x.ui.loadBalancer ?? x.s.session.loadBalancer;
  const labelId = x.id('load-balancer-label');
  return html`<div ${x.k('switch-row')}>
<span ${x.k('switch-label')} id="${labelId}">Lastbalanserare</span>
<button type="button" role="switch" aria-checked="${on ? 'true' : 'false'}" aria-labelledby="${labelId}" ${x.k('switch')} name="ui" value="toggle-load-balancer"><span ${x.k('switch-knob')}></span></button>
<input type="hidden" name="loadBalancer" value="${on ? 'true' : 'false'}">
</div>`;
}

function shiftTypeSelect(x: Ctx): Html {
  const selectId = x.id('shift-type');
  const current = x.s.session.shiftType ?? '';
  return html`<label ${x.k('label')} for="${selectId}">Skifttyp</label>
<select ${x.k('select')} id="${selectId}" name="shiftType">${current ? '' : raw('<option value="" selected>Välj skifttyp</option>')}${SHIFT_TYPES.map(
    (t) => html`<option value="${t}"${t === current ? raw(' selected') : ''}>${t}</option>`,
  )}</select>`;
}

function shiftTypeDialog(x: Ctx): Html {
  return dialog(
    x,
    'shift-type',
    'Välj skifttyp',
    actionForm(
      x,
      '/api/shift-type',
      html`<p ${x.k('dialog-text')}>Första gången du loggar in behöver du välja skifttyp.</p>
${shiftTypeSelect(x)}
${loadBalancerSwitch(x)}
<div ${x.k('dialog-buttons')}><button type="submit" ${x.k('btn-primary')}>Bekräfta</button></div>`,
      'dialog-form',
    ),
  );
}

function dialog(x: Ctx, key: string, title: string, body: Html): Html {
  const titleId = x.id(`dialog-title-${key}`);
  return html`<div ${x.k('backdrop')}><div role="dialog" aria-modal="true" aria-labelledby="${titleId}" ${x.k('dialog')}>
<h2 ${x.k('dialog-title')} id="${titleId}">${title}</h2>
${body}
</div></div>`;
}

// ------------------------------------------------------------------ shell

const NAV: ReadonlyArray<{ label: string; path: string; match: Route['name'] }> = [
  { label: 'Startsida', path: '/', match: 'start' },
  { label: 'Drop in', path: '/drop-in', match: 'dropin' },
  { label: 'Asynkrona', path: '/asynkrona', match: 'async' },
  { label: 'Inställningar', path: '/installningar', match: 'settings' },
];

function shell(x: Ctx, content: Html): Html {
  const s = x.s.session;
  const unitId = x.id('filter-unit');
  const roleId = x.id('filter-role');
  return html`<div ${x.k('shell')}>
<nav aria-label="Huvudmeny" ${x.k('nav')}>
<p ${x.k('brand')}>Clinic</p>
<ul ${x.k('nav-list')}>${NAV.map(
    (item) =>
      html`<li ${x.k('nav-item')}><a ${x.k('nav-link')} href="${item.path}"${x.route.name === item.match ? raw(' aria-current="page"') : ''}>${item.label}</a></li>`,
  )}</ul>
<div ${x.k('nav-foot')}>
<a ${x.k('nav-user')} href="/installningar"><span ${x.k('nav-user-name')}>${myName(x)}</span><span ${x.k('nav-user-role')}>${s.role ?? ''}, ${s.unit ?? ''}</span></a>
<section aria-label="Skift" ${x.k('shift')}>
<p ${x.k('shift-state')}><span ${x.k(s.shift === 'ongoing' ? 'dot-on' : 'dot-off')} aria-hidden="true"></span>${s.shift === 'ongoing' ? 'Skift pågår' : 'Inget skift'}</p>
${s.shift === 'ongoing' ? html`<p ${x.k('shift-detail')}>${s.shiftType ?? ''}${s.shiftStartedAt ? html` sedan ${time(x, s.shiftStartedAt)}` : ''}</p>` : ''}
</section>
<button type="button" ${x.k('btn-logout')} name="ui" value="open-logout" aria-haspopup="dialog">Logga ut</button>
</div>
</nav>
<div ${x.k('main-col')}>
<header ${x.k('topbar')}>
${actionForm(
  x,
  '/api/filter',
  html`<div role="group" aria-label="Globalt filter" ${x.k('filter')}>
<div ${x.k('filter-field')}><label ${x.k('filter-label')} for="${unitId}">Vårdenhet</label>
<select ${x.k('select')} id="${unitId}" name="unit">${UNITS.map(
    (u) => html`<option value="${u}"${u === x.s.filter.unit ? raw(' selected') : ''}>${u}</option>`,
  )}</select></div>
<div ${x.k('filter-field')}><label ${x.k('filter-label')} for="${roleId}">Vårdroll</label>
<select ${x.k('select')} id="${roleId}" name="role">${ROLES.map(
    (r) => html`<option value="${r}"${r === x.s.filter.role ? raw(' selected') : ''}>${r}</option>`,
  )}</select></div>
</div>`,
  'filter-form',
)}
</header>
${x.ui.error ? html`<div role="alert" ${x.k('alert')}>${x.ui.error}</div>` : ''}
${x.ui.notice ? html`<div role="status" ${x.k('notice')}>${x.ui.notice}</div>` : ''}
<main ${x.k('content')}>
${content}
</main>
</div>
${pageDialog(x)}
</div>`;
}

function pageDialog(x: Ctx): Html | '' {
  const d = x.ui.dialog;
  if (d === 'logout') {
    return dialog(
      x,
      'logout',
      'Logga ut',
      actionForm(
        x,
        '/api/logout',
        html`<fieldset ${x.k('fieldset')}><legend ${x.k('legend')}>Hur var ditt arbetspass?</legend>
<label ${x.k('radio-label')}><input type="radio" name="rating" value="nöjd"> Nöjd</label>
<label ${x.k('radio-label')}><input type="radio" name="rating" value="missnöjd"> Missnöjd</label>
</fieldset>
<p ${x.k('dialog-text')}>Skiftet avslutas inte av sig självt eller när SITHS-kortet dras ut. Med ett aktivt skift fortsätter SMS-aviseringarna.</p>
<div ${x.k('dialog-buttons')}>
<button type="button" ${x.k('btn-secondary')} name="ui" value="close-dialog">Avbryt</button>
<button type="submit" ${x.k('btn-secondary')} name="endShift" value="false">Logga ut utan att avsluta skift</button>
<button type="submit" ${x.k('btn-primary')} name="endShift" value="true">Avsluta skift</button>
</div>`,
        'dialog-form',
      ),
    );
  }
  if (x.route.name !== 'visit') return '';
  const c = x.s.cases.find((item) => item.id === (x.route as { id: string }).id);
  if (!c) return '';
  if (d === 'close-visit') {
    return dialog(
      x,
      'close-visit',
      'Avsluta besök',
      actionForm(
        x,
        `/api/cases/${encodeURIComponent(c.id)}/close`,
        html`<fieldset ${x.k('fieldset')}><legend ${x.k('legend')}>Hur länge kan patienten återkomma i ärendet asynkront?</legend>
${ASYNC_CHOICES.map(
  (choice) =>
    html`<label ${x.k('radio-label')}><input type="radio" name="asyncDays" value="${choice.days}"${choice.days === 3 ? raw(' checked') : ''}> ${choice.label}</label>`,
)}
</fieldset>
<div ${x.k('dialog-buttons')}>
<button type="button" ${x.k('btn-secondary')} name="ui" value="close-dialog">Avbryt</button>
<button type="submit" ${x.k('btn-danger')}>Avsluta</button>
</div>`,
        'dialog-form',
      ),
    );
  }
  if (d === 'handover') {
    const roleId = x.id('handover-role');
    const messageId = x.id('handover-message');
    const unitId = x.id('handover-unit');
    return dialog(
      x,
      'handover',
      'Lämna över besök',
      actionForm(
        x,
        `/api/cases/${encodeURIComponent(c.id)}/handover`,
        html`<p ${x.k('dialog-text')}>Lämna över till en roll i den egna vårdenheten. Undvik att lämna över till en specifik person.</p>
<label ${x.k('label')} for="${unitId}">Vårdenhet</label>
<input ${x.k('input')} id="${unitId}" type="text" value="${x.s.session.unit ?? c.unit}" readonly>
<label ${x.k('label')} for="${roleId}">Roll</label>
<select ${x.k('select')} id="${roleId}" name="role">${ROLES.map(
          (r) => html`<option value="${r}"${r === 'Läkare' ? raw(' selected') : ''}>${r}</option>`,
        )}</select>
<label ${x.k('label')} for="${messageId}">Meddelande</label>
<textarea ${x.k('textarea')} id="${messageId}" name="message" rows="3"></textarea>
<div ${x.k('dialog-buttons')}>
<button type="button" ${x.k('btn-secondary')} name="ui" value="close-dialog">Avbryt</button>
<button type="submit" ${x.k('btn-primary')}>Slutför</button>
</div>`,
        'dialog-form',
      ),
    );
  }
  return '';
}

// ------------------------------------------------------------------ Startsida

function startView(x: Ctx): Html {
  const mine = myCases(x);
  const waiting = dropInCases(x, 'waiting').length;
  const accepted = dropInCases(x, 'accepted').length;
  return html`<div ${x.k('start')}>
<aside aria-label="Mina ärenden" ${x.k('my-cases')}>
<h2 ${x.k('h2')}>Mina ärenden</h2>
${
  mine.length === 0
    ? html`<p ${x.k('empty')}>Inga pågående ärenden</p>`
    : html`<ul ${x.k('my-list')}>${mine.map(
        (c) =>
          html`<li ${x.k('my-item')}><a ${x.k('my-link')} href="${caseUrl(c)}">${priorityBadge(x, c.priority)}<span ${x.k(
            'my-name',
          )}>${c.patient.name}</span><span ${x.k('my-meta')}>${c.handover ? `Synk Överlämning – ${c.handover.toRole}` : CASE_STATE_TEXT[c.state]} · ${c.reason}</span></a></li>`,
      )}</ul>`
}
</aside>
<section ${x.k('start-main')} aria-labelledby="${x.id('start-title')}">
<h1 ${x.k('h1')} id="${x.id('start-title')}">Startsida</h1>
<p ${x.k('lead')}>Välkommen, ${x.s.profile.firstName}! Du arbetar som ${x.s.session.role ?? ''} på ${x.s.session.unit ?? ''}.</p>
<ul ${x.k('cards')}>
<li ${x.k('card')}><a ${x.k('card-link')} href="/drop-in"><span ${x.k('card-number')}>${waiting}</span> Väntar i kö</a></li>
<li ${x.k('card')}><a ${x.k('card-link')} href="/drop-in/mottagna"><span ${x.k('card-number')}>${accepted}</span> Mottagna</a></li>
<li ${x.k('card')}><a ${x.k('card-link')} href="/asynkrona"><span ${x.k('card-number')}>${asyncCases(x, 'inbox').length}</span> Asynkrona i inkorgen</a></li>
</ul>
</section>
</div>`;
}

// ------------------------------------------------------------------ Drop in

function tabs(
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

function dropInView(x: Ctx, tab: DropInTab): Html {
  const items = DROPIN_TABS.map((t) => ({ ...t, count: dropInCases(x, t.tab).length }));
  const current = DROPIN_TABS.find((t) => t.tab === tab)!;
  const rows = dropInCases(x, tab);
  return html`<div ${x.k('page')}>
<h1 ${x.k('h1')}>Drop in</h1>
${tabs(x, 'dropin', 'Drop in', items, tab)}
<div role="tabpanel" id="${x.id('dropin-panel')}" aria-labelledby="${x.id(`dropin-tab-${tab}`)}" ${x.k('tabpanel')}>
<table ${x.k('table')} aria-label="${current.label}">
<thead ${x.k('thead')}><tr ${x.k('tr-head')}>
<th scope="col" ${x.k('th')}>Prioritet</th><th scope="col" ${x.k('th')}>Patient</th><th scope="col" ${x.k('th')}>Personnummer</th><th scope="col" ${x.k(
    'th',
  )}>Sökorsak</th><th scope="col" ${x.k('th')}>Ankomst</th><th scope="col" ${x.k('th')}>Väntat</th><th scope="col" ${x.k('th')}><span ${x.k(
    'sr-only',
  )}>Åtgärd</span></th>
</tr></thead>
<tbody ${x.k('tbody')}>${
    rows.length === 0
      ? html`<tr ${x.k('tr')}><td ${x.k('td-empty')} colspan="7">Inga ärenden</td></tr>`
      : rows.map((c) => queueRow(x, c, tab))
  }</tbody>
</table>
</div>
</div>`;
}

function queueRow(x: Ctx, c: SimCase, tab: DropInTab): Html {
  const arrived = Date.parse(c.arrivedAt);
  const waitedUntil = tab === 'waiting' || !c.acceptedAt ? x.now : Date.parse(c.acceptedAt);
  const overdue = tab === 'waiting' && x.now - arrived > 15 * 60_000;
  return html`<tr ${x.k('tr')}>
<td ${x.k('td')}>${priorityBadge(x, c.priority)}</td>
<td ${x.k('td')}><a ${x.k('row-link')} href="${caseUrl(c)}">${c.patient.name}</a>${c.handover ? html` <span ${x.k('tag')}>Synk Överlämning</span>` : ''}</td>
<td ${x.k('td')}>${c.patient.personnummer}</td>
<td ${x.k('td')}>${c.reason}</td>
<td ${x.k('td')}>${time(x, c.arrivedAt)}</td>
<td ${x.k(overdue ? 'td-overdue' : 'td')}>${formatDuration(waitedUntil - arrived)}</td>
<td ${x.k('td-actions')}>${
    c.state === 'waiting' || c.handover
      ? actionForm(
          x,
          `/api/cases/${encodeURIComponent(c.id)}/accept`,
          html`<button type="submit" ${x.k('btn-small')}>Ta emot</button>`,
        )
      : ''
  }</td>
</tr>`;
}

// ------------------------------------------------------------------ Asynkrona

function asyncCases(x: Ctx, tab: AsyncTab): SimCase[] {
  return x.s.cases.filter((c) => {
    if (c.state !== 'closed' || !c.asyncUntil || Date.parse(c.asyncUntil) <= x.now || !inQueueOf(x, c)) return false;
    const last = c.messages[c.messages.length - 1];
    const answered = last !== undefined && last.author === 'patient' && c.closedAt !== null && last.at > c.closedAt;
    return tab === 'inbox' ? answered : !answered;
  });
}

function asyncView(x: Ctx, tab: AsyncTab): Html {
  const items = ASYNC_TABS.map((t) => ({ ...t, count: asyncCases(x, t.tab).length }));
  const current = ASYNC_TABS.find((t) => t.tab === tab)!;
  const rows = asyncCases(x, tab);
  return html`<div ${x.k('page')}>
<h1 ${x.k('h1')}>Asynkrona</h1>
${tabs(x, 'async', 'Asynkrona', items, tab)}
<div role="tabpanel" id="${x.id('async-panel')}" aria-labelledby="${x.id(`async-tab-${tab}`)}" ${x.k('tabpanel')}>
<table ${x.k('table')} aria-label="${current.label}">
<thead ${x.k('thead')}><tr ${x.k('tr-head')}><th scope="col" ${x.k('th')}>Prioritet</th><th scope="col" ${x.k('th')}>Patient</th><th scope="col" ${x.k(
    'th',
  )}>Personnummer</th><th scope="col" ${x.k('th')}>Sökorsak</th><th scope="col" ${x.k('th')}>Avslutat</th><th scope="col" ${x.k(
    'th',
  )}>Kan svara till</th></tr></thead>
<tbody ${x.k('tbody')}>${
    rows.length === 0
      ? html`<tr ${x.k('tr')}><td ${x.k('td-empty')} colspan="6">Inga ärenden</td></tr>`
      : rows.map(
          (c) =>
            html`<tr ${x.k('tr')}><td ${x.k('td')}>${priorityBadge(x, c.priority)}</td><td ${x.k('td')}><a ${x.k('row-link')} href="${caseUrl(
              c,
            )}">${c.patient.name}</a></td><td ${x.k('td')}>${c.patient.personnummer}</td><td ${x.k('td')}>${c.reason}</td><td ${x.k('td')}>${
              c.closedAt ? time(x, c.closedAt) : ''
            }</td><td ${x.k('td')}>${c.asyncUntil ? time(x, c.asyncUntil) : ''}</td></tr>`,
        )
  }</tbody>
</table>
</div>
</div>`;
}

// ------------------------------------------------------------------ Inställningar

function settingsView(x: Ctx, tab: SettingsTab): Html {
  let panel: Html;
  if (tab === 'profile') {
    const p = x.s.profile;
    const field = (key: string, label: string, name: string, value: string, type = 'text', hint = '') => {
      const id = x.id(`profile-${key}`);
      return html`<div ${x.k('field')}><label ${x.k('label')} for="${id}">${label}</label><input ${x.k('input')} id="${id}" type="${type}" name="${name}" value="${value}">${
        hint ? html`<p ${x.k('hint')}>${hint}</p>` : ''
      }</div>`;
    };
    panel = actionForm(
      x,
      '/api/profile',
      html`<h2 ${x.k('h2')}>Profil</h2>
<p ${x.k('hint')}>Förnamn, efternamn och titel visas för patienten.</p>
<div ${x.k('avatar')} role="img" aria-label="Profilbild saknas">${p.firstName.slice(0, 1)}${p.lastName.slice(0, 1)}</div>
${field('first', 'Förnamn', 'firstName', p.firstName)}
${field('last', 'Efternamn', 'lastName', p.lastName)}
${field('title', 'Titel', 'title', p.title)}
${field('mobile', 'Mobilnummer', 'mobile', p.mobile, 'tel', 'För SMS-notifieringar om nya meddelanden och ärenden.')}
<button type="submit" ${x.k('btn-primary')}>Spara</button>`,
      'settings-form',
    );
  } else if (tab === 'hardware') {
    const hw = x.ui.hardware;
    panel = html`<h2 ${x.k('h2')}>Hårdvara</h2>
<section aria-labelledby="${x.id('hw-camera')}" ${x.k('hw')}>
<h3 ${x.k('h3')} id="${x.id('hw-camera')}">Kamera</h3>
<div ${x.k('hw-preview')} role="img" aria-label="Förhandsvisning av kamera">${hw.camera ? 'Kameran fungerar' : 'Ingen bild'}</div>
<button type="button" ${x.k('btn-secondary')} name="ui" value="test-camera">Testa kamera</button>
</section>
<section aria-labelledby="${x.id('hw-sound')}" ${x.k('hw')}>
<h3 ${x.k('h3')} id="${x.id('hw-sound')}">Ljud</h3>
<p ${x.k('hint')}>${hw.sound ? 'Ljudet fungerar' : 'Spela upp ett testljud och kontrollera mikrofonen.'}</p>
<button type="button" ${x.k('btn-secondary')} name="ui" value="test-sound">Testa ljud</button>
</section>`;
  } else {
    panel = actionForm(
      x,
      '/api/shift-type',
      html`<h2 ${x.k('h2')}>Skifttyp</h2>
${shiftTypeSelect(x)}
${loadBalancerSwitch(x)}
<button type="submit" ${x.k('btn-primary')}>Spara</button>`,
      'settings-form',
    );
  }
  return html`<div ${x.k('page')}>
<h1 ${x.k('h1')}>Inställningar</h1>
${tabs(x, 'settings', 'Inställningar', SETTINGS_TABS, tab)}
<div role="tabpanel" id="${x.id('settings-panel')}" aria-labelledby="${x.id(`settings-tab-${tab}`)}" ${x.k('tabpanel')}>
${panel}
</div>
</div>`;
}

// ------------------------------------------------------------------ visit

/** Another scenario test number, for the 'two-ids' header variant. */
const STRAY_NUMBERS = ['19750107-9292', '19900101-2385'];

function section(x: Ctx, key: string, title: string, body: Part): Html {
  const id = x.id(`section-${key}`);
  return html`<section ${x.k('card-section')} aria-labelledby="${id}">
<h2 ${x.k('h2')} id="${id}">${title}</h2>
${body}
</section>`;
}

function qaList(x: Ctx, list: { question: string; answer: string }[]): Html {
  if (list.length === 0) return html`<p ${x.k('empty')}>Inga svar</p>`;
  return html`<dl ${x.k('qa')}>${list.map(
    (qa) =>
      html`<div ${x.k('qa-row')}><dt ${x.k('qa-q')}>${qa.question}</dt><dd ${x.k('qa-a')}>${textWithBreaks(qa.answer)}</dd></div>`,
  )}</dl>`;
}

function messageItem(x: Ctx, m: SimMessage): Html {
  return html`<li ${x.k(`msg-${m.author}`)}>
<p ${x.k('msg-meta')}><span ${x.k('msg-author')}>${m.authorName}</span> <span ${x.k('msg-role')}>${AUTHOR_ROLE_TEXT[m.author]}</span> ${time(
    x,
    m.at,
    'msg-time',
  )}</p>
<p ${x.k('msg-text')}>${textWithBreaks(m.text)}</p>
${images(x, m.images, 'msg-img')}
</li>`;
}

function visitView(x: Ctx, id: string): Html {
  const c = x.s.cases.find((item) => item.id === id);
  if (!c) {
    return html`<div ${x.k('page')}><h1 ${x.k('h1')}>Besöket hittades inte</h1><p><a ${x.k('link')} href="/drop-in">Till Drop in</a></p></div>`;
  }
  const p = c.patient;
  const variant = c.headerVariant;
  const stray = STRAY_NUMBERS.find((n) => n !== p.personnummer)!;
  const header = html`<section aria-label="Patient" ${x.k('patient')}>
${variant === 'no-name' ? '' : html`<h1 ${x.k('patient-name')}>${p.name}</h1>`}
<p ${x.k('patient-ids')}>${variant === 'no-id' ? '' : html`<span ${x.k('patient-pnr')}>${p.personnummer}</span>`}<span ${x.k('patient-age')}>${formatAge(
    p.personnummer,
    x.now,
  )}</span>${variant === 'two-ids' ? html`<span ${x.k('patient-prev')}>Tidigare: ${stray}</span>` : ''}</p>
${c.protected ? html`<p ${x.k('protected')} role="status">Skyddade personuppgifter</p>` : ''}
</section>`;

  const status = html`<section aria-label="Besök" ${x.k('visit-status')}>
<dl ${x.k('facts')}>
<div ${x.k('fact')}><dt ${x.k('fact-label')}>Besöksstatus</dt><dd ${x.k('fact-value')}>${CASE_STATE_TEXT[c.state]}</dd></div>
<div ${x.k('fact')}><dt ${x.k('fact-label')}>Ankomst</dt><dd ${x.k('fact-value')}>${time(x, c.arrivedAt)}</dd></div>
<div ${x.k('fact')}><dt ${x.k('fact-label')}>Besöket startade</dt><dd ${x.k('fact-value')}>${c.startedAt ? time(x, c.startedAt) : 'Ej startat'}</dd></div>
<div ${x.k('fact')}><dt ${x.k('fact-label')}>Mottagen av</dt><dd ${x.k('fact-value')}>${c.assignedTo ?? '–'}</dd></div>
<div ${x.k('fact')}><dt ${x.k('fact-label')}>Vårdenhet</dt><dd ${x.k('fact-value')}>${c.unit}, ${c.role}</dd></div>
</dl>
${c.handover ? html`<p ${x.k('tag')}>Synk Överlämning – lämnat över till ${c.handover.toRole}, väntar på mottagare</p>` : ''}
</section>`;

  const priorityId = x.id('priority-select');
  const triage = section(
    x,
    'triage',
    'Triage resultat och prioritet',
    html`<p ${x.k('prio-line')}>${priorityBadge(x, c.priority)} <span ${x.k('prio-text')}>${priorityLabel(c.priority)}</span></p>
<dl ${x.k('qa')}><div ${x.k('qa-row')}><dt ${x.k('qa-q')}>Sökorsak</dt><dd ${x.k('qa-a')}>${c.reason}</dd></div></dl>
${
  c.state === 'closed'
    ? ''
    : actionForm(
        x,
        `/api/cases/${encodeURIComponent(c.id)}/priority`,
        html`<label ${x.k('label-inline')} for="${priorityId}">Ändra prioritet</label>
<select ${x.k('select-small')} id="${priorityId}" name="priority">${([1, 2, 3, 4, 5] as const).map(
          (n) =>
            html`<option value="${n}"${n === c.priority ? raw(' selected') : ''}>${n} – ${PRIORITY_TEXT[n]}</option>`,
        )}</select>
<button type="submit" ${x.k('btn-small')}>Spara</button>`,
        'prio-form',
      )
}`,
  );
  const anamnesis = section(x, 'anamnesis', 'Anamnes', qaList(x, c.anamnesis));
  const original = section(
    x,
    'original',
    'Originalsvar',
    html`<details ${x.k('details')}><summary ${x.k('summary')}>Visa komplett intervju</summary>${qaList(x, c.originalAnswers)}</details>`,
  );
  const uploads = section(
    x,
    'uploads',
    'Uppladdningar',
    c.uploads.length === 0 ? html`<p ${x.k('empty')}>Inga uppladdningar</p>` : images(x, c.uploads, 'upload'),
  );
  const guardians = p.guardians?.length
    ? section(
        x,
        'guardians',
        'Vårdnadshavare',
        html`<ul ${x.k('guardians')}>${p.guardians.map(
          (g) =>
            html`<li ${x.k('guardian')}><span ${x.k('guardian-name')}>${g.name}</span> <span ${x.k('guardian-pnr')}>${g.personnummer}</span>${
              g.responsible ? html` <span ${x.k('tag')}>Ansvarig vårdnadshavare</span>` : ''
            }</li>`,
        )}</ul>`,
      )
    : '';

  const open = c.state === 'accepted' || c.state === 'ongoing';
  const actions = html`<div role="toolbar" aria-label="Besöksåtgärder" ${x.k('actions')}>
${
  c.state === 'waiting' || c.handover
    ? actionForm(
        x,
        `/api/cases/${encodeURIComponent(c.id)}/accept`,
        html`<button type="submit" ${x.k('btn-primary')}>Ta emot</button>`,
      )
    : ''
}
${
  c.state === 'accepted' && !c.handover
    ? actionForm(
        x,
        `/api/cases/${encodeURIComponent(c.id)}/start`,
        html`<button type="submit" ${x.k('btn-primary')}>Starta besök</button>`,
      )
    : ''
}
${
  open
    ? html`<button type="button" ${x.k('btn-danger')} name="ui" value="open-close-visit" aria-haspopup="dialog">Avsluta besök</button>
<button type="button" ${x.k('btn-secondary')} name="ui" value="open-handover" aria-haspopup="dialog">Lämna över besök</button>`
    : ''
}
</div>`;

  const chatEnabled = c.state === 'ongoing';
  const callEnabled = chatEnabled && c.online && !c.call;
  const panelId = x.id('chat-panel');
  const draft = x.ui.drafts[c.id] ?? '';
  const chatPanel = x.ui.chatPanel;
  const chat = html`<section aria-label="Chatt" ${x.k('chat')}>
<div ${x.k('chat-bar')}>
<p ${x.k(c.online ? 'presence-on' : 'presence-off')}><span ${x.k(c.online ? 'dot-on' : 'dot-off')} aria-hidden="true"></span>${
    c.online ? 'Patienten är online' : 'Patienten är offline'
  }</p>
<div ${x.k('chat-icons')}>
<button type="button" ${x.k('icon-btn')} name="ui" value="call-video" aria-label="Starta videosamtal" title="Starta videosamtal"${
    callEnabled ? '' : raw(' disabled')
  }>${icon(ICON_VIDEO)}</button>
<button type="button" ${x.k('icon-btn')} name="ui" value="call-audio" aria-label="Starta ljudsamtal" title="Starta ljudsamtal"${
    callEnabled ? '' : raw(' disabled')
  }>${icon(ICON_PHONE)}</button>
</div>
</div>
${
  c.call
    ? html`<div ${x.k('call')}><p role="status" ${x.k('call-text')}>${c.call.kind === 'video' ? 'Videosamtal pågår' : 'Ljudsamtal pågår'} sedan ${time(
        x,
        c.call.startedAt,
      )}</p>${actionForm(x, `/api/cases/${encodeURIComponent(c.id)}/call/end`, html`<button type="submit" ${x.k('btn-danger')}>Avsluta samtal</button>`)}</div>`
    : ''
}
${
  c.state === 'closed'
    ? html`<p ${x.k('chat-info')}>${
        c.asyncUntil && Date.parse(c.asyncUntil) > x.now
          ? html`Besöket är avslutat. Patienten kan svara asynkront till ${time(x, c.asyncUntil)}.`
          : 'Besöket är avslutat. Uppföljningsperioden är slut.'
      }</p>`
    : ''
}
<ol role="log" aria-label="Meddelanden" ${x.k('log')}>${c.messages.map((m) => messageItem(x, m))}</ol>
<div ${x.k('composer')}>
<div ${x.k('composer-tabs')}>
<button type="button" ${x.k('chip')} name="ui" value="panel-fraser" aria-expanded="${chatPanel === 'fraser' ? 'true' : 'false'}" aria-controls="${panelId}">Fraser</button>
<button type="button" ${x.k('chip')} name="ui" value="panel-formular" aria-expanded="${chatPanel === 'formular' ? 'true' : 'false'}" aria-controls="${panelId}">Formulär</button>
</div>
<div ${x.k('chat-panel')} id="${panelId}"${chatPanel ? '' : raw(' hidden')}>${
    chatPanel === 'fraser'
      ? html`<ul ${x.k('phrase-list')} aria-label="Fraser">${PHRASES.map(
          (ph, i) =>
            html`<li ${x.k('phrase-item')}><button type="button" ${x.k('phrase')} name="ui" value="phrase-${i}">${ph.title}</button></li>`,
        )}</ul>`
      : chatPanel === 'formular'
        ? html`<ul ${x.k('phrase-list')} aria-label="Formulär">${FORMS.map(
            (f) =>
              html`<li ${x.k('phrase-item')}>${actionForm(
                x,
                `/api/cases/${encodeURIComponent(c.id)}/form`,
                html`<span ${x.k('form-name')}>${f}</span><input type="hidden" name="form" value="${f}"><button type="submit" ${x.k('btn-small')}${
                  chatEnabled ? '' : raw(' disabled')
                }>Skicka</button>`,
                'form-row',
              )}</li>`,
          )}</ul>`
        : ''
  }</div>
${actionForm(
  x,
  `/api/cases/${encodeURIComponent(c.id)}/messages`,
  html`<textarea ${x.k('composer-input')} name="text" rows="3" aria-label="Skriv ett meddelande" placeholder="${
    chatEnabled ? 'Skriv ett meddelande' : 'Starta besöket för att chatta'
  }"${chatEnabled ? '' : raw(' disabled')}>${draft}</textarea>
<button type="submit" ${x.k('btn-primary')}${chatEnabled ? '' : raw(' disabled')}>Skicka</button>`,
  'composer-form',
)}
</div>
</section>`;

  return html`<div ${x.k('visit')}>
<div ${x.k('visit-left')}>
${header}
${status}
${triage}
${anamnesis}
${original}
${uploads}
${guardians}
</div>
<div ${x.k('visit-right')}>
${actions}
${chat}
</div>
</div>`;
}

// ------------------------------------------------------------------ entry points

function view(x: Ctx): Html {
  const r = x.route;
  switch (r.name) {
    case 'start':
    case 'login':
      return startView(x);
    case 'dropin':
      return dropInView(x, r.tab);
    case 'async':
      return asyncView(x, r.tab);
    case 'settings':
      return settingsView(x, r.tab);
    case 'visit':
      return visitView(x, r.id);
    default:
      return html`<div ${x.k('page')}><h1 ${x.k('h1')}>Sidan hittades inte</h1><p><a ${x.k('link')} href="/">Till startsidan</a></p></div>`;
  }
}

/** The inside of the app root for a state and route: the login flow or the app shell. */
export function renderApp(state: SimState, route: Route, ui: UiState, names: ClassNamer): string {
  const x = context(state, route, ui, names);
  if (state.session.stage !== 'in') return loginView(x).value;
  return shell(x, view(x)).value;
}

export function renderLogin(state: SimState, names: ClassNamer, ui: UiState = defaultUi()): string {
  return loginView(context(state, { name: 'login' }, ui, names)).value;
}

export function renderStart(state: SimState, names: ClassNamer, ui: UiState = defaultUi()): string {
  return startView(context(state, { name: 'start' }, ui, names)).value;
}

export function renderDropIn(state: SimState, names: ClassNamer, tab: DropInTab = 'waiting', ui = defaultUi()): string {
  return dropInView(context(state, { name: 'dropin', tab }, ui, names), tab).value;
}

export function renderVisit(state: SimState, names: ClassNamer, id: string, ui: UiState = defaultUi()): string {
  return visitView(context(state, { name: 'visit', id }, ui, names), id).value;
}

export function renderSettings(
  state: SimState,
  names: ClassNamer,
  tab: SettingsTab = 'profile',
  ui = defaultUi(),
): string {
  return settingsView(context(state, { name: 'settings', tab }, ui, names), tab).value;
}

export function renderAsync(state: SimState, names: ClassNamer, tab: AsyncTab = 'inbox', ui = defaultUi()): string {
  return asyncView(context(state, { name: 'async', tab }, ui, names), tab).value;
}

/** Every path the SPA knows, for a state (visit paths for each case). */
export function allPaths(state: SimState): string[] {
  return [
    '/login',
    '/',
    ...DROPIN_TABS.map((t) => t.path),
    ...ASYNC_TABS.map((t) => t.path),
    ...SETTINGS_TABS.map((t) => t.path),
    ...state.cases.map((c) => caseUrl(c)),
  ];
}

/** The phrase text with the clinician's name and title filled in. */
export function phraseText(state: SimState, index: number): string {
  const phrase = PHRASES[index];
  if (!phrase) return '';
  return phrase.text
    .replace('{clinician}', clinicianName(state.profile))
    .replace('{title}', state.profile.title.toLowerCase());
}
