import { COMPANION_HOST_ATTR } from '../clinic/dom-query';

/** Runs a measuring task once after the browser's next layout. */
export interface AfterLayout {
  schedule(): void;
  destroy(): void;
}

/**
 * Issue 16: rectangles read right after the console changed its DOM force a layout of their own
 * (Drop in's 200 new rows: ~25 ms, on top of the one the browser does before it paints). A
 * ResizeObserver's callback runs after that layout and before the paint, so what `run` reads
 * there costs no extra layout and what it writes shows in the same frame. Observing a 1 px probe
 * anew arms one callback. A backstop timer runs it where no frame comes (a hidden tab, a probe the
 * console removed, a DOM without layout); `run` may then force the layout, which is only slower.
 */
export function afterLayout(doc: Document, run: () => void, backstopMs = 250): AfterLayout {
  const win = doc.defaultView;
  let armed = false;
  let delivering = false;
  let backstop: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    if (!armed) return;
    armed = false;
    clearTimeout(backstop);
    run();
  };
  const Observer = win?.ResizeObserver;
  const probe = doc.createElement('div');
  probe.setAttribute(COMPANION_HOST_ATTR, 'layout-probe');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText =
    'position:fixed;left:-2px;top:-2px;width:1px;height:1px;overflow:hidden;pointer-events:none;visibility:hidden;contain:strict';
  const observer = Observer
    ? new Observer(() => {
        delivering = true;
        try {
          fire();
        } finally {
          delivering = false;
        }
      })
    : null;
  const arm = () => {
    if (!armed) return;
    if (!probe.isConnected) doc.body.append(probe);
    observer!.unobserve(probe);
    observer!.observe(probe);
  };
  return {
    schedule() {
      if (armed) return;
      armed = true;
      backstop = setTimeout(fire, backstopMs);
      if (!observer) {
        queueMicrotask(fire);
        return;
      }
      // Observing again inside the callback would be skipped (same depth) and reported to the
      // page as a "ResizeObserver loop" error: wait for the next task then.
      if (delivering) setTimeout(arm, 0);
      else arm();
    },
    destroy() {
      armed = false;
      clearTimeout(backstop);
      observer?.disconnect();
      probe.remove();
    },
  };
}
