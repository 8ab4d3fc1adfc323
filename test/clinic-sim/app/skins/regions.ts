/**
 * Skin 'regions': facts as label/value `<span>` pairs inside `role="region"` blocks named by a
 * visible label (aria-labelledby); numbers written with a space (the patient's with a no-break
 * space); the booking guardian and the patient's mobile in the header; the protection marker as
 * an icon named only by aria-label; chat messages as `role="article"`; the queue as cards of
 * pairs. Decoys and wording: ../../README.md, "Skins".
 */
import { CASE_STATE_TEXT, formatAge, formatDuration, PRIORITY_TEXT, type SimCase, type SimMessage } from '../../model';
import {
  actionForm,
  type Ctx,
  dropInCases,
  ICON_SHIELD,
  icon,
  images,
  myName,
  priorityBadge,
  tabs,
  textWithBreaks,
  time,
  waitedMs,
} from '../context';
import { type Html, html, type Part, raw } from '../html';
import { DROPIN_TABS, type DropInTab } from '../routes';
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
  clinicianWord,
  commonSkinStyles,
  extras,
  isCoordinationNumber,
  pair,
  recentVisits,
  responsibleGuardian,
  spaced,
} from './common';
import type { Skin } from './types';

const CALLS: CallWording = { video: 'Videomöte', phone: 'Telefonsamtal', started: 'startade', ended: 'avslutades' };
const NBSP = '\u00a0';

/** A block named by its visible label. */
function region(x: Ctx, key: string, label: string, body: Part, cls = 'card-section'): Html {
  const id = x.id(`region-${key}`);
  return html`<div role="region" aria-labelledby="${id}" ${x.k(cls)}>
<p ${x.k('region-label')} id="${id}">${label}</p>
${body}
</div>`;
}

function shell(x: Ctx, content: Html): Html {
  const s = x.s.session;
  const navId = x.id('nav-label');
  const filterId = x.id('filter-label');
  return html`<div ${x.k('shell')}>
<nav aria-labelledby="${navId}" ${x.k('nav')}>
<p ${x.k('brand')}>Clinic</p>
<p ${x.k('nav-label')} id="${navId}">Meny</p>
${navList(x)}
<div ${x.k('nav-foot')}>
<a ${x.k('nav-user')} href="/installningar"><span ${x.k('nav-user-name')}>${myName(x)}</span></a>
<span ${x.k('nav-pairs')}>${pair(x, 'Roll', s.role ?? '')}${pair(x, 'Vårdenhet', s.unit ?? '')}</span>
${region(
  x,
  'shift',
  'Skift',
  html`<p ${x.k('shift-state')}>${shiftOngoing(x) ? 'Skift pågår' : 'Inget skift'}</p>
${shiftDetail(x)}`,
  'shift',
)}
${logoutButton(x)}
</div>
</nav>
<div ${x.k('main-col')}>
<header ${x.k('topbar')}>
${actionForm(
  x,
  '/api/filter',
  html`<div role="group" aria-labelledby="${filterId}" ${x.k('filter')}>
<span ${x.k('filter-label')} id="${filterId}">Globalt filter</span>
<select ${x.k('select')} name="unit" aria-label="Vårdenhet">${unitOptions(x)}</select>
<select ${x.k('select')} name="role" aria-label="Vårdroll">${roleOptions(x)}</select>
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
  const listId = x.id('queue-label');
  return html`<div ${x.k('page')}>
<h1 ${x.k('h1')}>Drop in</h1>
${tabs(x, 'dropin', 'Drop in', items, tab)}
<div role="tabpanel" id="${x.id('dropin-panel')}" aria-labelledby="${x.id(`dropin-tab-${tab}`)}" ${x.k('tabpanel')}>
<div role="region" aria-labelledby="${listId}" ${x.k('queue')}>
<h2 ${x.k('h2')} id="${listId}">${current.label}</h2>
${
  rows.length === 0
    ? html`<p ${x.k('empty')}>Inga ärenden</p>`
    : html`<ul ${x.k('queue-cards')}>${rows.map((c) => queueCard(x, c, tab))}</ul>`
}
</div>
</div>
</div>`;
}

function queueCard(x: Ctx, c: SimCase, tab: DropInTab): Html {
  return html`<li ${x.k('queue-card')}>
${pair(x, 'Prioritet', priorityBadge(x, c.priority))}
${pair(x, 'Patient', patientLink(x, c))}
${pair(x, 'Personnummer', spaced(c.patient.personnummer))}
${pair(x, 'Sökorsak', c.reason)}
${pair(x, 'Ankomst', time(x, c.arrivedAt))}
${pair(x, 'Väntat', formatDuration(waitedMs(x, c, tab)))}
${acceptButton(x, c)}
</li>`;
}

function message(x: Ctx, m: SimMessage): Html {
  const word = m.author === 'patient' ? 'Patienten' : m.author === 'clinician' ? clinicianWord(x) : 'Systemmeddelande';
  return html`<div role="article" ${x.k(`msg-${m.author}`)}>
<p ${x.k('msg-meta')}><span ${x.k('msg-role')}>${word}</span> <span ${x.k('msg-author')}>${m.authorName}</span> ${time(x, m.at, 'msg-time')}</p>
<p ${x.k('msg-text')}>${textWithBreaks(m.author === 'system' ? callEventText(m.text, CALLS) : m.text)}</p>
${images(x, m.images, 'msg-img')}
</div>`;
}

