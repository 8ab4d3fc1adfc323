import { fromExtensionPage, type Sender } from './messages';

/**
 * The side panel ↔ a console tab's content script (issue 14: the side panel is the companion's
 * home; nothing of ours covers the console). Features publish plain view models (JSON, no DOM);
 * the side panel renders them and sends the clinician's presses back as named actions.
 *
 * A port, not storage: the models never leave memory, the worker is not involved (it may be
 * killed at any time), and with the side panel closed nothing is sent at all (no work for the
 * page). The side panel connects to the tab it shows; on connect it gets every model at once.
 */
export const PANEL_PORT = 'panel-views';

/** Content script → side panel: every feature's model (features with nothing to show are absent). */
export interface PanelViewsMessage {
  views: Record<string, unknown>;
}
/** Side panel → content script: a press in a feature's view. */
export interface PanelActionMessage {
  feature: string;
  action: string;
  data?: unknown;
}

export type PanelActionHandler = (action: string, data: unknown) => void;

/** What one feature sees of the side panel. */
export interface PanelChannel {
  /** This feature's view model (plain JSON); null: nothing to show. Unchanged models send nothing. */
  show(model: unknown): void;
  /** The side panel's presses in this feature's view, until `signal` aborts. */
  onAction(handler: PanelActionHandler, signal: AbortSignal): void;
}

interface PortLike {
  name: string;
  sender?: Sender;
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

/** Content-script side: one per page. */
export function servePanelViews(signal: AbortSignal) {
  const models = new Map<string, unknown>();
  const handlers = new Map<string, PanelActionHandler>();
  const ports = new Set<PortLike>();
  let lastSent = '';
  let scheduled = false;

  const message = (): PanelViewsMessage => ({ views: Object.fromEntries(models) });
  // Features publish during one snapshot's listeners: one message for all of them.
  const flush = () => {
    scheduled = false;
    if (ports.size === 0) return;
    const sent = message();
    const next = JSON.stringify(sent.views);
    if (next === lastSent) return;
    lastSent = next;
    for (const port of ports) post(port, sent);
  };
  const post = (port: PortLike, sent: PanelViewsMessage) => {
    try {
      port.postMessage(sent);
    } catch {
      ports.delete(port);
    }
  };
  const schedule = () => {
    if (scheduled || ports.size === 0) return;
    scheduled = true;
    queueMicrotask(flush);
  };

  const onConnect = (raw: unknown) => {
    const port = raw as PortLike;
    if (port.name !== PANEL_PORT) return;
    // Only our own extension pages (the side panel): never another extension or the page.
    if (!port.sender || !fromExtensionPage(port.sender)) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    port.onMessage.addListener((m) => {
      const action = m as Partial<PanelActionMessage>;
      if (typeof action?.feature !== 'string' || typeof action.action !== 'string') return;
      handlers.get(action.feature)?.(action.action, action.data);
    });
    const first = message();
    lastSent = JSON.stringify(first.views);
    post(port, first);
  };
  browser.runtime.onConnect.addListener(onConnect);
  signal.addEventListener('abort', () => {
    browser.runtime.onConnect.removeListener(onConnect);
    for (const port of ports) port.disconnect();
    ports.clear();
  });

  return {
    channelFor(featureId: string): PanelChannel {
      return {
        show(model) {
          if (model === null || model === undefined) models.delete(featureId);
          else models.set(featureId, model);
          schedule();
        },
        onAction(handler, until) {
          handlers.set(featureId, handler);
          until.addEventListener('abort', () => handlers.get(featureId) === handler && handlers.delete(featureId));
        },
      };
    },
    /** A stopped feature's view goes from the side panel. */
    release(featureId: string) {
      models.delete(featureId);
      handlers.delete(featureId);
      schedule();
    },
  };
}

/**
 * Side-panel side: the models of the tab shown, kept connected (a reload or a navigation ends the
 * port: it reconnects). `onViews(null)`: the tab has no content script (not a console page) yet.
 */
export function connectPanelViews(
  tabId: number,
  onViews: (views: Record<string, unknown> | null) => void,
  signal: AbortSignal,
): (feature: string, action: string, data?: unknown) => void {
  let port: PortLike | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    if (signal.aborted) return;
    const p = browser.tabs.connect(tabId, { name: PANEL_PORT }) as unknown as PortLike;
    port = p;
    p.onMessage.addListener((m) => {
      const views = (m as Partial<PanelViewsMessage>)?.views;
      if (views && typeof views === 'object') onViews(views);
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      if (signal.aborted) return;
      onViews(null);
      // Reading lastError marks it handled (no "Could not establish connection" in the console).
      void browser.runtime.lastError;
      retry = setTimeout(connect, 500);
    });
  };
  connect();
  signal.addEventListener('abort', () => {
    clearTimeout(retry);
    port?.disconnect();
  });
  return (feature, action, data) => {
    port?.postMessage({ feature, action, data } satisfies PanelActionMessage);
  };
}

type Views = Record<string, unknown> | null;
type Act = (feature: string, action: string, data?: unknown) => void;

/**
 * A connection opened as the side panel's script starts, while it reads storage for the journal
 * (issue 14, "side panel open → filled"): the content script's models are on their way during
 * those reads instead of after the first render. The cards' component adopts it (`adoptPanelViews`).
 */
interface EarlyConnection {
  tabId: number;
  /** The models so far (undefined: none yet). */
  last: Views | undefined;
  /** The adopting component's listener (null: unclaimed). */
  onViews: ((views: Views) => void) | null;
  act: Act;
  life: AbortController;
}
let early: EarlyConnection | null = null;

/** Starts connecting to `tabId`'s content script; unclaimed within `unclaimedMs` it is closed. */
export function preconnectPanelViews(tabId: number, unclaimedMs = 5000): void {
  if (early) return;
  const life = new AbortController();
  const entry: EarlyConnection = { tabId, last: undefined, onViews: null, act: () => {}, life };
  entry.act = connectPanelViews(
    tabId,
    (views) => {
      entry.last = views;
      entry.onViews?.(views);
    },
    life.signal,
  );
  early = entry;
  setTimeout(() => {
    if (early !== entry) return;
    early = null;
    life.abort();
  }, unclaimedMs);
}

/** The early connection's models so far, when it is `tabId`'s and still unclaimed (undefined: none yet). */
export function earlyViews(tabId: number | null): Views | undefined {
  return early && early.tabId === tabId ? early.last : undefined;
}

/** Connects to `tabId`'s models: the early connection when it is that tab's, else a new one. */
export function adoptPanelViews(tabId: number, onViews: (views: Views) => void, signal: AbortSignal): Act {
  const entry = early;
  if (!entry || entry.tabId !== tabId) return connectPanelViews(tabId, onViews, signal);
  early = null;
  entry.onViews = onViews;
  signal.addEventListener('abort', () => entry.life.abort());
  if (entry.last !== undefined) onViews(entry.last);
  return entry.act;
}
