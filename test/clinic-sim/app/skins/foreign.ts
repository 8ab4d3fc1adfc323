/**
 * Skin 'foreign': a well-formed, accessible console in words outside the default adapter
 * vocabulary (header "Vårdtagare", "Identitetsnummer", "Ärendestatus", chat "Konversation" as a
 * role="feed", queue "Inkommande" with its own column words, menu "Navigering", shift
 * "Tjänstgöring", filter "Urval"). The default adapter must answer "unknown" here; a rule set's
 * vocabulary additions and selector overrides make it readable. Words: ../../README.md, "Skins".
 */
import { CASE_STATE_TEXT, formatAge, formatDuration, PRIORITY_TEXT, type SimCase, type SimMessage } from '../../model';
import {
  actionForm,
  type Ctx,
  dropInCases,
  images,
  myName,
  priorityBadge,
  section,
  textWithBreaks,
  time,
  waitedMs,
} from '../context';
import { type Html, html, type Part, raw } from '../html';
import type { DropInTab } from '../routes';
import { pageDialog } from '../views/dialogs';
import { ticketNotes } from '../views/receiving';
import {
  alerts,
  logoutButton,
  navList,
  roleOptions,
  shiftDetail,
  shiftOngoing,
  unitOptions,
} from '../views/shell-parts';
import {
  acceptButton,
  actionsToolbar,
  chatTop,
  composer,
  handoverNote,
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
  responsibleGuardian,
  tabLinks,
} from './common';
import type { Skin } from './types';

const CALLS: CallWording = { video: 'Bildsamtal', phone: 'Röstsamtal', started: 'inlett', ended: 'avslutat' };
const AUTHOR = { patient: 'Invånare', clinician: 'Behandlare', system: 'Händelse' } as const;
const TABS: Record<DropInTab, string> = { waiting: 'Inkommande', accepted: 'Tagna ärenden', closed: 'Stängda ärenden' };
const WORDS = chatWords(CALLS, 'Invånaren är ansluten', 'Invånaren är frånkopplad');

function term(x: Ctx, label: string, value: Part): Html {
  return html`<div ${x.k('fact')}><dt ${x.k('fact-label')}>${label}</dt><dd ${x.k('fact-value')}>${value}</dd></div>`;
}

function shell(x: Ctx, content: Html): Html {
  const s = x.s.session;
  const unitId = x.id('filter-unit');
  const roleId = x.id('filter-role');
  return html`<div ${x.k('shell')}>
<nav aria-label="Navigering" ${x.k('nav')}>
<p ${x.k('brand')}>Clinic</p>
${navList(x)}
<div ${x.k('nav-foot')}>
<a ${x.k('nav-user')} href="/installningar"><span ${x.k('nav-user-name')}>${myName(x)}</span></a>
<dl ${x.k('user-terms')}>${term(x, 'Befattning', s.role ?? '')}${term(x, 'Arbetsplats', s.unit ?? '')}</dl>
<section aria-label="Tjänstgöring" ${x.k('shift')}>
<p ${x.k('shift-state')}>${shiftOngoing(x) ? 'Tjänstgöring pågår' : 'Ingen tjänstgöring'}</p>
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
  html`<div role="group" aria-label="Urval" ${x.k('filter')}>
<div ${x.k('filter-field')}><label ${x.k('filter-label')} for="${unitId}">Enhet</label>
<select ${x.k('select')} id="${unitId}" name="unit">${unitOptions(x)}</select></div>
<div ${x.k('filter-field')}><label ${x.k('filter-label')} for="${roleId}">Yrkesroll</label>
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
  const rows = dropInCases(x, tab);
  const th = (text: Part) => html`<th scope="col" ${x.k('th')}>${text}</th>`;
  return html`<div ${x.k('page')}>
<h1 ${x.k('h1')}>Drop in</h1>
${tabLinks(x, tab, (t) => TABS[t.tab])}
<table ${x.k('table')} aria-label="${TABS[tab]}">
<thead ${x.k('thead')}><tr ${x.k('tr-head')}>${th('Angelägenhet')}${th('Invånare')}${th('Identitetsnummer')}${th('Kontaktorsak')}${th(
    'Inkom',
  )}${th('Tid i kö')}${th(html`<span ${x.k('sr-only')}>Hantera</span>`)}</tr></thead>
<tbody ${x.k('tbody')}>${
    rows.length === 0
      ? html`<tr ${x.k('tr')}><td ${x.k('td-empty')} colspan="7">Inga ärenden</td></tr>`
      : rows.map(
          (c) => html`<tr ${x.k('tr')}>
<td ${x.k('td')}>${priorityBadge(x, c.priority)}</td>
<td ${x.k('td')}>${patientLink(x, c)}</td>
<td ${x.k('td')}>${c.patient.personnummer}</td>
<td ${x.k('td')}>${c.reason}</td>
<td ${x.k('td')}>${time(x, c.arrivedAt)}</td>
<td ${x.k('td')}>${formatDuration(waitedMs(x, c, tab))}</td>
<td ${x.k('td-actions')}>${acceptButton(x, c)}</td>
</tr>`,
        )
  }</tbody>
</table>
</div>`;
}

