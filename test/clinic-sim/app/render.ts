/**
 * The simulator's views as pure functions of (state, route, UI state, class namer) → HTML text.
 * No DOM, no I/O: the page bundle morphs the live DOM to this output, and node unit tests render
 * "saved simulator pages" with it (see ../pages.ts).
 *
 * The markup imitates what the adapter can rely on in the real console: landmarks, labels,
 * roles, headings and visible text. Class names and ids are hashed from the seed; there are no
 * data-* attributes. Patient-supplied text is always escaped. The pages the adapter reads (shell,
 * Drop in, visit) are drawn by the state's skin (./skins/); the rest is shared (./views/).
 */
import { clinicianName, PHRASES, type SimState } from '../model';
import type { ClassNamer } from '../names';
import { type Ctx, caseUrl, context, defaultUi, type UiState } from './context';
import { type Html, html } from './html';
import {
  ASYNC_TABS,
  type AsyncTab,
  DROPIN_TABS,
  type DropInTab,
  type Route,
  SETTINGS_TABS,
  type SettingsTab,
} from './routes';
import { SKIN_VIEWS } from './skins';
import { loginView } from './views/login';
import { asyncView, settingsView, startView } from './views/pages';
import { vidimeringView } from './views/receiving';
import { findCase, visitNotFound } from './views/visit-parts';

export { type DialogName, defaultUi, imageDataUrl, type UiState } from './context';
export {
  type AsyncTab,
  canonicalPath,
  type DropInTab,
  parseRoute,
  type Route,
  type SettingsTab,
} from './routes';

function visitView(x: Ctx, id: string): Html {
  const c = findCase(x, id);
  return c ? SKIN_VIEWS[x.skin].visit(x, c) : visitNotFound(x);
}

function view(x: Ctx): Html {
  const r = x.route;
  switch (r.name) {
    case 'start':
      return startView(x, r.filter);
    case 'login':
      return startView(x);
    case 'dropin':
      return SKIN_VIEWS[x.skin].dropIn(x, r.tab);
    case 'async':
      return asyncView(x, r.tab);
    case 'settings':
      return settingsView(x, r.tab);
    case 'visit':
      return visitView(x, r.id);
    case 'vidimering':
      return vidimeringView(x, r.id);
    default:
      return html`<div ${x.k('page')}><h1 ${x.k('h1')}>Sidan hittades inte</h1><p><a ${x.k('link')} href="/">Till startsidan</a></p></div>`;
  }
}

/** The inside of the app root for a state and route: the login flow or the app shell. */
export function renderApp(state: SimState, route: Route, ui: UiState, names: ClassNamer): string {
  const x = context(state, route, ui, names);
  if (state.session.stage !== 'in') return loginView(x).value;
  return SKIN_VIEWS[x.skin].shell(x, view(x)).value;
}

export function renderLogin(state: SimState, names: ClassNamer, ui: UiState = defaultUi()): string {
  return loginView(context(state, { name: 'login' }, ui, names)).value;
}

export function renderStart(state: SimState, names: ClassNamer, ui: UiState = defaultUi()): string {
  return startView(context(state, { name: 'start' }, ui, names)).value;
}

export function renderDropIn(state: SimState, names: ClassNamer, tab: DropInTab = 'waiting', ui = defaultUi()): string {
  const x = context(state, { name: 'dropin', tab }, ui, names);
  return SKIN_VIEWS[x.skin].dropIn(x, tab).value;
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
