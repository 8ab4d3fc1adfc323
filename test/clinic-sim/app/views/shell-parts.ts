/**
 * Parts of the logged-in shell every skin draws the same way (the menu's links, "Logga ut", the
 * filter's options, alerts): the page's script finds them by name/value and form action.
 */
import { ROLES, UNITS } from '../../model';
import { type Ctx, time } from '../context';
import { type Html, html, raw } from '../html';
import type { Route } from '../routes';

const NAV: ReadonlyArray<{ label: string; path: string; match: Route['name'] }> = [
  { label: 'Startsida', path: '/', match: 'start' },
  { label: 'Drop in', path: '/drop-in', match: 'dropin' },
  { label: 'Asynkrona', path: '/asynkrona', match: 'async' },
  { label: 'Inställningar', path: '/installningar', match: 'settings' },
];

/** The menu's links, the current one marked with aria-current. */
export function navList(x: Ctx): Html {
  return html`<ul ${x.k('nav-list')}>${NAV.map(
    (item) =>
      html`<li ${x.k('nav-item')}><a ${x.k('nav-link')} href="${item.path}"${x.route.name === item.match ? raw(' aria-current="page"') : ''}>${item.label}</a></li>`,
  )}</ul>`;
}

export function shiftOngoing(x: Ctx): boolean {
  return x.s.session.shift === 'ongoing';
}

/** "Primärjour sedan 08:00" while a shift runs, else nothing. */
export function shiftDetail(x: Ctx, role = 'shift-detail'): Html | '' {
  const s = x.s.session;
  if (s.shift !== 'ongoing') return '';
  return html`<p ${x.k(role)}>${s.shiftType ?? ''}${s.shiftStartedAt ? html` sedan ${time(x, s.shiftStartedAt)}` : ''}</p>`;
}

export function logoutButton(x: Ctx): Html {
  return html`<button type="button" ${x.k('btn-logout')} name="ui" value="open-logout" aria-haspopup="dialog">Logga ut</button>`;
}

export function unitOptions(x: Ctx): Html[] {
  return UNITS.map((u) => html`<option value="${u}"${u === x.s.filter.unit ? raw(' selected') : ''}>${u}</option>`);
}

export function roleOptions(x: Ctx): Html[] {
  return ROLES.map((r) => html`<option value="${r}"${r === x.s.filter.role ? raw(' selected') : ''}>${r}</option>`);
}

/** The last failed action and a transient notice (two lines, either may be empty). */
export function alerts(x: Ctx): Html {
  return html`${x.ui.error ? html`<div role="alert" ${x.k('alert')}>${x.ui.error}</div>` : ''}
${x.ui.notice ? html`<div role="status" ${x.k('notice')}>${x.ui.notice}</div>` : ''}`;
}
