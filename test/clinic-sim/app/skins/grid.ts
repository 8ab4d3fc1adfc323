/**
 * Skin 'grid': the queue as an ARIA grid of divs (role grid/row/columnheader/rowheader/cell)
 * named by a heading, waits "1 h 5 min", no `<time>` anywhere on the page (times as text); the
 * patient's number in a read-only form field labelled "Patient-ID", or masked ("19850101-XXXX",
 * labelled "Pnr (dolt)") for a protected patient, whose marker is an icon's `title`
 * "Skyddad folkbokföring"; chat as role="list"/"listitem". Decoys: ../../README.md, "Skins".
 */
import { CASE_STATE_TEXT, formatAge, formatClock, PRIORITY_TEXT, type SimCase, type SimMessage } from '../../model';
import {
  actionForm,
  type Ctx,
  dropInCases,
  ICON_SHIELD,
  icon,
  images,
  myName,
  section,
  textWithBreaks,
  waitedMs,
} from '../context';
import { type Html, html, type Part, raw } from '../html';
import { DROPIN_TABS, type DropInTab } from '../routes';
import { pageDialog } from '../views/dialogs';
import { ticketNotes } from '../views/receiving';
import { alerts, logoutButton, navList, roleOptions, shiftOngoing, unitOptions } from '../views/shell-parts';
import {
  acceptButton,
  actionsToolbar,
  chatTop,
  composer,
  handoverNote,
  INVITED_TERM,
  originalDetails,
  patientLink,
  priorityForm,
  strayNumber,
} from '../views/visit-parts';
import {
  birthIso,
  type CallWording,
  callEventText,
  chatWords,
  commonSkinStyles,
  enDash,
  extras,
  hoursShort,
  masked,
  tabLinks,
} from './common';
import type { Skin } from './types';

const CALLS: CallWording = { video: 'Videomöte', phone: 'Telefonsamtal', started: 'startat', ended: 'avslutat' };
const AUTHOR = { patient: 'Patient', clinician: 'Vårdpersonal', system: 'System' } as const;

/** "09:12" (or "2 juni 14:05") as plain text: this skin has no `<time>`. */
/**
 * This skin shows bare clock times ("08:30") — a reader can only place those on today's date.
 * Today is the reader's (the machine's) day: when the simulator's clock is elsewhere (a frozen
 * scenario clock) the date is written out, as a console does for other days.
 */
function clock(x: Ctx, iso: string): string {
  const ms = Date.parse(iso);
  const today = formatClock(ms, Date.now());
  return today.includes(' ') ? `${isoDay(ms)} ${formatClock(ms, ms)}` : today;
}

function isoDay(ms: number): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);
}

function field(x: Ctx, label: string, value: Part): Html {
  return html`<div ${x.k('field')}><span ${x.k('field-label')}>${label}</span> <span ${x.k('field-value')}>${value}</span></div>`;
}

function shell(x: Ctx, content: Html): Html {
  const s = x.s.session;
  const unitId = x.id('filter-unit');
  const roleId = x.id('filter-role');
  return html`<div ${x.k('shell')}>
<div role="navigation" aria-label="Meny" ${x.k('nav')}>
<p ${x.k('brand')}>Clinic</p>
${navList(x)}
<div ${x.k('nav-foot')}>
<a ${x.k('nav-user')} href="/installningar"><span ${x.k('nav-user-name')}>${myName(x)}</span></a>
<p ${x.k('nav-user-role')}>Roll: ${s.role ?? ''}</p>
<p ${x.k('nav-user-role')}>Vårdenhet: ${s.unit ?? ''}</p>
${logoutButton(x)}
</div>
</div>
<div ${x.k('main-col')}>
<header ${x.k('topbar')}>
<div ${x.k('topbar-row')}>
${actionForm(
  x,
  '/api/filter',
  html`<div role="toolbar" aria-label="Globalt filter" ${x.k('filter')}>
<span ${x.k('filter-label')} id="${unitId}">Vårdenhet</span><select ${x.k('select')} name="unit" aria-labelledby="${unitId}">${unitOptions(x)}</select>
<span ${x.k('filter-label')} id="${roleId}">Vårdroll</span><select ${x.k('select')} name="role" aria-labelledby="${roleId}">${roleOptions(x)}</select>
</div>`,
  'filter-form',
)}
<div role="group" aria-label="Skift" ${x.k('shift-chip')}>${shiftOngoing(x) ? 'Skift pågår' : 'Inget skift'}${
    shiftOngoing(x) && s.shiftStartedAt ? ` · ${s.shiftType ?? ''} sedan ${clock(x, s.shiftStartedAt)}` : ''
  }</div>
</div>
</header>
${alerts(x)}
<main ${x.k('content')}>
${content}
</main>
</div>
${pageDialog(x)}
</div>`;
}

