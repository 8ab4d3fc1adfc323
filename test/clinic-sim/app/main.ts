/**
 * The simulator's page: a small History-API SPA. It reads the server's state (GET /api/state),
 * follows it over Server-Sent Events (/api/events), renders with the pure functions in
 * render.ts and morphs the live DOM, so navigation never reloads the document and updates show
 * up as DOM mutations. Every clinician action is a POST to /api/…; page-local state (dialogs,
 * drafts, the Fraser panel) lives here. Bundled by the server with esbuild at start-up.
 */
import type { SimState } from '../model';
import { type ClassNamer, createClassNamer } from '../names';
import { morphChildren } from './morph';
import { canonicalPath, defaultUi, parseRoute, phraseText, renderApp } from './render';
import { renderStyles } from './styles';

let state: SimState | null = null;
let receivedAt = 0;
let names: ClassNamer | null = null;
let root: Element | null = null;
const ui = defaultUi();
let lastVisitId: string | null = null;
let lastMessageCount = -1;
let lastDialog: string | null = null;
let style: HTMLStyleElement | null = null;
let styledAs = '';

function currentVisitId(): string | null {
  const route = parseRoute(location.pathname);
  return route.name === 'visit' ? route.id : null;
}

function applyState(next: SimState, fromAction: boolean): void {
  if (fromAction && state && next.version < state.version) return;
  // The same state again (e.g. the SSE stream's first frame right after GET /api/state).
  if (state && next.version === state.version && next.now === state.now && next.seed === state.seed) return;
  const seedChanged = !names || names.seed !== next.seed;
  const oldNames = names;
  state = next;
  receivedAt = Date.now();
  if (seedChanged) {
    names = createClassNamer(next.seed);
    root ??= oldNames ? document.querySelector(`.${oldNames.cls('root')}`) : null;
    root ??= document.querySelector(`.${names.cls('root')}`);
    if (!root) {
      root = document.createElement('div');
      document.body.prepend(root);
    }
    root.className = names.cls('root');
  }
  // A new seed or skin (POST /__sim/skin) brings its own stylesheet; the markup follows in render().
  const styleKey = `${next.seed}\u0000${next.skin}`;
  if (names && styleKey !== styledAs) {
    style ??= document.head.querySelector('style');
    if (!style) {
      style = document.createElement('style');
      document.head.append(style);
    }
    // The server's first paint already has this stylesheet: rewriting it would only restyle.
    const css = renderStyles(names, next.skin);
    if (style.textContent !== css) style.textContent = css;
    styledAs = styleKey;
  }
  render();
}

function render(): void {
  if (!state || !names || !root) return;
  const path = location.pathname;
  const canonical = canonicalPath(state, path);
  if (canonical !== path) history.replaceState(null, '', canonical);
  const route = parseRoute(canonical);
  const elapsed = state.clockRunning ? Date.now() - receivedAt : 0;
  const shown: SimState = { ...state, now: new Date(Date.parse(state.now) + elapsed).toISOString() };
  if (route.name !== 'visit' && ui.dialog !== 'logout') ui.dialog = null;
  morphChildren(root, renderApp(shown, route, ui, names));
  afterRender(route.name === 'visit' ? route.id : null);
}

function afterRender(visitId: string | null): void {
  // Every skin's chat log carries the 'log' class (not every skin draws it as role="log").
  const log = names ? root?.querySelector(`.${names.cls('log')}`) : null;
  const count = log?.children.length ?? -1;
  if (log && (visitId !== lastVisitId || count > lastMessageCount)) log.scrollTop = log.scrollHeight;
  if (visitId !== lastVisitId) {
    const area = composer();
    if (area && visitId) area.value = ui.drafts[visitId] ?? '';
  }
  lastVisitId = visitId;
  lastMessageCount = count;
  const dialog = root?.querySelector<HTMLElement>('[role="dialog"]');
  const dialogKey = dialog ? (dialog.getAttribute('aria-labelledby') ?? 'dialog') : null;
  if (dialog && dialogKey !== lastDialog) {
    dialog.querySelector<HTMLElement>('select, input:not([type="hidden"]), textarea, button')?.focus();
  }
  lastDialog = dialogKey;
}

function composer(): HTMLTextAreaElement | null {
  return root?.querySelector<HTMLTextAreaElement>('textarea[name="text"]') ?? null;
}

function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  ui.dialog = null;
  ui.chatPanel = null;
  ui.error = null;
  ui.notice = null;
  ui.loadBalancer = null;
  render();
  window.scrollTo(0, 0);
}

async function post(url: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new Error(typeof json.error === 'string' ? json.error : `${res.status} ${res.statusText}`);
  if (json.state) applyState(json.state as SimState, true);
  return json;
}

async function act(url: string, body: Record<string, unknown>, after?: () => void): Promise<void> {
  try {
    ui.error = null;
    await post(url, body);
    after?.();
  } catch (error) {
    ui.error = `Åtgärden misslyckades: ${(error as Error).message}`;
  }
  render();
}

