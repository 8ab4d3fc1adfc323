/**
 * Issue 11, the background's side: it finds the bridge through the native host (no paste), finds
 * it again when it moved to another port, falls back to IT's policy, and exports patient data only
 * when one of our own pages asks (never a content script). Real loopback bridges; WXT's fake
 * browser, with the native host's answer given here (the fake has no native messaging).
 */

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BridgeServer } from '../../bridge/http/server';
import { registerBridgeActions } from '../../extension/background/bridge-actions';
import { findBridge } from '../../extension/background/bridge-client';
import { NATIVE_ENDPOINT_KEY, NATIVE_HOST_NAME } from '../../extension/lib/bridge-settings';
import { isExtensionPage, type Sender } from '../../extension/lib/messages';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';
import { journalRequest } from '../bridge/fixtures';
import { ORIGIN, startStubBridge, TEST_TOKEN } from '../bridge/http-helpers';
import { callAsChrome } from './chrome-listeners';

const BASE = `chrome-extension://${CHROME_EXTENSION_ID}/`;
const OPTIONS_TAB = { id: CHROME_EXTENSION_ID, url: `${BASE}options.html`, origin: BASE.slice(0, -1), tab: { id: 4 } };
const SIDE_PANEL = { id: CHROME_EXTENSION_ID, url: `${BASE}sidepanel.html`, origin: BASE.slice(0, -1) };
const CONTENT_SCRIPT = {
  id: CHROME_EXTENSION_ID,
  url: 'https://clinic.platform24.se/besok/abc',
  origin: 'https://clinic.platform24.se',
  tab: { id: 7 },
};

let bridge: BridgeServer;
let exported: unknown[];
let nativeReply: () => Promise<unknown>;
const fetched: string[] = [];
const session = fakeBrowser.storage.session;
const managed = fakeBrowser.storage.managed;
const inSession = async (key: string) => (await session.get(key))[key];

beforeAll(async () => {
  ({ bridge, exported } = await startStubBridge());
});
afterAll(async () => {
  await bridge.close();
});

