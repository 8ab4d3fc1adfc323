// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { locateAll, sharedInRead, withQueryCache } from '../../extension/clinic/dom-query';
import { observeClinic } from '../../extension/clinic/observer';

const PROFILE = { kind: 'label', label: 'Profil', exact: true } as const;
const field = () => {
  const input = document.createElement('input');
  input.setAttribute('aria-label', 'Profil');
  return input;
};
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('the structure index kept between console changes (issue 16)', () => {
  it('reads between two changes share it; a change, even before the observer has run, is seen at once', async () => {
    document.body.innerHTML = '';
    document.body.append(field());
    const life = new AbortController();
    let reads = 0;
    observeClinic(document, () => void reads++, life.signal);
    await settle();
    expect(reads).toBe(1);

    // A keystroke or a timer: no markup changed, the same index answers.
    expect(locateAll(document, PROFILE)).toHaveLength(1);
    const matches = vi.spyOn(Element.prototype, 'matches');
    const again = locateAll(document, PROFILE);
    const calls = matches.mock.calls.length;
    matches.mockRestore();
    expect(again).toHaveLength(1);
    expect(calls).toBe(0);

    // The console adds a second field and, in the same task, we read: never the old answer.
    document.body.append(field());
    expect(locateAll(document, PROFILE)).toHaveLength(2);
    await settle();
    expect(reads).toBe(2);

    // Our own UI's changes are not the console's: the index stays.
    expect(locateAll(document, PROFILE)).toHaveLength(2);
    const ours = document.createElement('div');
    ours.setAttribute('data-clinic-companion', 'panel');
    document.body.append(ours);
    await settle();
    const spy = vi.spyOn(Element.prototype, 'matches');
    const kept = locateAll(document, PROFILE);
    const keptCalls = spy.mock.calls.length;
    spy.mockRestore();
    expect(kept).toHaveLength(2);
    expect(keptCalls).toBe(0);

    // Stopped: nothing is kept.
    life.abort();
    document.body.append(field());
    expect(locateAll(document, PROFILE)).toHaveLength(3);
  });

  it("after the caller's own first read, the page is read again only when the console changes", async () => {
    document.body.innerHTML = '';
    document.body.append(field());
    const life = new AbortController();
    let reads = 0;
    const firstRead = new Map();
    withQueryCache(firstRead, () => locateAll(document, PROFILE));
    observeClinic(document, () => void reads++, life.signal, undefined, firstRead);
    await settle();
    expect(reads).toBe(0);
    document.body.append(field());
    await settle();
    expect(reads).toBe(1);
    life.abort();
  });

  it("another document never gets this one's index", async () => {
    document.body.innerHTML = '';
    document.body.append(field());
    const life = new AbortController();
    observeClinic(document, () => {}, life.signal);
    await settle();
    const other = document.implementation.createHTMLDocument('annan');
    other.body.append(other.createElement('input'), other.createElement('input'));
    for (const input of other.querySelectorAll('input')) input.setAttribute('aria-label', 'Profil');
    expect(locateAll(other, PROFILE)).toHaveLength(2);
    life.abort();
  });
});

describe('a reader shared by the features of one read (issue 16)', () => {
  it('two features asking within one read get one reading; the next read reads again; outside a read, each call reads', () => {
    let readings = 0;
    const reader = (doc: Document, label: string) => {
      readings++;
      return `${label}:${doc.querySelectorAll('input').length}`;
    };
    withQueryCache(new Map(), () => {
      expect(sharedInRead(reader, document, 'Profil')).toBe(sharedInRead(reader, document, 'Profil'));
      sharedInRead(reader, document, 'Annan');
    });
    expect(readings).toBe(2);
    withQueryCache(new Map(), () => sharedInRead(reader, document, 'Profil'));
    expect(readings).toBe(3);
    sharedInRead(reader, document, 'Profil');
    sharedInRead(reader, document, 'Profil');
    expect(readings).toBe(5);
  });
});
