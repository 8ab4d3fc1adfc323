// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUiHost } from '../../extension/lib/ui-host';
import { HandObserver } from './hand-observer';

/** Queue rows' anchors at fixed places; how often each was measured. */
function anchorsAt(tops: number[]) {
  const reads = tops.map(() => 0);
  const anchors = tops.map((top, i) => {
    const el = document.createElement('span');
    el.getBoundingClientRect = () => {
      reads[i]!++;
      return DOMRect.fromRect({ x: 10, y: top, width: 20, height: 16 });
    };
    document.body.append(el);
    return el;
  });
  return { anchors, reads, reset: () => reads.fill(0) };
}

describe('placing inline badges (issue 16)', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
    HandObserver.all = [];
  });

  it("a redrawn badge is placed alone; one out of view waits to be shown; the page's change places all", () => {
    vi.useFakeTimers();
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = HandObserver;
    const ui = createUiHost(document, { freeSpan: () => null, openSidePanel: () => {} });
    const observer = HandObserver.all.at(-1)!;
    // Two rows in view, one far below (a long queue).
    const { anchors, reads, reset } = anchorsAt([100, 200, 5000]);
    const drawn: string[] = [];
    const draw = (name: string) => (container: HTMLElement) => {
      drawn.push(name);
      container.textContent = name;
    };
    const made = vi.spyOn(document, 'createElement');
    for (const [i, anchor] of anchors.entries()) ui.inlineWhenShown(`q-${i}`, anchor, undefined, draw(`badge ${i}`));
    ui.reposition();
    observer.deliver();
    expect(drawn).toEqual(['badge 0', 'badge 1']);
    // Containers only for the rows shown (a 200-row queue makes ≈ 19, not 200).
    expect(made.mock.calls.filter(([tag]) => tag === 'span')).toHaveLength(2);
    made.mockRestore();
    expect(reads.every((n) => n > 0)).toBe(true);
    expect(document.querySelector('[data-clinic-companion="q-2"]')).toBeNull();

    // The 1 s tick: the far row's minute turned. Nothing to place until it is shown.
    reset();
    ui.inlineWhenShown('q-2', anchors[2]!, undefined, draw('badge 2, a minute later'));
    observer.deliver();
    expect(reads).toEqual([0, 0, 0]);
    expect(drawn).toEqual(['badge 0', 'badge 1']);

    // A row in view redrawn: it alone is measured and placed again.
    ui.inlineWhenShown('q-0', anchors[0]!, undefined, draw('badge 0, a minute later'));
    observer.deliver();
    expect(drawn.at(-1)).toBe('badge 0, a minute later');
    expect(reads[0]).toBeGreaterThan(0);
    expect([reads[1], reads[2]]).toEqual([0, 0]);

    // The page changed (or scrolled): every anchor is read again, the far one still waits.
    reset();
    ui.reposition();
    observer.deliver();
    expect(reads.every((n) => n > 0)).toBe(true);
    expect(document.querySelector('[data-clinic-companion="q-2"]')).toBeNull();
    ui.destroy();
  });
});
