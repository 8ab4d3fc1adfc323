// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { registryFor } from '../../extension/clinic';
import { ChatCache, messageElements, readMessage } from '../../extension/clinic/chat';
import { defaultRuleSet } from '../../shared/rules/default';

/**
 * Issue 16: the chat's message list follows the observer's records (a message appended to a
 * 2,000-message visit is added, not the whole log listed again), and is never wrong: after any
 * change it is the list a fresh reading gives.
 */
function makeLog(count: number, wrapped: boolean): { log: Element; list: Element } {
  document.body.innerHTML = '';
  const log = document.createElement('div');
  log.setAttribute('role', 'log');
  const list = wrapped ? log.appendChild(document.createElement('ul')) : log;
  for (let i = 0; i < count; i++) list.appendChild(item(`m${i}`));
  document.body.append(log);
  return { log, list };
}

function item(text: string): Element {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}

function follow(cache: ChatCache): MutationObserver {
  const observer = new MutationObserver((records) => cache.invalidate(records));
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  return observer;
}

/** A seeded pseudo-random sequence (the same cases on every run). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('the chat list follows the console (issue 16)', () => {
  it('a message appended at the end is added to the list kept, not listed anew', () => {
    const { log, list } = makeLog(50, false);
    const cache = new ChatCache();
    const observer = follow(cache);
    const first = cache.elements(log);
    list.appendChild(item('new'));
    cache.invalidate(observer.takeRecords());
    const second = cache.elements(log);
    expect(second).toBe(first);
    expect(second.map((e) => e.textContent)).toEqual(messageElements(log).map((e) => e.textContent));
    expect(second.at(-1)!.textContent).toBe('new');
    observer.disconnect();
  });

  for (const wrapped of [false, true]) {
    it(`any change (insert, remove, replace, append, a non-message child, an edit inside a message) gives a fresh reading's list and messages (${wrapped ? 'a wrapped list' : 'items in the log'})`, () => {
      const { match } = registryFor(defaultRuleSet);
      const fresh = (log: Element) => messageElements(log).map((el) => readMessage(el, match).text);
      const next = random(wrapped ? 7 : 3);
      const { log, list } = makeLog(30, wrapped);
      const cache = new ChatCache();
      const observer = follow(cache);
      for (let step = 0; step < 300; step++) {
        const children = Array.from(list.children);
        const at = children[Math.floor(next() * children.length)];
        const op = next();
        if (op < 0.4) list.appendChild(item(`a${step}`));
        else if (op < 0.5 && at) list.insertBefore(item(`i${step}`), at);
        else if (op < 0.6 && at) at.remove();
        else if (op < 0.7 && at) at.replaceWith(item(`r${step}`));
        // Inside a message read before, in the same batch as appends too: it is read again.
        else if (op < 0.8 && at) at.textContent = `edited ${step}`;
        else if (op < 0.9) list.appendChild(document.createElement('div'));
        // Some reads see several changes at once, some each one.
        if (next() < 0.5) cache.invalidate(observer.takeRecords());
        if (next() < 0.6) {
          cache.invalidate(observer.takeRecords());
          expect(cache.elements(log)).toEqual(messageElements(log));
          expect(cache.read(log, match).map((m) => m.text)).toEqual(fresh(log));
        }
      }
      observer.disconnect();
    });
  }

  it('a change the observer never reported that alters the count is still seen', () => {
    const { log, list } = makeLog(20, false);
    const cache = new ChatCache();
    cache.elements(log);
    list.firstElementChild!.remove(); // no observer: no record
    expect(cache.elements(log)).toEqual(messageElements(log));
    expect(cache.elements(log)).toHaveLength(19);
  });

  it('the messages read after an append are the earlier ones, the very same, and the new one', () => {
    const { match } = registryFor(defaultRuleSet);
    const { log, list } = makeLog(50, true);
    const cache = new ChatCache();
    const observer = follow(cache);
    const before = cache.read(log, match);
    list.appendChild(item('new'));
    cache.invalidate(observer.takeRecords());
    const after = cache.read(log, match);
    expect(after.slice(0, 50)).toEqual(before);
    for (const [i, message] of before.entries()) expect(after[i]).toBe(message);
    expect(after.map((m) => m.text)).toEqual([...before.map((m) => m.text), 'new']);
    observer.disconnect();
  });
});
