import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveRules } from '../../extension/background/rules';
import { registerVisitFacts, saveVisitFacts, sweepClosedTabs } from '../../extension/background/visit-facts';
import { exportPdf } from '../../extension/entrypoints/sidepanel/export-pdf';
import { buildPanelNote, emptyDraft } from '../../extension/lib/journal-draft';
import { isPlausibleFacts, type JournalVisitFacts, journalFactsKey } from '../../extension/lib/journal-facts';
import { EFFECTIVE_RULES_KEY, type EffectiveRules, LOCAL_RULES_KEY } from '../../extension/lib/rules';
import { defaultRuleSet } from '../../shared/rules';

/** Just enough of `browser` (webextension-polyfill) for the background modules: storage, tabs, runtime. */
function fakeBrowser() {
  const area = () => {
    const data: Record<string, unknown> = {};
    return {
      data,
      async get(keys: string | string[] | null) {
        if (keys === null) return structuredClone(data);
        const list = Array.isArray(keys) ? keys : [keys];
        return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
      },
      async set(items: Record<string, unknown>) {
        Object.assign(data, structuredClone(items));
      },
      async remove(keys: string | string[]) {
        for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
      },
    };
  };
  const listeners = { message: [] as ((m: unknown, s: unknown) => unknown)[], removed: [] as ((id: number) => void)[] };
  const tabs = new Set<number>([1, 2]);
  return {
    listeners,
    tabs,
    storage: { local: area(), session: area(), managed: area(), onChanged: { addListener() {}, removeListener() {} } },
    runtime: {
      id: 'ext',
      onMessage: { addListener: (l: (m: unknown, s: unknown) => unknown) => listeners.message.push(l) },
      sendMessage: vi.fn(async () => undefined as unknown),
    },
  };
}

let fake: ReturnType<typeof fakeBrowser>;
beforeEach(() => {
  fake = fakeBrowser();
  const tabs = {
    query: async () => [...fake.tabs].map((id) => ({ id })),
    onRemoved: { addListener: (l: (id: number) => void) => fake.listeners.removed.push(l) },
  };
  vi.stubGlobal('browser', { storage: fake.storage, runtime: fake.runtime, tabs });
});
afterEach(() => vi.unstubAllGlobals());

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
    await fake.storage.local.set({ [LOCAL_RULES_KEY]: lastGood });
    expect((await resolveRules()).source).toBe('superuser');

    await fake.storage.local.set({ [LOCAL_RULES_KEY]: { schemaVersion: 3, channelPrecedence: ['fax'], timers: 'x' } });
    const effective = await resolveRules();
    expect(effective.source).toBe('last-good');
    expect(effective.rules.meta.version).toBe('1.1.0');
    expect(effective.refused).toHaveLength(1);
    const paths = effective.refused[0]!.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['meta', 'timers']));
    expect(paths.some((p) => p.startsWith('channelPrecedence'))).toBe(true);
    // What the side panel and the options page read.
    expect((fake.storage.local.data[EFFECTIVE_RULES_KEY] as EffectiveRules).refused[0]?.source).toBe('superuser');
  });
});

describe('background visit facts per tab (journal panel)', () => {
  it('a content script in a tab publishes; the facts land in session storage under its tab', async () => {
    registerVisitFacts();
    const [listener] = fake.listeners.message;
    const reply = await listener!({ type: 'journal-facts', facts: FACTS }, { id: 'ext', tab: { id: 2 } });
    expect(reply).toEqual({ ok: true });
    expect(fake.storage.session.data[journalFactsKey(2)]).toMatchObject({ tabId: 2, facts: FACTS });
    // Other senders and other messages are not answered here.
    expect(listener!({ type: 'journal-facts', facts: FACTS }, { id: 'other', tab: { id: 2 } })).toBeUndefined();
    expect(listener!({ type: 'journal-facts', facts: FACTS }, { id: 'ext' })).toBeUndefined();
    expect(listener!({ type: 'bridge-export-pdf' }, { id: 'ext', tab: { id: 2 } })).toBeUndefined();
  });

  it('closing the tab removes its facts; a start-up sweep removes those of tabs closed meanwhile', async () => {
    registerVisitFacts();
    await saveVisitFacts(1, FACTS);
    await saveVisitFacts(2, null);
    await saveVisitFacts(9, FACTS);
    fake.listeners.removed[0]!(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(journalFactsKey(1) in fake.storage.session.data).toBe(false);
    expect(await sweepClosedTabs()).toBe(1);
    expect(Object.keys(fake.storage.session.data)).toEqual([journalFactsKey(2)]);
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
    fake.runtime.sendMessage.mockResolvedValueOnce(undefined);
    expect(await exportPdf(panel, FACTS)).toEqual({ ok: false, error: expect.stringMatching(/^Bryggan svarar inte/) });
    fake.runtime.sendMessage.mockRejectedValueOnce(new Error('Receiving end does not exist'));
    expect(await exportPdf(panel, FACTS)).toEqual({ ok: false, error: expect.stringMatching(/^Bryggan svarar inte/) });
  });

  it('the bridge answer is shown as it is; the request carries the note as edited', async () => {
    fake.runtime.sendMessage.mockResolvedValueOnce({ ok: true, fileName: 'journal-0930.pdf' });
    expect(await exportPdf(panel, FACTS)).toEqual({ ok: true, fileName: 'journal-0930.pdf' });
    const [message] = fake.runtime.sendMessage.mock.calls[0] as unknown as [
      { type: string; request: { note: { text: string } } },
    ];
    expect(message.type).toBe('bridge-export-pdf');
    expect(message.request.note.text).toBe(panel.text);
  });
});
