import type { FreeSpan } from '../clinic';
import { COMPANION_HOST_ATTR } from '../clinic/dom-query';
import { t, uiLanguage } from './i18n';

/** A danger warning that must be seen on the page itself (issue 14), not only in the side panel. */
export interface Alarm {
  /** Names the warning and the visit it is about: acknowledged once per page. */
  key: string;
  title: string;
  detail: string;
}

// Minified in builds (scripts/vite/minify-marked-css.ts).
const CSS = /* css */ `
:host { all: initial; }
.bar { box-sizing: border-box; height: 100%; display: flex; align-items: center; gap: 8px; padding: 4px 8px 4px 12px;
  background: #fdecea; color: #5f1410; border: 2px solid #b3261e; border-left-width: 8px; border-radius: 6px;
  font: 600 14px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif; box-shadow: 0 2px 8px rgb(0 0 0 / 0.18); }
.text { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:host(.dialog) .bar { height: auto; flex-wrap: wrap; padding: 16px; }
:host(.dialog) .text { white-space: normal; flex-basis: 100%; }
.detail { font-weight: 400; }
.bar:not(.full) .detail { display: none; }
button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px; border: 1px solid #b3261e; background: #b3261e;
  color: #fff; padding: 3px 10px; white-space: nowrap; }
button.secondary { background: #fff; color: #5f1410; }
button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #0b3559; }
@media (forced-colors: active) { .bar { border-color: CanvasText; } button { border-color: ButtonText; } }
`;

/**
 * The danger bar: the gravest warnings (protected identity, the card pulled during a shift,
 * another patient in Cosmic) on the page itself, in the free part of the console's top bar so it
 * covers none of its controls; the side panel holds the details. "Kvittera" acknowledges one
 * warning for this page; "Visa" opens the side panel. Where the top bar has no room (or cannot be
 * found), the warning is a dialog in the middle that must be acknowledged.
 */
export function createAlarmBar(doc: Document, freeSpan: () => FreeSpan | null, openSidePanel: () => void) {
  const host = doc.createElement('div');
  host.setAttribute(COMPANION_HOST_ATTR, 'alarm');
  host.style.cssText = 'position:fixed;z-index:2147482500;display:none;';
  const root = host.attachShadow({ mode: 'open' });
  // Our words in the browser's language inside a Swedish page: screen readers pronounce them right.
  host.lang = uiLanguage();
  root.innerHTML = `<style>${CSS}</style><div class="bar" role="region">
<span class="text"><span class="title"></span> <span class="detail"></span><span class="more"></span></span>
<button type="button" class="secondary show"></button><button type="button" class="ack"></button></div>`;
  const bar = root.querySelector<HTMLElement>('.bar')!;
  // Set as text, not spliced into the markup: a message is never parsed as HTML.
  bar.setAttribute('aria-label', t('page_alarmLabel'));
  root.querySelector('.show')!.textContent = t('page_alarmShow');
  root.querySelector('.ack')!.textContent = t('page_alarmAck');
  const title = root.querySelector<HTMLElement>('.title')!;
  const detail = root.querySelector<HTMLElement>('.detail')!;
  const more = root.querySelector<HTMLElement>('.more')!;
  doc.body.append(host);

  const byFeature = new Map<string, readonly Alarm[]>();
  const acknowledged = new Set<string>();
  let shown: Alarm | null = null;
  let placedAt = '';

  const pending = () => [...byFeature.values()].flat().filter((a) => !acknowledged.has(a.key));
  const draw = () => {
    const list = pending();
    const first = list[0] ?? null;
    if (first?.key !== shown?.key || first?.detail !== shown?.detail) {
      shown = first;
      title.textContent = first?.title ?? '';
      detail.textContent = first ? ` ${first.detail}` : '';
      bar.title = first?.detail ?? '';
    }
    more.textContent = list.length > 1 ? ` (+${list.length - 1})` : '';
    place();
  };
  const place = () => {
    if (!shown) {
      if (placedAt !== 'none') host.style.display = 'none';
      placedAt = 'none';
      return;
    }
    const span = freeSpan();
    const at = span
      ? `${Math.round(span.left)},${Math.round(span.top)},${Math.round(span.width)},${Math.round(span.height)}`
      : 'dialog';
    if (at === placedAt) return;
    placedAt = at;
    host.style.display = '';
    const dialog = !span;
    bar.classList.toggle('full', dialog);
    host.classList.toggle('dialog', dialog);
    host.dataset.mode = dialog ? 'dialog' : 'bar';
    bar.setAttribute('role', dialog ? 'alertdialog' : 'region');
    if (dialog) {
      bar.setAttribute('aria-modal', 'true');
      host.style.cssText =
        'position:fixed;z-index:2147482500;left:50%;top:30%;transform:translateX(-50%);width:min(480px,90vw);';
      root.querySelector<HTMLButtonElement>('.ack')!.focus();
    } else {
      bar.removeAttribute('aria-modal');
      host.style.cssText = `position:fixed;z-index:2147482500;left:${span.left}px;top:${span.top}px;width:${span.width}px;height:${Math.min(span.height, 48)}px;`;
    }
  };

  root.querySelector('.ack')!.addEventListener('click', () => {
    if (shown) acknowledged.add(shown.key);
    draw();
  });
  root.querySelector('.show')!.addEventListener('click', openSidePanel);

  return {
    /** This feature's current warnings (none: null or []). */
    set(featureId: string, alarms: readonly Alarm[] | null) {
      if (alarms && alarms.length > 0) byFeature.set(featureId, alarms);
      else if (!byFeature.delete(featureId)) return;
      draw();
    },
    /** The page changed or scrolled: follow the top bar (measured only while a warning shows). */
    place,
    destroy: () => host.remove(),
  };
}