function header(x: Ctx, c: SimCase): Html {
  const p = c.patient;
  const v = c.headerVariant;
  const mobile = extras(c).mobile;
  const booker = responsibleGuardian(c);
  return region(
    x,
    'patient',
    'Patientinformation',
    html`${v === 'no-name' ? '' : html`<div role="heading" aria-level="1" ${x.k('patient-name')}>${p.name}</div>`}
<p ${x.k('patient-ids')}>${
      v === 'no-id'
        ? ''
        : pair(x, isCoordinationNumber(p.personnummer) ? 'Samordningsnummer' : 'Personnr', spaced(p.personnummer, NBSP))
    }${pair(x, 'Ålder', formatAge(p.personnummer, x.now))}${mobile ? pair(x, 'Mobil', mobile) : ''}${
      booker ? pair(x, 'Bokad av', `${booker.name} (ansvarig vårdnadshavare), ${spaced(booker.personnummer)}`) : ''
    }${v === 'two-ids' ? pair(x, 'Tidigare', spaced(strayNumber(c))) : ''}</p>
${c.protected ? html`<span role="img" aria-label="Skyddad identitet" ${x.k('marker-icon')}>${icon(ICON_SHIELD)}</span>` : ''}`,
    'patient',
  );
}

function visit(x: Ctx, c: SimCase): Html {
  const p = c.patient;
  const facts = region(
    x,
    'visit',
    'Besök',
    html`${pair(x, 'Status', CASE_STATE_TEXT[c.state])}${pair(x, 'Ankom', time(x, c.arrivedAt))}${pair(
      x,
      'Startad',
      c.startedAt ? time(x, c.startedAt) : 'Ej startat',
    )}${pair(x, 'Mottagen av', c.assignedTo ?? '–')}${c.invited.length ? pair(x, INVITED_TERM, c.invited.join(', ')) : ''}${pair(x, 'Vårdenhet', `${c.unit}, ${c.role}`)}
${handoverNote(x, c)}`,
    'visit-status',
  );
  const answers = (list: SimCase['anamnesis']) =>
    list.length === 0
      ? html`<p ${x.k('empty')}>Inga svar</p>`
      : html`<div ${x.k('qa')}>${list.map((qa) => html`<div ${x.k('qa-row')}>${pair(x, qa.question, textWithBreaks(qa.answer))}</div>`)}</div>`;
  const triage = region(
    x,
    'triage',
    'Triage',
    html`${pair(x, 'Prioritet', c.priority === null ? 'Ej triagerad' : `${c.priority} – ${PRIORITY_TEXT[c.priority]}`)}${pair(
      x,
      'Sökorsak',
      c.reason,
    )}
${priorityForm(x, c)}`,
  );
  const uploads = region(
    x,
    'uploads',
    'Bilder',
    c.uploads.length === 0 ? html`<p ${x.k('empty')}>Inga bilder</p>` : images(x, c.uploads, 'upload'),
  );
  const guardians = p.guardians?.length
    ? region(
        x,
        'guardians',
        'Vårdnadshavare',
        p.guardians.map(
          (g) =>
            html`<div ${x.k('guardian')}>${pair(x, g.responsible ? 'Ansvarig vårdnadshavare' : 'Vårdnadshavare', `${g.name}, ${spaced(g.personnummer)}`)}</div>`,
        ),
      )
    : '';
  const recent = recentVisits(x, c);
  const recentId = x.id('recent-label');
  const aside = recent.length
    ? html`<aside aria-labelledby="${recentId}" ${x.k('recent')}>
<p ${x.k('region-label')} id="${recentId}">Senaste besök</p>
<ul ${x.k('recent-list')}>${recent.map((o) => html`<li>${o.patient.name}, ${spaced(o.patient.personnummer)} – ${o.reason}</li>`)}</ul>
</aside>`
    : '';
  const logId = x.id('log-label');
  const chat = html`<div ${x.k('chat')}>
${chatTop(x, c, chatWords(CALLS))}
<p ${x.k('region-label')} id="${logId}">Chatt</p>
<div role="log" aria-labelledby="${logId}" ${x.k('log')}>${c.messages.map((m) => message(x, m))}</div>
${composer(x, c, { attr: raw('aria-label="Skriv ett meddelande"') })}
</div>`;
  return html`<div ${x.k('visit')}>
<div ${x.k('visit-left')}>
${header(x, c)}
${facts}${ticketNotes(x, c)}
${triage}
${region(x, 'anamnesis', 'Anamnes', answers(c.anamnesis))}
${region(x, 'original', 'Originalsvar', originalDetails(x, c, answers))}
${uploads}
${guardians}
</div>
<div ${x.k('visit-right')}>
${actionsToolbar(x, c)}
${aside}
${chat}
</div>
</div>`;
}

function styles(c: (role: string) => string): string {
  return `${commonSkinStyles(c)}
${c('nav-label')}{margin:0 20px 6px;font-size:11px;text-transform:uppercase;color:#a9bdd6}
${c('nav-pairs')} ${c('pair-label')}{color:#a9bdd6}
${c('queue-cards')}{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
${c('queue-card')}{background:#fff;border:1px solid #d9e2ee;border-radius:8px;padding:10px 14px;cursor:pointer}
${c('recent')}{background:#fff;border:1px solid #d9e2ee;border-radius:8px;padding:10px 14px;font-size:13px}
${c('recent-list')}{margin:0;padding-left:18px}
${c('chat')} > ${c('region-label')}{padding:6px 14px 0}
`;
}

export const regions: Skin = { shell, dropIn, visit, styles };
