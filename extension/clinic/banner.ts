import { COMPANION_HOST_ATTR, locateAll } from './dom-query';
import type { SelectorRegistry } from './selectors';

/**
 * Where our few in-page elements may stand without covering the console (issue 14): measured
 * free space, never a guess from class names. What counts as taken: every line of the console's
 * own text (text-node rectangles, not their elements' boxes) and every control or picture.
 */

/** A rectangle in viewport coordinates (CSS pixels). */
export interface FreeSpan {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Controls and pictures (containers such as a `role="group"` around the filter are not). */
const CONTROLS = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'summary',
  'img',
  'svg',
  '[tabindex]',
  ...[
    'button',
    'link',
    'checkbox',
    'radio',
    'switch',
    'textbox',
    'searchbox',
    'combobox',
    'menuitem',
    'tab',
    'img',
  ].map((role) => `[role~="${role}"]`),
].join(', ');
/** Clear space kept on each side of the console's own controls and text. */
const MARGIN = 8;

/** The rectangles of the console's own text lines and controls inside `scope` (not ours). */
function takenRects(scope: Element): DOMRect[] {
  const rects: DOMRect[] = [];
  const add = (r: DOMRect) => r.width > 0 && r.height > 0 && rects.push(r);
  const ours = `[${COMPANION_HOST_ATTR}]`;
  if (scope.closest(ours)) return rects;
  // Asked once per scope, not per element (≈ 19 queue rows measured on Drop in: issue 16).
  const holdsOurs = scope.querySelector(ours) !== null;
  for (const el of scope.querySelectorAll(CONTROLS))
    if (!holdsOurs || !el.closest(ours)) add(el.getBoundingClientRect());
  const doc = scope.ownerDocument;
  const walker = doc.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim() || (holdsOurs && node.parentElement?.closest(ours))) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) add(r);
  }
  return rects;
}

/** The x-intervals (with margins) of `rects` that reach into the band `top`..`bottom`, sorted. */
function intervalsIn(rects: DOMRect[], top: number, bottom: number): [number, number][] {
  return rects
    .filter((r) => r.bottom > top && r.top < bottom)
    .map((r): [number, number] => [r.left - MARGIN, r.right + MARGIN])
    .sort((a, b) => a[0] - b[0]);
}

/** The gaps between `taken` inside `left`..`right` (each at least `minWidth`), left to right. */
function gaps(taken: [number, number][], left: number, right: number, minWidth: number): [number, number][] {
  const out: [number, number][] = [];
  let from = left;
  for (const [start, end] of taken) {
    if (Math.min(start, right) - from >= minWidth) out.push([from, Math.min(start, right)]);
    from = Math.max(from, end);
  }
  if (right - from >= minWidth) out.push([from, right]);
  return out;
}

/**
 * The page's banner (its top bar): the topmost banner landmark spanning the page's width (a
 * console may mark other headers as banners too; a message's header is not the top bar).
 */
function topBanner(doc: Document, registry: SelectorRegistry): Element | null {
  let best: { el: Element; top: number } | null = null;
  for (const strategy of registry.fields.pageBanner.strategies) {
    for (const el of locateAll(doc, strategy)) {
      const r = el.getBoundingClientRect();
      if (r.width < doc.documentElement.clientWidth / 2 || r.height === 0) continue;
      const top = r.top + (doc.defaultView?.scrollY ?? 0);
      if (!best || top < best.top) best = { el, top };
    }
    if (best) return best.el;
  }
  return null;
}

/**
 * The widest stretch of the page's banner holding none of the console's controls or text, where
 * the danger bar can stand without covering anything. Null when the banner is not found or has
 * no stretch `minWidth` wide: the caller then uses its fallback (a dialog to acknowledge).
 */
export function bannerFreeSpan(doc: Document, registry: SelectorRegistry, minWidth: number): FreeSpan | null {
  const banner = topBanner(doc, registry);
  if (!banner) return null;
  const box = banner.getBoundingClientRect();
  const left = Math.max(box.left, 0);
  const right = Math.min(box.right, doc.documentElement.clientWidth);
  if (box.height < 28 || right - left < minWidth) return null;
  const free = gaps(intervalsIn(takenRects(banner), box.top, box.bottom), left + MARGIN, right - MARGIN, minWidth);
  const widest = free.sort((a, b) => b[1] - b[0] - (a[1] - a[0]))[0];
  if (!widest) return null;
  // Scrolled away with the banner: pinned to the viewport's top edge instead (a sticky header's
  // place), so a warning is never off-screen.
  return {
    left: widest[0],
    top: Math.max(box.top + 6, 0),
    width: widest[1] - widest[0],
    height: Math.max(box.height - 12, 24),
  };
}

/**
 * Where an element `width`×`height` can stand near `anchor` inside `box`, covering none of the
 * console's text or controls: on the anchor's line right of its text first, else on the nearest
 * free line of the box above or below (the header card's title line, say). `left` and `middle`
 * (its vertical centre) in viewport coordinates; null when the box has no such place.
 */
export function freeSpotNear(
  box: Element,
  anchor: Element,
  width: number,
  height: number,
): { left: number; middle: number } | null {
  const bounds = box.getBoundingClientRect();
  const range = box.ownerDocument.createRange();
  range.selectNodeContents(anchor);
  // The anchor's text, not its element: a table cell or a field is wider than its value.
  const text = range.getBoundingClientRect();
  const at = text.width > 0 ? text : anchor.getBoundingClientRect();
  const rects = takenRects(box);
  const lineMiddle = at.top + at.height / 2;
  const step = height + 4;
  for (let k = 0; k <= 2 * Math.ceil(bounds.height / step); k++) {
    // 0, +1, −1, +2, −2 …: the anchor's line, then the nearest lines of the box.
    const offset = k === 0 ? 0 : (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * step;
    const middle = lineMiddle + offset;
    if (middle - height / 2 < bounds.top || middle + height / 2 > bounds.bottom) continue;
    const from = offset === 0 ? Math.max(at.right + MARGIN, bounds.left) : bounds.left + MARGIN;
    const first = gaps(intervalsIn(rects, middle - height / 2, middle + height / 2), from, bounds.right - 4, width)[0];
    if (first) return { left: first[0], middle };
  }
  return null;
}
