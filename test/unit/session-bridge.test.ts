import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  answerCosmicPatientSave,
  answerSessionRead,
  registerSessionBridge,
} from '../../extension/background/session-bridge';
import { BRIDGE_PAIRING_INFO_KEY, NATIVE_ENDPOINT_KEY } from '../../extension/lib/bridge-settings';
import { type CosmicPatient, isCosmicPatient } from '../../extension/lib/cosmic-patient-record';
import { journalFactsKey } from '../../extension/lib/journal-facts';

let setAccessLevel: ReturnType<typeof vi.fn>;
const spyOnTabMessages = () => vi.spyOn(fakeBrowser.tabs, 'sendMessage');
let sendMessage: ReturnType<typeof spyOnTabMessages>;
let tabIds: number[];
beforeEach(async () => {
  fakeBrowser.reset();
  vi.stubGlobal('browser', fakeBrowser);
  // storage.session.setAccessLevel is Chrome's own (the fake browser has none).
  setAccessLevel = vi.fn(async () => {});
  vi.stubGlobal('chrome', { storage: { session: { setAccessLevel } } });
  // Console tabs 1 and 2; tab 3 has no content script (another site), so sending to it fails.
  for (let i = 0; i < 3; i++) await fakeBrowser.tabs.create({ url: `https://clinic.example/besok/${i}` });
  tabIds = (await fakeBrowser.tabs.query({})).map((t) => t.id!);
  sendMessage = spyOnTabMessages().mockImplementation(async (tabId: number) => {
    if (tabId === 3) throw new Error('Could not establish connection. Receiving end does not exist.');
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const session = fakeBrowser.storage.session;
const stored = async (key: string) => (await session.get(key))[key];

const TAB = { id: fakeBrowser.runtime.id, tab: { id: 1 } };
const PATIENT: CosmicPatient = {
  idHash: 'a'.repeat(64),
  masked: '19900101-••85',
  initials: 'ÅÖ',
  copiedAt: '2026-11-26T10:00:00.000Z',
};

describe('session bridge: content scripts see only the allow-listed session keys (R-ID-2; the R-J-6 journal facts stay trusted-only)', () => {
  it('keeps session storage trusted-only', () => {
    registerSessionBridge();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it("refuses a content script's read of a tab's journal facts (patient name, personnummer, anamnesis)", async () => {
    await session.set({
      [journalFactsKey(1)]: { tabId: 1, facts: { patient: { name: 'Tolvan Tolvansson' } } },
      noReplyRestore: { restored: 1 },
    });
    expect(await answerSessionRead({ type: 'session-read', key: journalFactsKey(1) }, TAB)).toBeNull();
    expect(await answerSessionRead({ type: 'session-read', key: 'noReplyRestore' }, TAB)).toBeNull();
    expect(await answerSessionRead({ type: 'session-read', key: null }, TAB)).toBeNull();
    expect(await answerSessionRead({ type: 'session-read', key: ['cosmicPatient'] }, TAB)).toBeNull();
  });

  it('issue 11: never hands a content script the bridge token (the native endpoint) or the pairing info', async () => {
    registerSessionBridge();
    const token = 'T'.repeat(43);
    await session.set({
      [NATIVE_ENDPOINT_KEY]: { token, port: 47121, source: 'native' },
      [BRIDGE_PAIRING_INFO_KEY]: { source: 'native', port: 47121 },
    });
    expect(await answerSessionRead({ type: 'session-read', key: NATIVE_ENDPOINT_KEY }, TAB)).toBeNull();
    expect(await answerSessionRead({ type: 'session-read', key: BRIDGE_PAIRING_INFO_KEY }, TAB)).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(JSON.stringify(sendMessage.mock.calls)).not.toContain(token);
  });

  it('answers the allow-listed keys, and creates the identity key when missing', async () => {
    await session.set({ cosmicPatient: PATIENT, bridgeStatus: { bridge: 'ok', card: null, checkedAt: 'x' } });
    expect(await answerSessionRead({ type: 'session-read', key: 'cosmicPatient' }, TAB)).toEqual(PATIENT);
    expect(await answerSessionRead({ type: 'session-read', key: 'bridgeStatus' }, TAB)).toMatchObject({
      bridge: 'ok',
    });
    const key = await answerSessionRead({ type: 'session-read', key: 'cosmicKey' }, TAB);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await answerSessionRead({ type: 'session-read', key: 'cosmicKey' }, TAB)).toBe(key);
  });

  it('ignores messages from elsewhere and messages that are not its own', () => {
    expect(
      answerSessionRead({ type: 'session-read', key: 'cosmicPatient' }, { id: 'another-extension', tab: { id: 1 } }),
    ).toBe(undefined);
    for (const answer of [answerSessionRead, answerCosmicPatientSave]) {
      expect(answer({ type: 'journal-facts' }, TAB)).toBeUndefined();
      expect(answer(null, TAB)).toBeUndefined();
    }
  });

  it('stores a well-formed Cosmic patient from a tab, refuses anything else', async () => {
    expect(await answerCosmicPatientSave({ type: 'cosmic-patient-save', patient: PATIENT }, TAB)).toEqual({ ok: true });
    expect(await stored('cosmicPatient')).toEqual(PATIENT);
    await session.remove('cosmicPatient');
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
      expect(await answerCosmicPatientSave({ type: 'cosmic-patient-save', patient }, TAB)).toEqual({
        ok: false,
        code: 'refused',
      });
    }
    // Not from a tab (an extension page writes storage itself).
    expect(
      await answerCosmicPatientSave({ type: 'cosmic-patient-save', patient: PATIENT }, { id: fakeBrowser.runtime.id }),
    ).toEqual({ ok: false, code: 'refused' });
    expect(await stored('cosmicPatient')).toBeUndefined();
    expect(isCosmicPatient(PATIENT)).toBe(true);
  });

  it('forwards changes of the allow-listed keys to every tab, never the journal facts or the key', async () => {
    registerSessionBridge();
    await session.set({ [journalFactsKey(2)]: { tabId: 2 }, cosmicKey: 'k'.repeat(64) });
    await new Promise((r) => setTimeout(r, 0));
    expect(sendMessage).not.toHaveBeenCalled();
    await session.set({ cosmicPatient: PATIENT });
    // Every open tab is told (the one without our content script refuses, harmlessly).
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(tabIds.length));
    expect(sendMessage).toHaveBeenCalledWith(1, { type: 'session-changed', key: 'cosmicPatient', value: PATIENT });
    // A removal is forwarded as null.
    await session.set({ bridgeStatus: { bridge: 'ok', card: null, checkedAt: 'x' } });
    await session.remove('bridgeStatus');
    await vi.waitFor(() =>
      expect(sendMessage).toHaveBeenCalledWith(2, { type: 'session-changed', key: 'bridgeStatus', value: null }),
    );
  });
});
