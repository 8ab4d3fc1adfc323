import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resolveRules } from '../../extension/background/rules';
import { registerVisitFacts, saveVisitFacts, sweepClosedTabs } from '../../extension/background/visit-facts';
import { exportPdf } from '../../extension/entrypoints/sidepanel/export-pdf';
import { bridgeErrorWords } from '../../extension/lib/error-words';
import { buildPanelNote, emptyDraft } from '../../extension/lib/journal-draft';
import { isPlausibleFacts, type JournalVisitFacts, journalFactsKey } from '../../extension/lib/journal-facts';
import type { Sender } from '../../extension/lib/messages';
import { EFFECTIVE_RULES_KEY, LOCAL_RULES_KEY } from '../../extension/lib/rules';
import { defaultRuleSet } from '../../shared/rules';
import { callAsChrome } from './chrome-listeners';

beforeEach(async () => {
  fakeBrowser.reset();
  vi.stubGlobal('browser', fakeBrowser);
  // Two console tabs are open (ids 1 and 2; the fake browser's own tab 0 too).
  await fakeBrowser.tabs.create({ url: 'https://clinic.example/besok/1' });
  await fakeBrowser.tabs.create({ url: 'https://clinic.example/besok/2' });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const session = async () => fakeBrowser.storage.session.get(null);
/** The listener a module registered, called as Chrome calls it. */
function registeredListener(register: () => void) {
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  register();
  const listener = add.mock.calls[0]![0];
  add.mockRestore();
  return (message: unknown, sender: Sender) => callAsChrome(listener, message, sender);
}
const EXT = fakeBrowser.runtime.id;

const FACTS: JournalVisitFacts = {
  visitKey: '/besok/abc',
  priority: 2,
  channels: { chat: true, phone: false, video: false },
  anamnesis: 'Halsont',
  imagesSent: 0,
  clinician: { unit: '1177 direkt Uppsala län', role: 'Sjuksköterska' },
  patient: { name: 'Anna Testsson', personnummer: '199001012385', protectedIdentity: false },
  visitStartedAt: '2024-06-03T06:30:00.000Z',
};

describe('background rules: a superuser rule set (issue 3)', () => {
  it('a malformed superuser rule set is refused with every error; the last good stays in force', async () => {
    const lastGood = { ...defaultRuleSet, meta: { ...defaultRuleSet.meta, version: '1.1.0' } };
    await fakeBrowser.storage.local.set({ [LOCAL_RULES_KEY]: lastGood });
    expect((await resolveRules()).source).toBe('superuser');

    await fakeBrowser.storage.local.set({
      [LOCAL_RULES_KEY]: { schemaVersion: 3, channelPrecedence: ['fax'], timers: 'x' },
    });
    const effective = await resolveRules();
    expect(effective.source).toBe('last-good');
    expect(effective.rules.meta.version).toBe('1.1.0');
    expect(effective.refused).toHaveLength(1);
    const paths = effective.refused[0]!.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['meta', 'timers']));
    expect(paths.some((p) => p.startsWith('channelPrecedence'))).toBe(true);
    // What the side panel and the options page read.
    const stored = (await fakeBrowser.storage.local.get(EFFECTIVE_RULES_KEY))[EFFECTIVE_RULES_KEY];
    expect(stored).toMatchObject({ refused: [{ source: 'superuser' }] });
  });
});

describe('background visit facts per tab (journal panel)', () => {
  it('a content script in a tab publishes; the facts land in session storage under its tab', async () => {
    const listener = registeredListener(registerVisitFacts);
    const tab = { id: 2 };
    const reply = await listener({ type: 'journal-facts', facts: FACTS }, { id: EXT, tab });
    expect(reply).toEqual({ ok: true });
    expect((await session())[journalFactsKey(2)]).toMatchObject({ tabId: 2, facts: FACTS });
    // Other senders and other messages are not answered here.
    expect(listener({ type: 'journal-facts', facts: FACTS }, { id: 'other', tab })).toBeUndefined();
    expect(listener({ type: 'journal-facts', facts: FACTS }, { id: EXT })).toBeUndefined();
    expect(listener({ type: 'bridge-export-pdf' }, { id: EXT, tab })).toBeUndefined();
  });

  it('closing the tab removes its facts; a start-up sweep removes those of tabs closed meanwhile', async () => {
    registerVisitFacts();
    await saveVisitFacts(1, FACTS);
    await saveVisitFacts(2, null);
    await saveVisitFacts(9, FACTS);
    // Chrome tells the worker a tab closed (the fake's tabs.remove() cannot: it looks up a window by tab id).
    await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 0, isWindowClosing: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(journalFactsKey(1) in (await session())).toBe(false);
    expect(await sweepClosedTabs()).toBe(1);
    expect(Object.keys(await session())).toEqual([journalFactsKey(2)]);
  });

  it('implausible facts are refused (the page is not ours)', async () => {
    expect(isPlausibleFacts(FACTS)).toBe(true);
    expect(isPlausibleFacts({ ...FACTS, priority: 7 })).toBe(false);
    expect(isPlausibleFacts({ ...FACTS, channels: { chat: 'yes' } })).toBe(false);
    expect(isPlausibleFacts({ ...FACTS, anamnesis: 'x'.repeat(500_000) })).toBe(false);
    expect(await saveVisitFacts(1, { ...FACTS, imagesSent: -1 })).toBe(false);
  });
});

describe('"Exportera PDF" from the side panel (bridge issue slot)', () => {
  const panel = buildPanelNote(FACTS, emptyDraft(), defaultRuleSet);

  it('no answer from the background → "Bryggan svarar inte", in Swedish', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    sendMessage.mockResolvedValueOnce(undefined);
    expect(await exportPdf(panel, FACTS)).toEqual({ ok: false, code: 'no-answer' });
    sendMessage.mockRejectedValueOnce(new Error('Receiving end does not exist'));
    expect(await exportPdf(panel, FACTS)).toEqual({ ok: false, code: 'no-answer' });
    expect(bridgeErrorWords({ code: 'no-answer' })).toMatch(/^Bryggan svarar inte/);
  });

  it('the bridge answer is shown as it is; the request carries the note as edited', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    sendMessage.mockResolvedValueOnce({ ok: true, fileName: 'journal-0930.pdf' });
    expect(await exportPdf(panel, FACTS)).toEqual({ ok: true, fileName: 'journal-0930.pdf' });
    const [message] = sendMessage.mock.calls[0] as unknown as [{ type: string; request: { note: { text: string } } }];
    expect(message.type).toBe('bridge-export-pdf');
    expect(message.request.note.text).toBe(panel.text);
  });
});