function onUiButton(button: HTMLButtonElement): void {
  const value = button.value;
  const visitId = currentVisitId();
  if (value === 'open-logout') ui.dialog = 'logout';
  else if (value === 'open-close-visit') ui.dialog = 'close-visit';
  else if (value === 'open-handover') ui.dialog = 'handover';
  else if (value === 'open-ticket') ui.dialog = 'ticket';
  else if (value === 'open-invite') ui.dialog = 'invite';
  else if (value === 'close-dialog') ui.dialog = null;
  else if (value === 'toggle-load-balancer')
    ui.loadBalancer = !(ui.loadBalancer ?? state?.session.loadBalancer ?? false);
  else if (value === 'test-camera') ui.hardware.camera = true;
  else if (value === 'test-sound') ui.hardware.sound = true;
  else if (value === 'panel-fraser') ui.chatPanel = ui.chatPanel === 'fraser' ? null : 'fraser';
  else if (value === 'panel-formular') ui.chatPanel = ui.chatPanel === 'formular' ? null : 'formular';
  else if (value.startsWith('phrase-') && state && visitId) {
    const text = phraseText(state, Number(value.slice('phrase-'.length)));
    const area = composer();
    if (area && !area.disabled) {
      area.value = area.value.trim() ? `${area.value.trimEnd()} ${text}` : text;
      ui.drafts[visitId] = area.value;
      area.focus();
    }
  } else if ((value === 'call-video' || value === 'call-audio') && visitId) {
    void act(`/api/cases/${encodeURIComponent(visitId)}/call`, { kind: value === 'call-video' ? 'video' : 'audio' });
    return;
  }
  render();
}

function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  const target = event.target as Element | null;
  if (!target) return;
  const uiButton = target.closest<HTMLButtonElement>('button[name="ui"]');
  if (uiButton) {
    event.preventDefault();
    if (!uiButton.disabled) onUiButton(uiButton);
    return;
  }
  const link = target.closest<HTMLAnchorElement>('a[href]');
  if (link) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    navigate(url.pathname);
    return;
  }
  if (names && target.classList.contains(names.cls('backdrop')) && ui.dialog) {
    ui.dialog = null;
    render();
    return;
  }
  // A click anywhere on a queue row (or card) opens the visit (like the real console's clickable rows).
  const row = target.closest(names ? `tr, [role="row"], .${names.cls('queue-card')}` : 'tr, [role="row"]');
  if (row && !target.closest('button, input, select, textarea, form')) {
    const rowLink = row.querySelector<HTMLAnchorElement>('a[href]');
    if (rowLink) navigate(new URL(rowLink.href, location.href).pathname);
  }
}

function onSubmit(event: SubmitEvent): void {
  const form = event.target as HTMLFormElement;
  const action = form.getAttribute('action') ?? '';
  if (!action.startsWith('/api/')) return;
  event.preventDefault();
  const data = new FormData(form, event.submitter);
  const body: Record<string, unknown> = {};
  data.forEach((value, key) => {
    body[key] = typeof value === 'string' ? value : value.name;
  });
  const visitId = currentVisitId();
  void act(action, body, () => {
    if (action.endsWith('/messages')) {
      const area = composer();
      if (area) area.value = '';
      if (visitId) delete ui.drafts[visitId];
    }
    if (/\/(close|handover|ticket|invite)$/.test(action) || action === '/api/logout') ui.dialog = null;
    if (action === '/api/profile') ui.notice = 'Profilen har sparats.';
    if (action === '/api/shift-type') {
      ui.loadBalancer = null;
      if (state?.session.stage === 'in' && parseRoute(location.pathname).name === 'settings') {
        ui.notice = 'Skifttypen har sparats.';
      }
    }
    if (action.endsWith('/form')) ui.chatPanel = null;
  });
}

function onChange(event: Event): void {
  const target = event.target as HTMLSelectElement;
  if (target.form?.getAttribute('action') === '/api/filter') target.form.requestSubmit();
}

function onInput(event: Event): void {
  const target = event.target as HTMLTextAreaElement;
  const visitId = currentVisitId();
  if (target.name === 'text' && target.nodeName === 'TEXTAREA' && visitId) ui.drafts[visitId] = target.value;
}

function onKeydown(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  if (event.key === 'Escape' && ui.dialog) {
    ui.dialog = null;
    render();
    return;
  }
  // The manual: "skicka chattmeddelande genom att trycka Enter" (Shift+Enter: new line).
  if (
    event.key === 'Enter' &&
    !event.shiftKey &&
    !event.isComposing &&
    target.nodeName === 'TEXTAREA' &&
    (target as HTMLTextAreaElement).name === 'text'
  ) {
    event.preventDefault();
    (target as HTMLTextAreaElement).form?.requestSubmit();
  }
}

function connect(): void {
  const events = new EventSource('/api/events');
  events.addEventListener('state', (event) => applyState(JSON.parse((event as MessageEvent<string>).data), false));
}

async function boot(): Promise<void> {
  document.addEventListener('click', onClick);
  document.addEventListener('submit', onSubmit);
  document.addEventListener('change', onChange);
  document.addEventListener('input', onInput);
  document.addEventListener('keydown', onKeydown);
  window.addEventListener('popstate', () => {
    ui.dialog = null;
    ui.chatPanel = null;
    render();
  });
  // A running clock: refresh the "Väntat" times and the like.
  setInterval(() => {
    if (state?.clockRunning) render();
  }, 15_000);
  const res = await fetch('/api/state', { headers: { accept: 'application/json' } });
  applyState((await res.json()) as SimState, false);
  connect();
}

void boot();
