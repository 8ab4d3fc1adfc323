// @vitest-environment happy-dom
// @vitest-environment-options {"url": "http://127.0.0.1:4177/drop-in"}
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertIntoComposer, readSnapshot, waitingQueuePlaces } from '../../extension/clinic';

const PAGES = path.resolve('test/fixtures/pages');
const NOTICE = 'Hej! Vi har inte fått svar från dig. Du behöver svara inom två (2) timmar, annars avslutas ärendet.';

function load(file: string): void {
  const html = readFileSync(path.join(PAGES, file), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
}

const composer = () => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Skriv ett meddelande"]')!;

describe('insertIntoComposer (R-NR-1: the notice goes into the chat box, never sent)', () => {
  beforeEach(() => load('visit-adult.html'));

  it('R-NR-1: puts the phrase in the composer, dispatches a bubbling input event, and sends nothing', () => {
    const seen: string[] = [];
    let submitted = false;
    document.addEventListener('input', (e) => seen.push(`${e.type}:${(e.target as HTMLTextAreaElement).value}`));
    document.addEventListener('change', (e) => seen.push(e.type));
    document.addEventListener('submit', () => {
      submitted = true;
    });
    document.addEventListener('keydown', () => {
      submitted = true;
    });
    expect(insertIntoComposer(document, NOTICE)).toEqual({ status: 'inserted' });
    expect(composer().value).toBe(NOTICE);
    expect(seen).toEqual([`input:${NOTICE}`, 'change']);
    expect(submitted).toBe(false);
    expect(document.activeElement).toBe(composer());
    expect(composer().selectionStart).toBe(NOTICE.length);
  });

  it("R-NR-1: keeps the clinician's draft and appends after it; a second click does not insert twice", () => {
    composer().value = 'Hej Anna!';
    expect(insertIntoComposer(document, NOTICE).status).toBe('inserted');
    expect(composer().value).toBe(`Hej Anna! ${NOTICE}`);
    expect(insertIntoComposer(document, NOTICE).status).toBe('already-there');
    expect(composer().value).toBe(`Hej Anna! ${NOTICE}`);
  });

  it('R-NR-1: a disabled composer (visit not ongoing) is left alone', () => {
    composer().disabled = true;
    expect(insertIntoComposer(document, NOTICE).status).toBe('disabled');
    expect(composer().value).toBe('');
  });

  it('R-NR-1: no composer on the page → missing (the caller offers the text to copy)', () => {
    composer().remove();
    expect(insertIntoComposer(document, NOTICE).status).toBe('missing');
  });

  it('R-NR-1: two chat boxes → missing, never a guess which one', () => {
    const second = composer().cloneNode() as HTMLTextAreaElement;
    composer().after(second);
    expect(insertIntoComposer(document, NOTICE).status).toBe('missing');
    expect(second.value).toBe('');
  });

  it('R-NR-1: a contenteditable composer gets the text through the editing pipeline', () => {
    const box = document.createElement('div');
    box.setAttribute('contenteditable', 'true');
    box.setAttribute('aria-label', 'Skriv ett meddelande');
    composer().replaceWith(box);
    const result = insertIntoComposer(document, NOTICE);
    // happy-dom may lack execCommand('insertText'): then the honest answer is "missing".
    expect(['inserted', 'missing']).toContain(result.status);
    if (result.status === 'inserted') expect(box.textContent).toContain(NOTICE);
  });
});

describe('waitingQueuePlaces (R-Q-1, R-Q-4: badges beside the rows of Väntar i kö)', () => {
  beforeEach(() => load('dropin-queue.html'));

  it('R-Q-1: one place per snapshot queue row, anchored on the priority badge, keyed by the visit address', () => {
    const snapshot = readSnapshot(document);
    const places = waitingQueuePlaces(document)!;
    expect(snapshot.queue.known).toBe(true);
    const rows = snapshot.queue.known ? snapshot.queue.value : [];
    expect(places).toHaveLength(rows.length);
    expect(places.length).toBeGreaterThan(3);
    places.forEach((place, i) => {
      expect(place.anchor.textContent?.trim()).toBe(String(rows[i]!.priority));
      expect(place.visitKey).toMatch(/^\/besok\/[0-9a-f-]{36}$/);
      expect(place.row.textContent).toContain(rows[i]!.patientName);
    });
  });

  it('R-Q-1: the Mottagna table (accepted cases) is not the waiting queue → null', () => {
    document.querySelector('table')!.setAttribute('aria-label', 'Mottagna');
    expect(waitingQueuePlaces(document)).toBeNull();
  });

  it('R-Q-1: an unnamed table counts only when the selected tab is Väntar i kö', () => {
    const table = document.querySelector('table')!;
    table.removeAttribute('aria-label');
    // The tab panel is named by its tab: unname it too, so only the selected tab can tell.
    table.closest('[role="tabpanel"]')?.removeAttribute('aria-labelledby');
    expect(waitingQueuePlaces(document)?.length).toBeGreaterThan(3);
    const selected = document.querySelector('[role="tab"][aria-selected="true"]')!;
    selected.setAttribute('aria-selected', 'false');
    expect(waitingQueuePlaces(document)).toBeNull();
  });
});
