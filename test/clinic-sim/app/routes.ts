/** The SPA's routes: paths ↔ route objects, and where a logged-out or logged-in visitor lands. */
import type { SimState } from '../model';

export type DropInTab = 'waiting' | 'accepted' | 'closed';
export type AsyncTab = 'inbox' | 'done';
export type SettingsTab = 'profile' | 'hardware' | 'shift';
/** Startsida's patient list (patientliggaren): every open case, or the filter *Mina aktuella*. */
export type StartFilter = 'all' | 'mine';

export type Route =
  | { name: 'login' }
  | { name: 'start'; filter?: StartFilter }
  | { name: 'dropin'; tab: DropInTab }
  | { name: 'async'; tab: AsyncTab }
  | { name: 'settings'; tab: SettingsTab }
  | { name: 'visit'; id: string }
  | { name: 'vidimering'; id: string }
  | { name: 'notfound'; path: string };

export const DROPIN_TABS: ReadonlyArray<{ tab: DropInTab; label: string; path: string }> = [
  { tab: 'waiting', label: 'Väntar i kö', path: '/drop-in' },
  { tab: 'accepted', label: 'Mottagna', path: '/drop-in/mottagna' },
  { tab: 'closed', label: 'Avslutade', path: '/drop-in/avslutade' },
];
export const START_FILTERS: ReadonlyArray<{ tab: StartFilter; label: string; path: string }> = [
  { tab: 'all', label: 'Alla aktuella', path: '/' },
  { tab: 'mine', label: 'Mina aktuella', path: '/startsida/mina-aktuella' },
];
export const ASYNC_TABS: ReadonlyArray<{ tab: AsyncTab; label: string; path: string }> = [
  { tab: 'inbox', label: 'Inkorg', path: '/asynkrona' },
  { tab: 'done', label: 'Kräver ingen åtgärd', path: '/asynkrona/klara' },
];
export const SETTINGS_TABS: ReadonlyArray<{ tab: SettingsTab; label: string; path: string }> = [
  { tab: 'profile', label: 'Profil', path: '/installningar' },
  { tab: 'hardware', label: 'Hårdvara', path: '/installningar/hardvara' },
  { tab: 'shift', label: 'Skifttyp', path: '/installningar/skifttyp' },
];

export function parseRoute(path: string): Route {
  const p = (path.split(/[?#]/)[0] ?? '/').replace(/\/+$/, '') || '/';
  if (p === '/login') return { name: 'login' };
  if (p === '/' || p === '/startsida') return { name: 'start' };
  if (p === '/startsida/mina-aktuella') return { name: 'start', filter: 'mine' };
  for (const t of DROPIN_TABS) if (p === t.path) return { name: 'dropin', tab: t.tab };
  for (const t of ASYNC_TABS) if (p === t.path) return { name: 'async', tab: t.tab };
  for (const t of SETTINGS_TABS) if (p === t.path) return { name: 'settings', tab: t.tab };
  const visit = /^\/besok\/([^/]+)$/.exec(p);
  if (visit) return { name: 'visit', id: decodeURIComponent(visit[1]!) };
  const vidimering = /^\/vidimering\/([^/]+)$/.exec(p);
  if (vidimering) return { name: 'vidimering', id: decodeURIComponent(vidimering[1]!) };
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
