// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUiHost } from '../../extension/lib/ui-host';

describe("the UI host's warm-up (issue 16)", () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('lays the container out once in a hidden host of ours, then leaves nothing of it on the page', () => {
    document.body.innerHTML = '<main><h1>Startsida</h1></main>';
    const ui = createUiHost(document, { freeSpan: () => null, openSidePanel: () => {} });
    const container = document.createElement('span');
    container.textContent = '1:a';
    const observer = new MutationObserver(() => {});
    observer.observe(document.body, { childList: true, subtree: true });
    const measured = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect');
    const shownAs: string[] = [];
    measured.mockImplementation(function (this: HTMLElement) {
      shownAs.push(`${this.getAttribute('data-clinic-companion')} ${this.style.visibility}`);
      return DOMRect.fromRect({ width: 30, height: 18 });
    });
    ui.warmUp(container);
    measured.mockRestore();
    const added = observer.takeRecords().flatMap((r) => [...r.addedNodes]) as HTMLElement[];
    observer.disconnect();
    // Measured while hidden, and only our own host was put on the page (in our layer).
    expect(shownAs).toEqual(['warm-up hidden']);
    expect(added.some((n) => n.getAttribute('data-clinic-companion') === 'warm-up')).toBe(true);
    expect(added.every((n) => n.hasAttribute('data-clinic-companion'))).toBe(true);
    // Gone again: no host of it, the container back off the page, the console's markup as it was.
    expect(document.querySelector('[data-clinic-companion="warm-up"]')).toBeNull();
    expect(container.isConnected).toBe(false);
    expect(document.querySelector('main')!.outerHTML).toBe('<main><h1>Startsida</h1></main>');
    ui.destroy();
  });
});