function dropIn(x: Ctx, tab: DropInTab): Html {
  const current = DROPIN_TABS.find((t) => t.tab === tab)!;
  const name = tab === 'waiting' ? 'Väntande' : current.label;
  const rows = dropInCases(x, tab);
  const headingId = x.id('queue-heading');
  const head = (text: Part) => html`<div role="columnheader" ${x.k('grid-head')}>${text}</div>`;
  const cell = (text: Part, role = 'cell') => html`<div role="${role}" ${x.k('grid-cell')}>${text}</div>`;
  return html`<div ${x.k('page')}>
<h1 ${x.k('h1')}>Drop in</h1>
${tabLinks(x, tab, (t) => t.label)}
<h2 ${x.k('h2')} id="${headingId}">${name}</h2>
<div role="grid" aria-labelledby="${headingId}" aria-rowcount="${rows.length + 1}" ${x.k('grid')}>
<div role="rowgroup" ${x.k('grid-rowgroup')}><div role="row" ${x.k('grid-row')}>${head('Brådskegrad')}${head('Namn')}${head('Personnummer')}${head(
    'Sökorsak',
  )}${head('Ankomst')}${head('Väntetid')}${head(html`<span ${x.k('sr-only')}>Åtgärd</span>`)}</div></div>
<div role="rowgroup" ${x.k('grid-rowgroup')}>${
    rows.length === 0
      ? html`<div role="row" ${x.k('grid-row')}>${cell('Inga ärenden')}</div>`
      : rows.map(
          (c) =>
            html`<div role="row" ${x.k('grid-row')}>${cell(c.priority === null ? '–' : String(c.priority))}${cell(
              patientLink(x, c),
              'rowheader',
            )}${cell(enDash(c.patient.personnummer))}${cell(c.reason)}${cell(clock(x, c.arrivedAt))}${cell(
              hoursShort(waitedMs(x, c, tab)),
            )}${cell(acceptButton(x, c))}</div>`,
        )
  }</div>
</div>
</div>`;
}

function message(x: Ctx, m: SimMessage): Html {
  return html`<div role="listitem" ${x.k(`msg-${m.author}`)}>
<p ${x.k('msg-meta')}><span ${x.k('msg-author')}>${m.authorName}</span>, <span ${x.k('msg-role')}>${AUTHOR[m.author]}</span>, <span ${x.k('msg-time')}>${clock(x, m.at)}</span></p>
<p ${x.k('msg-text')}>${textWithBreaks(m.author === 'system' ? callEventText(m.text, CALLS) : m.text)}</p>
${images(x, m.images, 'msg-img')}
</div>`;
}

function header(x: Ctx, c: SimCase): Html {
  const p = c.patient;
  const v = c.headerVariant;
  const inputId = x.id('patient-id');
  const mobile = extras(c).mobile;
  let id: Html | '' = '';
  if (v !== 'no-id') {
    id = c.protected
      ? field(x, 'Pnr (dolt)', masked(p.personnummer))
      : html`<div ${x.k('field')}><label ${x.k('field-label')} for="${inputId}">Patient-ID</label> <input ${x.k('field-input')} id="${inputId}" type="text" value="${p.personnummer}" readonly></div>`;
  }
  return html`<div role="region" aria-label="Om patienten" ${x.k('patient')}>
${v === 'no-name' ? '' : html`<h1 ${x.k('patient-name')}>${p.name}${c.protected ? html` <span title="Skyddad folkbokföring" ${x.k('marker-icon')}>${icon(ICON_SHIELD)}</span>` : ''}</h1>`}
<div ${x.k('fields')}>${id}${field(x, 'Född', birthIso(p.personnummer))}${field(x, 'Ålder', formatAge(p.personnummer, x.now))}${
    mobile ? field(x, 'Mobilnummer', mobile) : ''
  }${v === 'two-ids' ? field(x, 'Tidigare', strayNumber(c)) : ''}</div>
${v === 'no-name' && c.protected ? html`<span title="Skyddad folkbokföring" ${x.k('marker-icon')}>${icon(ICON_SHIELD)}</span>` : ''}
</div>`;
}