function message(x: Ctx, m: SimMessage): Html {
  return html`<article ${x.k(`msg-${m.author}`)}>
<p ${x.k('msg-meta')}><span ${x.k('msg-author')}>${m.authorName}</span> <span ${x.k('msg-role')}>${AUTHOR[m.author]}</span> ${time(x, m.at, 'msg-time')}</p>
<p ${x.k('msg-text')}>${textWithBreaks(m.author === 'system' ? callEventText(m.text, CALLS) : m.text)}</p>
${images(x, m.images, 'msg-img')}
</article>`;
}

function visit(x: Ctx, c: SimCase): Html {
  const p = c.patient;
  const v = c.headerVariant;
  const booker = responsibleGuardian(c);
  const mobile = extras(c).mobile;
  const header = section(
    x,
    'patient',
    'Vårdtagare',
    html`${v === 'no-name' ? '' : html`<h1 ${x.k('patient-name')}>${p.name}</h1>`}
<dl ${x.k('facts')}>${v === 'no-id' ? '' : term(x, 'Identitetsnummer', p.personnummer)}${term(x, 'Levnadsålder', formatAge(p.personnummer, x.now))}${
      mobile ? term(x, 'Nåbar på', mobile) : ''
    }${booker ? term(x, 'Beställd av', `${booker.name} (legal företrädare), ${booker.personnummer}`) : ''}${
      v === 'two-ids' ? term(x, 'Äldre identitet', strayNumber(c)) : ''
    }</dl>
${c.protected ? html`<p ${x.k('protected')} role="status">Spärrmarkering</p>` : ''}`,
  );
  const facts = html`<section aria-label="Ärende" ${x.k('visit-status')}>
<dl ${x.k('facts')}>${term(x, 'Ärendestatus', CASE_STATE_TEXT[c.state])}${term(x, 'Inkom', time(x, c.arrivedAt))}${term(
    x,
    'Påbörjat',
    c.startedAt ? time(x, c.startedAt) : 'Ej påbörjat',
  )}${term(x, 'Handläggare', c.assignedTo ?? '–')}${c.invited.length ? term(x, 'Medverkande', c.invited.join(', ')) : ''}${term(x, 'Enhet', `${c.unit}, ${c.role}`)}</dl>
${handoverNote(x, c)}
</section>`;
  const triage = section(
    x,
    'triage',
    'Bedömning',
    html`<p ${x.k('prio-line')}>${priorityBadge(x, c.priority)} <span ${x.k('prio-text')}>${
      c.priority === null ? 'Ej bedömd' : `Angelägenhet ${c.priority} – ${PRIORITY_TEXT[c.priority]}`
    }</span></p>
<dl ${x.k('qa')}>${term(x, 'Kontaktorsak', c.reason)}</dl>
${priorityForm(x, c)}`,
  );
  const answers = (list: SimCase['anamnesis']) =>
    list.length === 0
      ? html`<p ${x.k('empty')}>Inga svar</p>`
      : html`<dl ${x.k('qa')}>${list.map((qa) => term(x, qa.question, textWithBreaks(qa.answer)))}</dl>`;
  const guardians = p.guardians?.length
    ? section(
        x,
        'guardians',
        'Legala företrädare',
        html`<ul ${x.k('guardians')}>${p.guardians.map(
          (g) =>
            html`<li ${x.k('guardian')}>${g.name} ${g.personnummer}${g.responsible ? html` <span ${x.k('tag')}>Beställare av besöket</span>` : ''}</li>`,
        )}</ul>`,
      )
    : '';
  const chat = html`<section aria-label="Samtal" ${x.k('chat')}>
${chatTop(x, c, WORDS)}
<div role="feed" aria-label="Konversation" ${x.k('log')}>${c.messages.map((m) => message(x, m))}</div>
${composer(x, c, { attr: raw('aria-label="Svar till invånaren"'), placeholder: 'Svar till invånaren' })}
</section>`;
  return html`<div ${x.k('visit')}>
<div ${x.k('visit-left')}>
${header}
${facts}${ticketNotes(x, c)}
${triage}
${section(x, 'anamnesis', 'Frågeformulär', answers(c.anamnesis))}
${section(x, 'original', 'Alla svar', originalDetails(x, c, answers))}
${section(x, 'uploads', 'Bifogade filer', c.uploads.length === 0 ? html`<p ${x.k('empty')}>Inga filer</p>` : images(x, c.uploads, 'upload'))}
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
${c('user-terms')}{margin:0;font-size:12px;color:#a9bdd6}
${c('user-terms')} dd{margin:0;color:#fff}
`;
}

export const foreign: Skin = { shell, dropIn, visit, styles };
