/**
 * Skin 'tables': patient and visit facts as `<table>`s of row headers (`<th scope="row">`); IDs in
 * the 10-digit form (YYMMDD-NNNN, YYMMDD+NNNN from 100 years); guardians and an old number as
 * rows of the patient table; the marker "SEKRETESSMARKERING" in a cell; the queue a `<table>`
 * with a `<caption>`, other column order, waits in minutes only ("65 min"), "Prio 2".
 * Decoys and wording: ../../README.md, "Skins".
 */
import {
  CASE_STATE_TEXT,
  formatAge,
  formatClock,
  PRIORITY_TEXT,
  type SimCase,
  type SimMessage,
  swedishDate,
} from '../../model';
import {
  actionForm,
  type Ctx,
  dropInCases,
  images,
  myName,
  section,
  tabs,
  textWithBreaks,
  time,
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
  type CallWording,
  callEventText,
  chatWords,
  commonSkinStyles,
  extras,
  isCoordinationNumber,
  minutesOnly,
  tenDigit,
} from './common';
import type { Skin } from './types';

const CALLS: CallWording = { video: 'Videosamtal', phone: 'Ljudsamtal', started: 'startade', ended: 'avslutades' };
const AUTHOR = { patient: 'Patient', clinician: 'Vårdgivare', system: 'System' } as const;

/** A table of row headers and values. */
function kv(x: Ctx, rows: ReadonlyArray<[string, Part] | null | false>, caption?: string): Html {
  return html`<table ${x.k('kv')}>${caption ? html`<caption ${x.k('sr-only')}>${caption}</caption>` : ''}<tbody>${rows.map(
    (r) => (r ? html`<tr><th scope="row">${r[0]}</th><td>${r[1]}</td></tr>` : ''),
  )}</tbody></table>`;
}

function prio(c: SimCase): string {
  return c.priority === null ? 'Ej triagerad' : `Prio ${c.priority}`;
}