function visit(x: Ctx, c: SimCase): Html {
  const p = c.patient;
  const fact = (label: string, value: Part) =>
    html`<li ${x.k('fact')}><span ${x.k('fact-label')}>${label}</span> <span ${x.k('fact-value')}>${value}</span></li>`;
  const facts = html`<section aria-label="Besöksinformation" ${x.k('visit-status')}>
<ul ${x.k('facts')}>${fact('Status', CASE_STATE_TEXT[c.state])}${fact('Ankomst', clock(x, c.arrivedAt))}${fact(
    'Startad',
    c.startedAt ? clock(x, c.startedAt) : 'Ej startat',
  )}${fact('Mottagen av', c.assignedTo ?? '–')}${c.invited.length ? fact(INVITED_TERM, c.invited.join(', ')) : ''}${fact('Vårdenhet', `${c.unit}, ${c.role}`)}</ul>
${handoverNote(x, c)}
</section>`;
  const answers = (list: SimCase['anamnesis']) =>
    list.length === 0
      ? html`<p ${x.k('empty')}>Inga svar</p>`
      : html`${list.map((qa) => html`<h3 ${x.k('qa-q')}>${qa.question}</h3><p ${x.k('qa-a')}>${textWithBreaks(qa.answer)}</p>`)}`;
  const triage = section(
    x,
    'triage',
    'Triage',
    html`<p ${x.k('prio-line')}>Prioritet: ${
      c.priority === null ? 'Ej triagerad' : html`<strong>${c.priority}</strong> (${PRIORITY_TEXT[c.priority]})`
    }</p>
<p ${x.k('prio-line')}>Sökorsak: ${c.reason}</p>
${priorityForm(x, c)}`,
  );
  const guardians = p.guardians?.length
    ? section(
        x,
        'guardians',
        'Vårdnadshavare',
        html`<div role="list" ${x.k('guardians')}>${p.guardians.map(
          (g) =>
            html`<div role="listitem" ${x.k('guardian')}>${g.name}, ${g.personnummer}${g.responsible ? ' – Ansvarig vårdnadshavare' : ''}</div>`,
        )}</div>`,
      )
    : '';
  const composerId = x.id('composer-input');
  const chat = html`<section aria-label="Chatt" ${x.k('chat')}>
${chatTop(x, c, chatWords(CALLS))}
<div role="list" aria-label="Meddelanden" ${x.k('log')}>${c.messages.map((m) => message(x, m))}</div>
${composer(x, c, {
  attr: raw(`id="${composerId}"`),
  before: html`<label ${x.k('sr-only')} for="${composerId}">Meddelande</label>`,
})}
</section>`;
  return html`<div ${x.k('visit')}>
<div ${x.k('visit-left')}>
${header(x, c)}
${facts}${ticketNotes(x, c)}
${triage}
${section(x, 'anamnesis', 'Anamnes', answers(c.anamnesis))}
${section(x, 'original', 'Originalsvar', originalDetails(x, c, answers))}
${section(x, 'uploads', 'Bilder', c.uploads.length === 0 ? html`<p ${x.k('empty')}>Inga bilder</p>` : images(x, c.uploads, 'upload'))}
${guardians}
</div>
<div ${x.k('visit-right')}>
${actionsToolbar(x, c)}
${chat}
</div>
</div>`;
}

function styles(c: (role: string) => string): string {
  return `${commonSkinStyles(c)}
${c('nav-foot')} ${c('nav-user-role')}{margin:0}
${c('filter')}{display:flex;gap:8px;align-items:center}
${c('grid')}{display:table;width:100%;background:#fff;border:1px solid #d9e2ee;border-radius:8px}
${c('grid-rowgroup')}{display:table-row-group}
${c('grid-row')}{display:table-row;cursor:pointer}
${c('grid-head')},${c('grid-cell')}{display:table-cell;padding:9px 12px;border-bottom:1px solid #edf1f6}
${c('grid-head')}{font-size:12px;text-transform:uppercase;color:#5b6b7f;background:#f7f9fc}
${c('fields')}{display:flex;flex-wrap:wrap;gap:6px 16px;margin-top:6px}
${c('field')}{display:flex;flex-direction:column}
${c('field-label')}{font-size:11px;text-transform:uppercase;color:#5b6b7f}
${c('field-input')}{border:0;background:transparent;font:inherit;font-weight:600;padding:0;width:11em}
${c('facts')}{list-style:none;padding:0;display:grid;grid-template-columns:1fr 1fr;gap:8px 14px}
${c('fact')}{display:flex;flex-direction:column}
`;
}

export const grid: Skin = { shell, dropIn, visit, styles };
