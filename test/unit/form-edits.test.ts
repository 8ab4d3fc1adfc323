// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onFormEdits } from '../../extension/lib/form-edits';

describe('onFormEdits (issue 16: typing in the chat composer is not a re-read per keystroke)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML =
      '<textarea aria-label="Skriv ett meddelande"></textarea><select name="shiftType"></select>';
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  const typeInto = (el: Element, keys: number, gapMs: number) => {
    for (let i = 0; i < keys; i++) {
      el.dispatchEvent(new Event('input', { bubbles: true }));
      vi.advanceTimersByTime(gapMs);
    }
  };

  it('200 keystrokes read the page once, when the typing pauses; a pause mid-way reads once more', () => {
    const read = vi.fn();
    onFormEdits(document, read, new AbortController().signal);
    const composer = document.querySelector('textarea')!;
    typeInto(composer, 100, 5);
    expect(read).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(read).toHaveBeenCalledTimes(1);
    typeInto(composer, 100, 5);
    vi.advanceTimersByTime(300);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a choice made (change) is read at once, and the pending typing read is not run again after it', () => {
    const read = vi.fn();
    onFormEdits(document, read, new AbortController().signal);
    typeInto(document.querySelector('textarea')!, 3, 5);
    document.querySelector('select')!.dispatchEvent(new Event('change', { bubbles: true }));
    expect(read).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('stopped (the feature switched off): no read, not even the pending one', () => {
    const read = vi.fn();
    const stop = new AbortController();
    onFormEdits(document, read, stop.signal);
    typeInto(document.querySelector('textarea')!, 3, 5);
    stop.abort();
    vi.advanceTimersByTime(1000);
    document.querySelector('select')!.dispatchEvent(new Event('change', { bubbles: true }));
    expect(read).not.toHaveBeenCalled();
  });
});
