import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PANEL_PORT, servePanelViews } from '../../extension/lib/panel-port';

/**
 * The port between a console tab's features and the side panel (issue 14). WXT's fake browser has
 * no runtime.onConnect: the test stands in for that event (and the ports) only.
 */
type Listener = (value: unknown) => void;
const event = () => {
  const listeners = new Set<Listener>();
  return {
    addListener: (l: Listener) => listeners.add(l),
    removeListener: (l: Listener) => listeners.delete(l),
    fire: (value?: unknown) => {
      for (const l of listeners) l(value);
    },
    count: () => listeners.size,
  };
};
let onConnect: ReturnType<typeof event>;
const EXT = `chrome-extension://${fakeBrowser.runtime.id}`;

function port(url = `${EXT}/sidepanel.html`, id = fakeBrowser.runtime.id) {
  const onMessage = event();
  const onDisconnect = event();
  const p = {
    name: PANEL_PORT,
    // (Node's URL gives no origin for chrome-extension: addresses.)
    sender: { id, url, origin: url.split('/').slice(0, 3).join('/') },
    posted: [] as unknown[],
    postMessage: (m: unknown) => p.posted.push(structuredClone(m)),
    onMessage,
    onDisconnect,
    disconnect: vi.fn(),
  };
  return p;
}
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  fakeBrowser.reset();
  onConnect = event();
  vi.stubGlobal('browser', {
    ...fakeBrowser,
    runtime: { ...fakeBrowser.runtime, getURL: (p: string) => `${EXT}${p}`, onConnect },
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('panel port: features publish view models, the side panel draws them', () => {
  it('a side panel gets every card at once; one page change posts once; an unchanged model posts nothing', async () => {
    const life = new AbortController();
    const serve = servePanelViews(life.signal);
    const safety = serve.channelFor('patient-safety-banner');
    const routine = serve.channelFor('visit-routine');
    safety.show({ alerts: ['Skyddade personuppgifter'] });
    const panel = port();
    onConnect.fire(panel);
    expect(panel.posted).toEqual([{ views: { 'patient-safety-banner': { alerts: ['Skyddade personuppgifter'] } } }]);

    safety.show({ alerts: [] });
    routine.show({ priority: 3 });
    await tick();
    expect(panel.posted).toHaveLength(2);
    expect(panel.posted[1]).toEqual({
      views: { 'patient-safety-banner': { alerts: [] }, 'visit-routine': { priority: 3 } },
    });

    safety.show({ alerts: [] });
    await tick();
    expect(panel.posted).toHaveLength(2);
    // Nothing to show: the card goes.
    routine.show(null);
    await tick();
    expect(panel.posted[2]).toEqual({ views: { 'patient-safety-banner': { alerts: [] } } });
    life.abort();
    expect(panel.disconnect).toHaveBeenCalled();
    expect(onConnect.count()).toBe(0);
  });

  it('with no side panel open nothing is sent', async () => {
    const serve = servePanelViews(new AbortController().signal);
    const before = port();
    serve.channelFor('accept-reminder').show({ visitState: 'waiting' });
    await tick();
    expect(before.posted).toEqual([]);
  });

  it('a port from a web page or another extension is refused and hears nothing', async () => {
    const serve = servePanelViews(new AbortController().signal);
    serve.channelFor('same-patient-guard').show({ state: 'other' });
    const page = port('https://evil.example/x.html');
    const other = port('chrome-extension://otherextension/panel.html', 'otherextension');
    onConnect.fire(page);
    onConnect.fire(other);
    expect(page.disconnect).toHaveBeenCalled();
    expect(other.disconnect).toHaveBeenCalled();
    expect([...page.posted, ...other.posted]).toEqual([]);
  });

  it("a press reaches only its feature's handler, until the feature stops; a stopped feature's card goes", async () => {
    const serve = servePanelViews(new AbortController().signal);
    const feature = new AbortController();
    const pressed: unknown[] = [];
    const safety = serve.channelFor('patient-safety-banner');
    safety.onAction((action, data) => pressed.push([action, data]), feature.signal);
    serve.channelFor('visit-routine').onAction(() => pressed.push('wrong'), feature.signal);
    safety.show({ checks: [] });
    const panel = port();
    onConnect.fire(panel);
    panel.onMessage.fire({ feature: 'patient-safety-banner', action: 'toggle', data: { id: 'R-PI-1', value: true } });
    panel.onMessage.fire({ feature: 'patient-safety-banner' });
    expect(pressed).toEqual([['toggle', { id: 'R-PI-1', value: true }]]);
    feature.abort();
    panel.onMessage.fire({ feature: 'patient-safety-banner', action: 'toggle', data: {} });
    expect(pressed).toHaveLength(1);
    serve.release('patient-safety-banner');
    await tick();
    expect(panel.posted.at(-1)).toEqual({ views: {} });
  });
});

describe('side panel: the cards are asked for as its script starts (issue 14, open → filled)', () => {
  /** tabs.connect as the side panel calls it: the ports it opened, to answer as the tab would. */
  const connecting = () => {
    const opened: { tabId: number; port: ReturnType<typeof port> }[] = [];
    vi.stubGlobal('browser', {
      ...fakeBrowser,
      tabs: {
        ...fakeBrowser.tabs,
        connect: (tabId: number) => {
          const p = port();
          opened.push({ tabId, port: p });
          return p;
        },
      },
    });
    return opened;
  };

  it('the models that came before the first render are drawn at once, on the same connection', async () => {
    const { adoptPanelViews, earlyViews, preconnectPanelViews } = await import('../../extension/lib/panel-port');
    const opened = connecting();
    preconnectPanelViews(7);
    expect(opened.map((o) => o.tabId)).toEqual([7]);
    expect(earlyViews(7)).toBeUndefined();
    opened[0]!.port.onMessage.fire({ views: { 'visit-routine': { priority: 2 } } });
    expect(earlyViews(7)).toEqual({ 'visit-routine': { priority: 2 } });
    expect(earlyViews(8)).toBeUndefined();

    const seen: unknown[] = [];
    const life = new AbortController();
    const act = adoptPanelViews(7, (v) => seen.push(v), life.signal);
    expect(seen).toEqual([{ 'visit-routine': { priority: 2 } }]);
    expect(opened).toHaveLength(1);
    opened[0]!.port.onMessage.fire({ views: { 'visit-routine': { priority: 1 } } });
    expect(seen.at(-1)).toEqual({ 'visit-routine': { priority: 1 } });
    act('visit-routine', 'copy');
    expect(opened[0]!.port.posted).toEqual([{ feature: 'visit-routine', action: 'copy' }]);
    // Claimed once: another tab's cards get a connection of their own.
    adoptPanelViews(9, () => {}, life.signal);
    expect(opened.map((o) => o.tabId)).toEqual([7, 9]);
    life.abort();
    expect(opened[0]!.port.disconnect).toHaveBeenCalled();
  });

  it('an early connection nobody claims is closed', async () => {
    vi.useFakeTimers();
    try {
      const { earlyViews, preconnectPanelViews } = await import('../../extension/lib/panel-port');
      const opened = connecting();
      preconnectPanelViews(4, 1000);
      opened[0]!.port.onMessage.fire({ views: {} });
      expect(earlyViews(4)).toEqual({});
      vi.advanceTimersByTime(1000);
      expect(opened[0]!.port.disconnect).toHaveBeenCalled();
      expect(earlyViews(4)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
