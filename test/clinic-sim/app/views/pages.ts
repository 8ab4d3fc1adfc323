/** Startsida, Asynkrona and Inställningar: pages the adapter does not read, the same in every skin. */
import { CASE_STATE_TEXT, type SimCase } from '../../model';
import {
  actionForm,
  asyncCases,
  type Ctx,
  caseUrl,
  dropInCases,
  handedOverToMe,
  myCases,
  patientListCases,
  priorityBadge,
  tabs,
  time,
} from '../context';
import { type Html, html, raw } from '../html';
import { ASYNC_TABS, type AsyncTab, SETTINGS_TABS, type SettingsTab, START_FILTERS, type StartFilter } from '../routes';
import { loadBalancerSwitch, shiftTypeSelect } from './login';
import { vidimeringList } from './receiving';

export function startView(x: Ctx, filter: StartFilter = 'all'): Html {
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
${patientList(x, filter)}
${vidimeringList(x)}
</section>
</div>`;
}

/** A handed-over case's status: *Synk Överlämning* for the receiver; the giver sees to whom. */
function statusText(x: Ctx, c: SimCase): string {
  if (!c.handover) return CASE_STATE_TEXT[c.state];
  return handedOverToMe(x, c) ? 'Synk Överlämning' : `Synk Överlämning – lämnat över till ${c.handover.toRole}`;
}

/**
 * The patient list (patientliggaren) under its filters (manual: the receiver of a handover
 * chooses *Mina aktuella* and finds the case with status *Synk Överlämning*).
 */
function patientList(x: Ctx, filter: StartFilter): Html {
  const current = START_FILTERS.find((f) => f.tab === filter)!;
  const rows = patientListCases(x, filter);
  const th = (text: string) => html`<th scope="col" ${x.k('th')}>${text}</th>`;
  // Filter links, not tabs: a table in a tab panel is what Drop in's queue looks like.
  return html`<nav aria-label="Filter" ${x.k('filter-links')}>${START_FILTERS.map(
    (f) =>
      html`<a ${x.k('filter-link')} href="${f.path}"${f.tab === filter ? raw(' aria-current="page"') : ''}>${f.label}</a>`,
  )}</nav>
<div ${x.k('patient-list')}>
<table ${x.k('table')} aria-label="${current.label}">
<thead ${x.k('thead')}><tr ${x.k('tr-head')}>${th('Prioritet')}${th('Patient')}${th('Status')}${th('Sökorsak')}${th('Ankomst')}${th('Överlämnat')}</tr></thead>
<tbody ${x.k('tbody')}>${
    rows.length === 0
      ? html`<tr ${x.k('tr')}><td ${x.k('td-empty')} colspan="6">Inga ärenden</td></tr>`
      : rows.map(
          (c) =>
            html`<tr ${x.k('tr')}><td ${x.k('td')}>${priorityBadge(x, c.priority)}</td><td ${x.k('td')}><a ${x.k('row-link')} href="${caseUrl(
              c,
            )}">${c.patient.name}</a></td><td ${x.k('td')}>${statusText(x, c)}</td><td ${x.k('td')}>${c.reason}</td><td ${x.k('td')}>${time(
              x,
              c.arrivedAt,
            )}</td><td ${x.k('td')}>${c.handover ? time(x, c.handover.at) : ''}</td></tr>`,
        )
  }</tbody>
</table>
</div>`;
}

/**
 * R-D-1: the view's date filter (the manual: such views do not refresh by themselves). The
 * date is the simulator clock's day; "Uppdatera" reloads the view.
 */
function dateFilter(x: Ctx): Html {
  const id = x.id('date-filter');
  const day = x.s.now.slice(0, 10);
  return html`<form ${x.k('filter')} method="get" action="">
<label ${x.k('label')} for="${id}">Datum</label>
<input ${x.k('input')} id="${id}" type="date" name="datum" value="${day}">
<button type="submit" ${x.k('btn-secondary')}>Uppdatera</button>
</form>`;
}

export function asyncView(x: Ctx, tab: AsyncTab): Html {
  const items = ASYNC_TABS.map((t) => ({ ...t, count: asyncCases(x, t.tab).length }));
  const current = ASYNC_TABS.find((t) => t.tab === tab)!;
  const rows = asyncCases(x, tab);
  return html`<div ${x.k('page')}>
<h1 ${x.k('h1')}>Asynkrona</h1>
${dateFilter(x)}
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

export function settingsView(x: Ctx, tab: SettingsTab): Html {
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
