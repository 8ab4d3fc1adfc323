/**
 * Skin 'dl', the default: the console as first simulated. Patient header `<section
 * aria-label="Patient">` with one YYYYMMDD-NNNN span; visit facts in a `<dl>`; queue as a
 * `<table>` with `<time>`; chat as `<ol role="log">`. See ../../README.md.
 */
import {
  AUTHOR_ROLE_TEXT,
  CASE_STATE_TEXT,
  formatAge,
  formatDuration,
  priorityLabel,
  type SimCase,
  type SimMessage,
} from '../../model';
import {
  actionForm,
  type Ctx,
  dropInCases,
  images,
  myName,
  priorityBadge,
  qaList,
  section,
  tabs,
  textWithBreaks,
  time,
  waitedMs,
} from '../context';
import { type Html, html, raw } from '../html';
import { DROPIN_TABS, type DropInTab } from '../routes';
import { pageDialog } from '../views/dialogs';
import { ticketNotes } from '../views/receiving';
import { alerts, logoutButton, navList, roleOptions, shiftDetail, unitOptions } from '../views/shell-parts';
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
import type { Skin } from './types';

function shell(x: Ctx, content: Html): Html {
  const s = x.s.session;
  const unitId = x.id('filter-unit');
  const roleId = x.id('filter-role');
  return html`<div ${x.k('shell')}>
<nav aria-label="Huvudmeny" ${x.k('nav')}>
<p ${x.k('brand')}>Clinic</p>
${navList(x)}
<div ${x.k('nav-foot')}>
<a ${x.k('nav-user')} href="/installningar"><span ${x.k('nav-user-name')}>${myName(x)}</span><span ${x.k('nav-user-role')}>${s.role ?? ''}, ${s.unit ?? ''}</span></a>
<section aria-label="Skift" ${x.k('shift')}>
<p ${x.k('shift-state')}><span ${x.k(s.shift === 'ongoing' ? 'dot-on' : 'dot-off')} aria-hidden="true"></span>${s.shift === 'ongoing' ? 'Skift pågår' : 'Inget skift'}</p>
${shiftDetail(x)}
</section>
${logoutButton(x)}
</div>
</nav>
<div ${x.k('main-col')}>
<header ${x.k('topbar')}>
${actionForm(
  x,
  '/api/filter',
  html`<div role="group" aria-label="Globalt filter" ${x.k('filter')}>
<div ${x.k('filter-field')}><label ${x.k('filter-label')} for="${unitId}">Vårdenhet</label>
<select ${x.k('select')} id="${unitId}" name="unit">${unitOptions(x)}</select></div>
<div ${x.k('filter-field')}><label ${x.k('filter-label')} for="${roleId}">Vårdroll</label>
<select ${x.k('select')} id="${roleId}" name="role">${roleOptions(x)}</select></div>
</div>`,
  'filter-form',
)}
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
  const overdue = tab === 'waiting' && x.now - Date.parse(c.arrivedAt) > 15 * 60_000;
  return html`<tr ${x.k('tr')}>
<td ${x.k('td')}>${priorityBadge(x, c.priority)}</td>
<td ${x.k('td')}>${patientLink(x, c)}</td>
<td ${x.k('td')}>${c.patient.personnummer}</td>
<td ${x.k('td')}>${c.reason}</td>
<td ${x.k('td')}>${time(x, c.arrivedAt)}</td>
<td ${x.k(overdue ? 'td-overdue' : 'td')}>${formatDuration(waitedMs(x, c, tab))}</td>
<td ${x.k('td-actions')}>${acceptButton(x, c)}</td>
</tr>`;
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

function visit(x: Ctx, c: SimCase): Html {
  const p = c.patient;
  const variant = c.headerVariant;
  const header = html`<section aria-label="Patient" ${x.k('patient')}>
${variant === 'no-name' ? '' : html`<h1 ${x.k('patient-name')}>${p.name}</h1>`}
<p ${x.k('patient-ids')}>${variant === 'no-id' ? '' : html`<span ${x.k('patient-pnr')}>${p.personnummer}</span>`}<span ${x.k('patient-age')}>${formatAge(
    p.personnummer,
    x.now,
  )}</span>${variant === 'two-ids' ? html`<span ${x.k('patient-prev')}>Tidigare: ${strayNumber(c)}</span>` : ''}</p>
${c.protected ? html`<p ${x.k('protected')} role="status">Skyddade personuppgifter</p>` : ''}
</section>`;

  const fact = (label: string, value: Html | string) =>
    html`<div ${x.k('fact')}><dt ${x.k('fact-label')}>${label}</dt><dd ${x.k('fact-value')}>${value}</dd></div>`;
  const status = html`<section aria-label="Besök" ${x.k('visit-status')}>
<dl ${x.k('facts')}>
${fact('Besöksstatus', CASE_STATE_TEXT[c.state])}
${fact('Ankomst', time(x, c.arrivedAt))}
${fact('Besöket startade', c.startedAt ? time(x, c.startedAt) : 'Ej startat')}
${fact('Mottagen av', c.assignedTo ?? '–')}${c.invited.length ? html`\n${fact(INVITED_TERM, c.invited.join(', '))}` : ''}
${fact('Vårdenhet', `${c.unit}, ${c.role}`)}
</dl>
${handoverNote(x, c)}
</section>`;

  const triage = section(
    x,
    'triage',
    'Triage resultat och prioritet',
    html`<p ${x.k('prio-line')}>${priorityBadge(x, c.priority)} <span ${x.k('prio-text')}>${priorityLabel(c.priority)}</span></p>
<dl ${x.k('qa')}><div ${x.k('qa-row')}><dt ${x.k('qa-q')}>Sökorsak</dt><dd ${x.k('qa-a')}>${c.reason}</dd></div></dl>
${priorityForm(x, c)}`,
  );
  const anamnesis = section(x, 'anamnesis', 'Anamnes', qaList(x, c.anamnesis));
  const original = section(x, 'original', 'Originalsvar', originalDetails(x, c));
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

  const chat = html`<section aria-label="Chatt" ${x.k('chat')}>
${chatTop(x, c)}
<ol role="log" aria-label="Meddelanden" ${x.k('log')}>${c.messages.map((m) => messageItem(x, m))}</ol>
${composer(x, c, { attr: raw('aria-label="Skriv ett meddelande"') })}
</section>`;

  return html`<div ${x.k('visit')}>
<div ${x.k('visit-left')}>
${header}
${status}${ticketNotes(x, c)}
${triage}
${anamnesis}
${original}
${uploads}
${guardians}
</div>
<div ${x.k('visit-right')}>
${actionsToolbar(x, c)}
${chat}
</div>
</div>`;
}

export const dl: Skin = { shell, dropIn, visit, styles: () => '' };