beforeEach(() => {
  fakeBrowser.reset();
  // This extension's pinned ID (the fake's getURL keeps its own test id, so it is given too).
  fakeBrowser.runtime.id = CHROME_EXTENSION_ID;
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((p: string) => `${BASE}${p.replace(/^\//, '')}`);
  vi.stubGlobal('browser', fakeBrowser);
  fetched.length = 0;
  nativeReply = async () => ({ ok: true, port: bridge.port, token: TEST_TOKEN });
  vi.spyOn(fakeBrowser.runtime, 'sendNativeMessage').mockImplementation((name: string) =>
    name === NATIVE_HOST_NAME ? nativeReply() : Promise.reject(new Error('no such host')),
  );
  vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'linux', arch: 'x86-64' });
  // The worker's fetch: Chrome adds the extension's Origin itself; Node's fetch does not.
  vi.stubGlobal('fetch', (input: string, init: RequestInit) => {
    fetched.push(input);
    return globalThis.__realFetch(input, { ...init, headers: { ...(init.headers as object), Origin: ORIGIN } });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/**
 * The background's message listeners, called as Chrome calls them: the first that answers (a
 * promise) is the reply; none answering is no answer at all (a refused sender learns nothing).
 */
function listen(): (message: unknown, sender: Sender) => unknown {
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  registerBridgeActions();
  // The fake browser's sender type lacks two of Chrome's tab fields; the handlers read none.
  const listeners = add.mock.calls.map(([l]) => l);
  return (message, sender) => listeners.map((l) => callAsChrome(l, message, sender)).find((r) => r !== undefined);
}

declare global {
  var __realFetch: typeof fetch;
}
globalThis.__realFetch = fetch;

describe('pairing with no paste: the native host', () => {
  it('tells this user’s port and token; the bridge is proven and the endpoint kept for the session', async () => {
    const found = await findBridge();
    expect(found).toMatchObject({ endpoint: { port: bridge.port, source: 'native' }, health: { kind: 'trusted' } });
    expect(await inSession(NATIVE_ENDPOINT_KEY)).toMatchObject({ port: bridge.port });
  });

  it('a restarted worker proves the endpoint of this session, even when the host does not answer now', async () => {
    await session.set({ [NATIVE_ENDPOINT_KEY]: { token: TEST_TOKEN, port: bridge.port, source: 'native' } });
    nativeReply = () => Promise.reject(new Error('Native host has exited.'));
    expect((await findBridge()).health).toEqual({ kind: 'trusted' });
  });

  it('the bridge moved to another port (restart): the host is asked again and the new port proven', async () => {
    const moved = await startStubBridge();
    try {
      await session.set({ [NATIVE_ENDPOINT_KEY]: { token: TEST_TOKEN, port: bridge.port + 0, source: 'native' } });
      await bridge.close();
      nativeReply = async () => ({ ok: true, port: moved.bridge.port, token: TEST_TOKEN });
      const found = await findBridge();
      expect(found).toMatchObject({
        endpoint: { port: moved.bridge.port, source: 'native' },
        health: { kind: 'trusted' },
      });
    } finally {
      await moved.bridge.close();
      ({ bridge, exported } = await startStubBridge());
    }
  });

  it('no host installed → IT’s policy token is used; nothing at all → not paired', async () => {
    nativeReply = () => Promise.reject(new Error('Specified native messaging host not found.'));
    await managed.set({ bridgeToken: TEST_TOKEN, bridgePort: bridge.port });
    expect(await findBridge()).toMatchObject({ endpoint: { source: 'policy' }, health: { kind: 'trusted' } });
    await managed.clear();
    expect(await findBridge()).toEqual({ endpoint: null, health: null });
  });

  it('a host answer that is not an endpoint is not believed', async () => {
    nativeReply = async () => ({ ok: true, port: 80, token: 'short' });
    expect(await findBridge()).toEqual({ endpoint: null, health: null });
  });
});

describe('exports only from extension pages', () => {
  it('our pages are told apart from content scripts by the sender’s url and origin', () => {
    expect(isExtensionPage(OPTIONS_TAB, CHROME_EXTENSION_ID, BASE)).toBe(true);
    expect(isExtensionPage(SIDE_PANEL, CHROME_EXTENSION_ID, BASE)).toBe(true);
    expect(isExtensionPage(CONTENT_SCRIPT, CHROME_EXTENSION_ID, BASE)).toBe(false);
    expect(isExtensionPage({ ...SIDE_PANEL, id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, CHROME_EXTENSION_ID, BASE)).toBe(
      false,
    );
    expect(isExtensionPage({ ...SIDE_PANEL, origin: 'https://evil.example' }, CHROME_EXTENSION_ID, BASE)).toBe(false);
  });

  it('a content script’s export request gets no answer, and nothing reaches the bridge', async () => {
    const ask = listen();
    const message = { type: 'bridge-export-pdf', request: journalRequest() };
    expect(ask(message, CONTENT_SCRIPT)).toBeUndefined();
    expect(ask({ type: 'bridge-pair', token: TEST_TOKEN, save: true }, CONTENT_SCRIPT)).toBeUndefined();
    expect(ask({ type: 'bridge-unpair' }, CONTENT_SCRIPT)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(fetched).toEqual([]);
    expect(exported).toHaveLength(0);
  });

  it('the same request from the side panel is exported', async () => {
    const reply = await listen()(
      {
        type: 'bridge-export-pdf',
        request: journalRequest({ clinician: { name: 'Doktor Test', hsaId: 'TSTNMT2321000156-1019' } }),
      },
      SIDE_PANEL,
    );
    expect(reply).toEqual({ ok: true, fileName: 'journal-test.pdf' });
    expect(exported).toHaveLength(1);
  });
});
