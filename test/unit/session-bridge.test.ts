import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleSessionMessage, registerSessionBridge } from '../../extension/background/session-bridge';
import { BRIDGE_PAIRING_INFO_KEY, NATIVE_ENDPOINT_KEY } from '../../extension/lib/bridge-settings';
import { type CosmicPatient, isCosmicPatient } from '../../extension/lib/cosmic-patient';
import { journalFactsKey } from '../../extension/lib/journal-facts';

/** Just enough of `browser` and `chrome` for the session bridge: session storage, runtime, tabs. */
function fakeBrowser() {
  const data: Record<string, unknown> = {};
  const changed: ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[] = [];
  const session = {
    data,
    async get(keys: string | string[] | null) {
      if (keys === null) return structuredClone(data);
      const list = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items: Record<string, unknown>) {
      Object.assign(data, structuredClone(items));
      const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
      for (const l of changed) l(changes, 'session');
    },
    async remove() {},
  };
  const message: ((m: unknown, s: unknown) => unknown)[] = [];
  const sendMessage = vi.fn(async (tabId: number, _m: unknown) => {
    if (tabId === 3) throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  return {
    session,
    changed,
    message,
    sendMessage,
    setAccessLevel: vi.fn(async () => {}),
    browser: {
      storage: { session, onChanged: { addListener: (l: (typeof changed)[number]) => changed.push(l) } },
      runtime: { id: 'ext', onMessage: { addListener: (l: (typeof message)[number]) => message.push(l) } },
      tabs: { query: async () => [{ id: 1 }, { id: 2 }, { id: 3 }], sendMessage },
    },
  };
}

let fake: ReturnType<typeof fakeBrowser>;
beforeEach(() => {
  fake = fakeBrowser();
  vi.stubGlobal('browser', fake.browser);
  vi.stubGlobal('chrome', { storage: { session: { setAccessLevel: fake.setAccessLevel } } });
});
afterEach(() => vi.unstubAllGlobals());

const TAB = { id: 'ext', tab: { id: 1 } };
const PATIENT: CosmicPatient = {
  idHash: 'a'.repeat(64),
  masked: '19900101-••85',
  initials: 'ÅÖ',
  copiedAt: '2026-11-26T10:00:00.000Z',
};

describe('session bridge: content scripts see only the allow-listed session keys (R-ID-2; the R-J-6 journal facts stay trusted-only)', () => {
  it('keeps session storage trusted-only', () => {
    registerSessionBridge();
    expect(fake.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it("refuses a content script's read of a tab's journal facts (patient name, personnummer, anamnesis)", async () => {
    fake.session.data[journalFactsKey(1)] = { tabId: 1, facts: { patient: { name: 'Tolvan Tolvansson' } } };
    fake.session.data.noReplyRestore = { restored: 1 };
    expect(await handleSessionMessage({ type: 'session-read', key: journalFactsKey(1) }, TAB)).toBeNull();
    expect(await handleSessionMessage({ type: 'session-read', key: 'noReplyRestore' }, TAB)).toBeNull();
    expect(await handleSessionMessage({ type: 'session-read', key: null }, TAB)).toBeNull();
    expect(await handleSessionMessage({ type: 'session-read', key: ['cosmicPatient'] }, TAB)).toBeNull();
  });

  it('issue 11: never hands a content script the bridge token (the native endpoint) or the pairing info', async () => {
    registerSessionBridge();
    const token = 'T'.repeat(43);
    await fake.browser.storage.session.set({
      [NATIVE_ENDPOINT_KEY]: { token, port: 47121, source: 'native' },
      [BRIDGE_PAIRING_INFO_KEY]: { source: 'native', port: 47121 },
    });
    expect(await handleSessionMessage({ type: 'session-read', key: NATIVE_ENDPOINT_KEY }, TAB)).toBeNull();
    expect(await handleSessionMessage({ type: 'session-read', key: BRIDGE_PAIRING_INFO_KEY }, TAB)).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(JSON.stringify(fake.sendMessage.mock.calls)).not.toContain(token);
  });

  it('answers the allow-listed keys, and creates the identity key when missing', async () => {
    fake.session.data.cosmicPatient = PATIENT;
    fake.session.data.bridgeStatus = { bridge: 'ok', card: null, checkedAt: 'x' };
    expect(await handleSessionMessage({ type: 'session-read', key: 'cosmicPatient' }, TAB)).toEqual(PATIENT);
    expect(await handleSessionMessage({ type: 'session-read', key: 'bridgeStatus' }, TAB)).toMatchObject({
      bridge: 'ok',
    });
    const key = await handleSessionMessage({ type: 'session-read', key: 'cosmicKey' }, TAB);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await handleSessionMessage({ type: 'session-read', key: 'cosmicKey' }, TAB)).toBe(key);
  });

  it('ignores messages from elsewhere and messages that are not its own', () => {
    expect(handleSessionMessage({ type: 'session-read', key: 'cosmicPatient' }, { id: 'other', tab: { id: 1 } })).toBe(
      undefined,
    );
    expect(handleSessionMessage({ type: 'journal-facts' }, TAB)).toBeUndefined();
    expect(handleSessionMessage(null, TAB)).toBeUndefined();
  });

  it('stores a well-formed Cosmic patient from a tab, refuses anything else', async () => {
    expect(await handleSessionMessage({ type: 'cosmic-patient-save', patient: PATIENT }, TAB)).toEqual({ ok: true });
    expect(fake.session.data.cosmicPatient).toEqual(PATIENT);
    delete fake.session.data.cosmicPatient;
    const bad = [
      { ...PATIENT, masked: '199001011234' },
      { ...PATIENT, idHash: '19900101-1234' },
      { ...PATIENT, initials: '19900101' },
      { ...PATIENT, copiedAt: 'igår' },
      { ...PATIENT, name: 'Tolvan Tolvansson' },
      null,
      'cosmicPatient',
    ];
    for (const patient of bad) {
      expect(await handleSessionMessage({ type: 'cosmic-patient-save', patient }, TAB)).toEqual({ ok: false });
    }
    // Not from a tab (an extension page writes storage itself).
    expect(await handleSessionMessage({ type: 'cosmic-patient-save', patient: PATIENT }, { id: 'ext' })).toEqual({
      ok: false,
    });
    expect('cosmicPatient' in fake.session.data).toBe(false);
    expect(isCosmicPatient(PATIENT)).toBe(true);
  });

  it('forwards changes of the allow-listed keys to every tab, never the journal facts or the key', async () => {
    registerSessionBridge();
    await fake.browser.storage.session.set({ [journalFactsKey(2)]: { tabId: 2 }, cosmicKey: 'k'.repeat(64) });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.sendMessage).not.toHaveBeenCalled();
    await fake.browser.storage.session.set({ cosmicPatient: PATIENT });
    await vi.waitFor(() => expect(fake.sendMessage).toHaveBeenCalledTimes(3));
    expect(fake.sendMessage).toHaveBeenCalledWith(1, { type: 'session-changed', key: 'cosmicPatient', value: PATIENT });
    // A removal is forwarded as null.
    for (const l of fake.changed) l({ bridgeStatus: {} }, 'session');
    await vi.waitFor(() =>
      expect(fake.sendMessage).toHaveBeenCalledWith(2, { type: 'session-changed', key: 'bridgeStatus', value: null }),
    );
  });
});
