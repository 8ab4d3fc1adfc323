// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ClinicSnapshot, readSnapshot, registryFor, SELECTORS } from '../../extension/clinic';
import type { Feature } from '../../extension/features/feature';
import { startCompanion } from '../../extension/lib/companion';
import type { EffectiveRules } from '../../extension/lib/rules-record';
import { defaultRuleSet } from '../../shared/rules/default';
import { showPage } from './show-page';

/**
 * Issue 16: a message arriving in a long chat changes only the chat. The companion reads the page
 * again with the last read's structure index and tells only the features that read the chat; the
 * snapshot is what a fresh read gives. Any other change tells every feature.
 */
const RULES: EffectiveRules = {
  rules: defaultRuleSet,
  source: 'default',
  refused: [],
  resolvedAt: '2024-06-03T06:00:00Z',
};

function loadLongVisit(messages: number): Element {
  const html = readFileSync('test/fixtures/pages/visit-adult.html', 'utf8');
  showPage(html);
  const log = document.querySelector('[role="log"]')!;
  const model = log.lastElementChild!;
  while (log.childElementCount < messages) log.append(model.cloneNode(true));
  return log;
}

function message(text: string): Element {
  const li = document.createElement('li');
  li.innerHTML = `<p><span>Anna Testsson</span> <span>Patient</span> <time datetime="2024-06-03T07:00:00.000Z">09:00</time></p><p>${text}</p>`;
  return li;
}

/** A feature that counts the snapshots it is told of. */
function counting(id: string, readsChat: boolean): Feature & { seen: ClinicSnapshot[] } {
  const seen: ClinicSnapshot[] = [];
  return {
    id,
    title: id,
    rules: [],
    ...(readsChat ? { readsChat: true as const } : {}),
    seen,
    init(ctx, signal) {
      ctx.onSnapshot((s) => seen.push(s), signal);
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 50));
const texts = (s: ClinicSnapshot) => (s.chat.known ? s.chat.value.map((m) => m.text) : null);

describe('a message appended to a long chat (issue 16)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The side panel's port: WXT's fake browser has no runtime.onConnect, and no panel is open here.
    const onConnect = { addListener() {}, removeListener() {}, hasListener: () => false };
    vi.stubGlobal('browser', { ...fakeBrowser, runtime: { ...fakeBrowser.runtime, onConnect } });
  });
  afterEach(() => vi.unstubAllGlobals());

  for (const long of [true, false]) {
    it(`${long ? 'a long chat: only the features that read the chat are told' : 'a short chat (its messages in the structure index): every feature is told'}; the snapshot is a fresh read's`, async () => {
      const log = loadLongVisit(long ? 150 : 20);
      const chatReader = counting('chat-reader', true);
      const other = counting('other', false);
      const companion = startCompanion(document, [chatReader, other], new Set(['chat-reader', 'other']), RULES);
      await settle();
      const before = { chat: chatReader.seen.length, other: other.seen.length };

      log.append(message('Det gör fortfarande ont.'));
      await settle();
      expect(chatReader.seen.length).toBe(before.chat + 1);
      expect(other.seen.length).toBe(before.other + (long ? 0 : 1));
      const told = chatReader.seen.at(-1)!;
      expect(texts(told)!.at(-1)).toBe('Det gör fortfarande ont.');
      const fresh = readSnapshot(document, SELECTORS, new Date());
      expect({ ...told, chat: texts(told) }).toEqual({ ...fresh, chat: texts(fresh) });

      // Anything else (here the patient's name) tells every feature again.
      document.querySelector('[role="log"]')!.closest('main')!.prepend(document.createElement('p'));
      await settle();
      expect(other.seen.length).toBe(before.other + (long ? 1 : 2));
      companion.stop();
    });
  }

  it('a visit whose start cannot be read (it decides ages): a message appended tells every feature, as a change of the page', async () => {
    const log = loadLongVisit(150);
    // The visit start's terms, no longer in the page's words: its value is unknown.
    for (const el of document.querySelectorAll('dt, span, strong, b, label, p, div, th')) {
      if (
        el.childElementCount === 0 &&
        /^(Besöket startade|Startad|Ankomst|Ankom):?$/u.test(el.textContent?.trim() ?? '')
      )
        el.textContent = 'Tid';
    }
    expect(readSnapshot(document, SELECTORS, new Date()).visitStartedAt.known).toBe(false);
    const chatReader = counting('chat-reader', true);
    const other = counting('other', false);
    const companion = startCompanion(document, [chatReader, other], new Set(['chat-reader', 'other']), RULES);
    await settle();
    const start = other.seen.length;
    log.append(message('Det gör fortfarande ont.'));
    await settle();
    expect(other.seen.length).toBe(start + 1);
    expect(texts(other.seen.at(-1)!)!.at(-1)).toBe('Det gör fortfarande ont.');
    companion.stop();
  });

  it("a superuser's text pattern is looked for again after an append: the new message can match it too", async () => {
    // The patient header found by its text (a rule set's override); a patient who writes the same
    // name and number in the chat makes it ambiguous, and a read that kept the pattern's last
    // answer would still take the header as found.
    const rules: EffectiveRules = {
      ...RULES,
      rules: {
        ...defaultRuleSet,
        selectorOverrides: { patientHeader: [{ kind: 'text-pattern', pattern: 'Anna Testsson\\s*19900101-2385' }] },
      },
    };
    const log = loadLongVisit(150);
    const chatReader = counting('chat-reader', true);
    const companion = startCompanion(document, [chatReader], new Set(['chat-reader']), rules);
    await settle();
    expect(companion.snapshot().route).toBe('visit');
    log.append(message('Anna Testsson 19900101-2385'));
    await settle();
    const fresh = readSnapshot(document, registryFor(rules.rules), new Date());
    expect(fresh.route).toBe('other');
    expect(chatReader.seen.at(-1)!.route).toBe('other');
    companion.stop();
  });

  it('a message inserted before the last, or one edited, is not an append: every feature is told', async () => {
    const log = loadLongVisit(150);
    const chatReader = counting('chat-reader', true);
    const other = counting('other', false);
    const companion = startCompanion(document, [chatReader, other], new Set(['chat-reader', 'other']), RULES);
    await settle();
    const start = other.seen.length;
    log.insertBefore(message('Infogad'), log.lastElementChild);
    await settle();
    expect(other.seen.length).toBe(start + 1);
    Array.from(log.lastElementChild!.querySelectorAll('p')).at(-1)!.textContent = 'Ändrad';
    await settle();
    expect(other.seen.length).toBe(start + 2);
    expect(texts(chatReader.seen.at(-1)!)).toEqual(texts(readSnapshot(document, SELECTORS, new Date())));
    companion.stop();
  });
});
