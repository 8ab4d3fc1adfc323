// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUiHost } from '../../extension/lib/ui-host';

const CONSOLE = '<main><h1>Startsida</h1><p id="row">Prio 2 <span id="cell">2</span></p></main>';

/** happy-dom lays nothing out: every element a 30×18 box at the top left, in view. */
function withBoxes() {
  return vi
    .spyOn(Element.prototype, 'getBoundingClientRect')
    .mockImplementation(() => DOMRect.fromRect({ x: 10, y: 10, width: 30, height: 18 }));
}

describe("the UI host's warm-up (issue 16: placement's first run off the clinician's click)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('draws and places containers beside a made-up row of ours, then leaves nothing of it on the page', () => {
    document.body.innerHTML = CONSOLE;
    const ui = createUiHost(document, { freeSpan: () => null, openSidePanel: () => {} });
    const observer = new MutationObserver(() => {});
    observer.observe(document.body, { childList: true, subtree: true });
    withBoxes();
    const drawn: HTMLElement[] = [];
    ui.warmUp((container) => {
      container.textContent = '1:a';
      drawn.push(container);
    });
    const added = observer.takeRecords().flatMap((r) => [...r.addedNodes]) as HTMLElement[];
    observer.disconnect();
    // Drawn into hosts that were put on the page (placed), all of them ours.
    expect(drawn.length).toBeGreaterThan(1);
    expect(added.some((n) => n.getAttribute?.('data-clinic-companion') === 'warm-up-0')).toBe(true);
    expect(added.every((n) => n.nodeType === 1 && n.hasAttribute('data-clinic-companion'))).toBe(true);
    // Gone again in the same task: no host of it, the console's markup as it was.
    expect(document.querySelector('[data-clinic-companion^="warm-up"]')).toBeNull();
    expect(drawn.every((c) => !c.isConnected)).toBe(true);
    expect(document.querySelector('main')!.outerHTML).toBe(CONSOLE);
    ui.destroy();
  });

  it("a feature's own inline container stays where it is; one that throws while drawn leaves nothing behind", () => {
    document.body.innerHTML = CONSOLE;
    const ui = createUiHost(document, { freeSpan: () => null, openSidePanel: () => {} });
    withBoxes();
    const badge = ui.inline('queue-deadlines-0', document.getElementById('cell')!, document.getElementById('row')!);
    badge.textContent = '1:a';
    ui.warmUp(() => {});
    expect(() =>
      ui.warmUp(() => {
        throw new Error('oväntad markup');
      }),
    ).toThrow('oväntad markup');
    expect(document.querySelector('[data-clinic-companion^="warm-up"]')).toBeNull();
    expect(badge.isConnected).toBe(true);
    expect(document.querySelector('[data-clinic-companion="queue-deadlines-0"]')).not.toBeNull();
    ui.destroy();
  });
});
