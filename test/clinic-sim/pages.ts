/**
 * Whole simulator pages as HTML documents, rendered in node: the server's first paint (before
 * the bundle takes over) and "saved simulator pages" for unit tests with happy-dom.
 */

import { SCENARIO_CLOCK, type ScenarioPatientKey } from '../fixtures/patients';
import { canonicalPath, defaultUi, parseRoute, type Route, renderApp, type UiState } from './app/render';
import { renderStyles } from './app/styles';
import { ALL_SKINS, type SimState, type SkinName } from './model';
import { createClassNamer } from './names';
import { SimStore } from './store';

export interface PageOptions {
  /** Page-local UI state (an open dialog, a chat panel, drafts). */
  ui?: Partial<UiState>;
  /** A script URL to load (the server's bundle); saved pages have none. */
  scriptSrc?: string;
  /** Render the route even when the SPA would redirect (e.g. a visit while logged out). */
  noRedirect?: boolean;
  /** Draw the page in this skin instead of the state's. */
  skin?: SkinName;
}

/** A full HTML document of `route` (a path like "/besok/<id>", or a Route) for `state`. */
export function renderPageHtml(
  state: SimState,
  route: string | Route,
  seed: string,
  options: PageOptions = {},
): string {
  const names = createClassNamer(seed);
  const skin = options.skin ?? state.skin;
  const drawn = skin === state.skin ? state : { ...state, skin };
  const path = typeof route === 'string' ? route : routeToPath(route);
  const resolved = parseRoute(options.noRedirect ? path : canonicalPath(state, path));
  const ui: UiState = { ...defaultUi(), ...options.ui };
  const script = options.scriptSrc ? `<script type="module" src="${options.scriptSrc}"></script>` : '';
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clinic</title>
<style>${renderStyles(names, skin)}</style>
</head>
<body>
<div class="${names.cls('root')}">${renderApp(drawn, resolved, ui, names)}</div>
${script}
</body>
</html>
`;
}

export function routeToPath(route: Route): string {
  switch (route.name) {
    case 'login':
      return '/login';
    case 'start':
      return route.filter === 'mine' ? '/startsida/mina-aktuella' : '/';
    case 'dropin':
      return route.tab === 'waiting'
        ? '/drop-in'
        : route.tab === 'accepted'
          ? '/drop-in/mottagna'
          : '/drop-in/avslutade';
    case 'async':
      return route.tab === 'inbox' ? '/asynkrona' : '/asynkrona/klara';
    case 'settings':
      return route.tab === 'profile'
        ? '/installningar'
        : route.tab === 'hardware'
          ? '/installningar/hardvara'
          : '/installningar/skifttyp';
    case 'visit':
      return `/besok/${encodeURIComponent(route.id)}`;
    case 'vidimering':
      return `/vidimering/${encodeURIComponent(route.id)}`;
    default:
      return route.path;
  }
}

/**
 * The default scenario's state without a server (for node unit tests): a store at `clock`
 * (default SCENARIO_CLOCK) with the standard cases. Mutate it with `store` (the same control
 * API as the server's) and take `store.getState()` again.
 */
export function scenarioState(
  seed = 'fixture',
  clock = SCENARIO_CLOCK,
): { store: SimStore; state: SimState; cases: Record<ScenarioPatientKey, string> } {
  const store = new SimStore({ seed, clock });
  const { cases } = store.scenario('default');
  return { store, state: store.getState(), cases };
}

export const SAVED_PAGES_SEED = 'fixture';

/**
 * The state the per-skin saved pages show: the default scenario with a video call (12 min) and a
 * phone call (3 min) in the adult's chat, 15 minutes on (the child has waited 1 h 5 min).
 */
export function skinScenarioState(seed = SAVED_PAGES_SEED): ReturnType<typeof scenarioState> {
  const local = scenarioState(seed);
  local.store.addCall(local.cases.adult, 'video', 12);
  local.store.addCall(local.cases.adult, 'audio', 3);
  local.store.setClock({ advanceMinutes: 15 });
  return { ...local, state: local.store.getState() };
}

const SKIN_PAGES: ReadonlyArray<{ name: string; key: ScenarioPatientKey | null; about: string }> = [
  { name: 'visit-adult', key: 'adult', about: 'ongoing visit, adult, chat with an image and two call events' },
  { name: 'visit-infant', key: 'infant', about: 'accepted visit, infant (5 mån) booked by a guardian' },
  { name: 'visit-child', key: 'child', about: 'waiting visit, child (7 år) booked by the responsible guardian' },
  { name: 'visit-teen', key: 'teen', about: 'waiting visit, teen (14 år) booked by a guardian' },
  { name: 'visit-protected', key: 'protected', about: 'waiting visit, protected identity' },
  { name: 'visit-centenarian', key: 'centenarian', about: 'closed visit, 104 år' },
  { name: 'visit-coordination', key: 'coordination', about: 'waiting visit, samordningsnummer' },
  { name: 'dropin-queue', key: null, about: 'Drop in, the waiting queue (one wait past an hour)' },
];

/** Per skin: <skin>/<page>.html of skinScenarioState(), every skin from the same state. */
function renderSkinPages(): Array<{ file: string; about: string; html: string }> {
  const seed = SAVED_PAGES_SEED;
  const { state, cases } = skinScenarioState(seed);
  return ALL_SKINS.flatMap((skin) =>
    SKIN_PAGES.map((p) => {
      const about = `skin '${skin}', ${p.about}`;
      const html = renderPageHtml(state, p.key ? `/besok/${cases[p.key]}` : '/drop-in', seed, { skin }).replace(
        '<!doctype html>\n',
        `<!doctype html>\n<!-- Saved simulator page (test/clinic-sim/save-pages.ts): ${about}. Seed "${seed}", clock ${state.now}. -->\n`,
      );
      return { file: `${skin}/${p.name}.html`, about, html };
    }),
  );
}

/**
 * The representative pages saved to test/fixtures/pages/ by save-pages.ts (seed "fixture",
 * SCENARIO_CLOCK, the default scenario): file name, what it shows, and the document. The
 * top-level files are skin 'dl' as first saved; <skin>/*.html are the same pages in every skin.
 */
export function renderSavedPages(): Array<{ file: string; about: string; html: string }> {
  const seed = SAVED_PAGES_SEED;
  const { store, cases } = scenarioState(seed);
  const pages: Array<{ file: string; about: string; route: string; prepare?: () => void }> = [
    {
      file: 'visit-adult.html',
      about: 'ongoing visit, adult (Anna Testsson), chat with an image',
      route: `/besok/${cases.adult}`,
    },
    {
      file: 'visit-infant.html',
      about: 'accepted visit, infant (Ella Testsson) with the responsible guardian',
      route: `/besok/${cases.infant}`,
    },
    {
      file: 'visit-child.html',
      about: 'waiting visit, child (Hugo Exempelsson) with two guardians',
      route: `/besok/${cases.child}`,
    },
    {
      file: 'visit-protected.html',
      about: 'waiting visit, Skyddade personuppgifter (Karin Skyddsdotter)',
      route: `/besok/${cases.protected}`,
    },
    {
      file: 'visit-no-id.html',
      about: "the adult's visit with headerVariant 'no-id' (no personnummer in the header)",
      route: `/besok/${cases.adult}`,
      prepare: () => store.updateCase(cases.adult, { headerVariant: 'no-id' }),
    },
    {
      file: 'visit-two-ids.html',
      about: "the adult's visit with headerVariant 'two-ids' (a stray second number in the header)",
      route: `/besok/${cases.adult}`,
      prepare: () => store.updateCase(cases.adult, { headerVariant: 'two-ids' }),
    },
    { file: 'dropin-queue.html', about: 'Drop in, tab Väntar i kö', route: '/drop-in' },
  ];
  const saved = pages.map((page) => {
    page.prepare?.();
    const state = store.getState();
    const html = renderPageHtml(state, page.route, seed).replace(
      '<!doctype html>\n',
      `<!doctype html>\n<!-- Saved simulator page (test/clinic-sim/save-pages.ts): ${page.about}. Seed "${seed}", clock ${state.now}. -->\n`,
    );
    return { file: page.file, about: page.about, html };
  });
  return [...saved, ...renderSkinPages()];
}