function shell(x: Ctx, content: Html): Html {
  const s = x.s.session;
  const detail =
    shiftOngoing(x) && s.shiftStartedAt ? html` (${s.shiftType ?? ''} sedan ${time(x, s.shiftStartedAt)})` : '';
  return html`<div ${x.k('shell')}>
<nav aria-label="Huvudmeny" ${x.k('nav')}>
<p ${x.k('brand')}>Clinic</p>
${navList(x)}
<div ${x.k('nav-foot')}>
<a ${x.k('nav-user')} href="/installningar"><span ${x.k('nav-user-name')}>${myName(x)}</span></a>
<table ${x.k('user-table')}><tbody><tr><th scope="row">Roll</th><td>${s.role ?? ''}</td></tr><tr><th scope="row">Vårdenhet</th><td>${s.unit ?? ''}</td></tr></tbody></table>
${logoutButton(x)}
</div>
</nav>
<div ${x.k('main-col')}>
<header ${x.k('topbar')}>
<div ${x.k('topbar-row')}>
${actionForm(
  x,
  '/api/filter',
  html`<fieldset ${x.k('filter')}><legend ${x.k('filter-label')}>Globalt filter</legend>
<label ${x.k('filter-field')}>Vårdenhet <select ${x.k('select')} name="unit">${unitOptions(x)}</select></label>
<label ${x.k('filter-field')}>Vårdroll <select ${x.k('select')} name="role">${roleOptions(x)}</select></label>
</fieldset>`,
  'filter-form',
)}
<p role="status" aria-label="Skift" ${x.k('shift-chip')}>${shiftOngoing(x) ? 'Skift pågår' : 'Inget skift'}${detail}</p>
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
  const items = DROPIN_TABS.map((t) => ({ ...t, label: `${t.label} (${dropInCases(x, t.tab).length})` }));
  const current = DROPIN_TABS.find((t) => t.tab === tab)!;
  const rows = dropInCases(x, tab);
  const th = (text: Part) => html`<th scope="col" ${x.k('th')}>${text}</th>`;
  return html`<div ${x.k('page')}>
<h1 ${x.k('h1')}>Drop in</h1>
${tabs(x, 'dropin', 'Drop in', items, tab)}
<div role="tabpanel" id="${x.id('dropin-panel')}" aria-labelledby="${x.id(`dropin-tab-${tab}`)}" ${x.k('tabpanel')}>
<table ${x.k('table')}>
<caption ${x.k('caption')}>${current.label}</caption>
<thead ${x.k('thead')}><tr ${x.k('tr-head')}>${th('Patient')}${th('Personnummer')}${th('Väntetid')}${th('Ankomsttid')}${th('Prio')}${th(
    'Sökorsak',
  )}${th(html`<span ${x.k('sr-only')}>Åtgärd</span>`)}</tr></thead>
<tbody ${x.k('tbody')}>${
    rows.length === 0
      ? html`<tr ${x.k('tr')}><td ${x.k('td-empty')} colspan="7">Inga ärenden</td></tr>`
      : rows.map(
          (c) => html`<tr ${x.k('tr')}>
<td ${x.k('td')}>${patientLink(x, c)}</td>
<td ${x.k('td')}>${tenDigit(c.patient.personnummer, x.now)}</td>
<td ${x.k('td')}>${minutesOnly(waitedMs(x, c, tab))}</td>
<td ${x.k('td')}>${time(x, c.arrivedAt)}</td>
<td ${x.k('td')}>${prio(c)}</td>
<td ${x.k('td')}>${c.reason}</td>
<td ${x.k('td-actions')}>${acceptButton(x, c)}</td>
</tr>`,
        )
  }</tbody>
</table>
</div>
</div>`;
}

function message(x: Ctx, m: SimMessage): Html {
  return html`<article ${x.k(`msg-${m.author}`)}>
<header ${x.k('msg-meta')}><span ${x.k('msg-author')}>${m.authorName}</span> (<span ${x.k('msg-role')}>${AUTHOR[m.author]}</span>) ${time(x, m.at, 'msg-time')}</header>
<p ${x.k('msg-text')}>${textWithBreaks(m.author === 'system' ? callEventText(m.text, CALLS) : m.text)}</p>
${images(x, m.images, 'msg-img')}
</article>`;
}

function patientTable(x: Ctx, c: SimCase): Html {
  const p = c.patient;
  const v = c.headerVariant;
  const ten = (pnr: string) => tenDigit(pnr, x.now);
  const { mobile, previous } = extras(c);
  const old = v === 'two-ids' ? strayNumber(c) : previous;
  const rows: Array<[string, Part] | null> = [
    v === 'no-name' ? null : ['Namn', p.name],
    v === 'no-id'
      ? null
      : [isCoordinationNumber(p.personnummer) ? 'Samordningsnummer' : 'Personnummer', ten(p.personnummer)],
    ['Ålder', formatAge(p.personnummer, x.now)],
    mobile ? ['Telefon', mobile] : null,
    old ? ['Tidigare personnummer', ten(old)] : null,
    ...(p.guardians ?? []).map((g): [string, Part] => [
      g.responsible ? 'Ansvarig vårdnadshavare' : 'Vårdnadshavare',
      `${g.name}, ${ten(g.personnummer)}`,
    ]),
    c.protected ? ['Markering', html`<strong ${x.k('marker-text')}>SEKRETESSMARKERING</strong>`] : null,
  ];
  return section(x, 'patient', 'Patientuppgifter', kv(x, rows));
}

function visit(x: Ctx, c: SimCase): Html {
  const p = c.patient;
  const arrived = Date.parse(c.arrivedAt);
  const facts = section(
    x,
    'visit',
    'Besöksuppgifter',
    html`${kv(x, [
      ['Besöksstatus', CASE_STATE_TEXT[c.state]],
      // Date and time as plain text (a date-shaped decoy beside the numbers).
      ['Ankomst', `${swedishDate(arrived)} ${formatClock(arrived, arrived)}`],
      ['Besöket startade', c.startedAt ? time(x, c.startedAt) : 'Ej startat'],
      ['Mottagen av', c.assignedTo ?? '–'],
      ...(c.invited.length ? [[INVITED_TERM, c.invited.join(', ')] as [string, string]] : []),
      ['Vårdenhet', `${c.unit}, ${c.role}`],
    ])}
${handoverNote(x, c)}`,
  );
  const answers = (list: SimCase['anamnesis']) =>
    list.length === 0
      ? html`<p ${x.k('empty')}>Inga svar</p>`
      : kv(
          x,
          list.map((qa): [string, Part] => [qa.question, textWithBreaks(qa.answer)]),
        );
  const triage = section(
    x,
    'triage',
    'Brådskegrad',
    html`${kv(x, [
      ['Prioritet', c.priority === null ? 'Ej triagerad' : `Prio ${c.priority} – ${PRIORITY_TEXT[c.priority]}`],
      ['Sökorsak', c.reason],
    ])}
${priorityForm(x, c)}`,
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
        html`<table ${x.k('kv')}><thead><tr><th scope="col">Namn</th><th scope="col">Personnummer</th><th scope="col">Ansvarig</th></tr></thead><tbody>${p.guardians.map(
          (g) =>
            html`<tr><td>${g.name}</td><td>${tenDigit(g.personnummer, x.now)}</td><td>${g.responsible ? 'Ja' : 'Nej'}</td></tr>`,
        )}</tbody></table>`,
      )
    : '';
  const labelId = x.id('composer-label');
  const chat = html`<section aria-label="Chatt" ${x.k('chat')}>
${chatTop(x, c, chatWords(CALLS))}
<div role="log" aria-label="Meddelanden" ${x.k('log')}>${c.messages.map((m) => message(x, m))}</div>
${composer(x, c, {
  attr: raw(`aria-labelledby="${labelId}"`),
  before: html`<span ${x.k('sr-only')} id="${labelId}">Skriv ett meddelande</span>`,
})}
</section>`;
  return html`<div ${x.k('visit')}>
<div ${x.k('visit-left')}>
${patientTable(x, c)}
${facts}${ticketNotes(x, c)}
${triage}
${section(x, 'anamnesis', 'Anamnes', answers(c.anamnesis))}
${section(x, 'original', 'Originalsvar', originalDetails(x, c, answers))}
${uploads}
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
${c('user-table')}{font-size:12px;color:#dbe6f4;border-collapse:collapse}
${c('user-table')} th{text-align:left;font-weight:400;color:#a9bdd6;padding-right:8px}
${c('topbar-row')} ${c('filter')}{border:0;padding:0;margin:0;display:flex;gap:14px;align-items:flex-end}
${c('caption')}{text-align:left;font-weight:700;color:#0f2f57;padding:8px 12px}
${c('marker-text')}{color:#b3261e;letter-spacing:.5px}
`;
}

export const tables: Skin = { shell, dropIn, visit, styles };
