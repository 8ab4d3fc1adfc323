import { COMPANION_HOST_ATTR, locate } from './dom-query';
import type { SelectorRegistry } from './selectors';

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
  'label',
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
const MARGIN = 12;

/**
 * The widest stretch of the page's banner (its top bar) holding none of the console's controls
 * or text, where the danger bar can stand without covering anything (issue 14). Null when the
 * banner is not found, not on screen, or has no stretch `minWidth` wide: the caller then uses
 * its fallback (a dialog to acknowledge).
 */
export function bannerFreeSpan(doc: Document, registry: SelectorRegistry, minWidth: number): FreeSpan | null {
  const located = locate(doc, registry.fields.pageBanner.strategies);
  if (located.status !== 'found') return null;
  const banner = located.element;
  const box = banner.getBoundingClientRect();
  const viewWidth = doc.documentElement.clientWidth;
  const left = Math.max(box.left, 0);
  const right = Math.min(box.right, viewWidth);
  if (box.height < 28 || right - left < minWidth) return null;

  // What the console put in its banner: controls, and elements with their own text.
  const taken: [number, number][] = [];
  for (const el of banner.querySelectorAll('*')) {
    if (el.closest(`[${COMPANION_HOST_ATTR}]`)) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
    if (!ownText && !el.matches(CONTROLS)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom <= box.top || r.top >= box.bottom) continue;
    taken.push([r.left - MARGIN, r.right + MARGIN]);
  }
  taken.sort((a, b) => a[0] - b[0]);

  let best: [number, number] | null = null;
  let from = left + MARGIN;
  const consider = (to: number) => {
    if (to - from >= minWidth && (!best || to - from > best[1] - best[0])) best = [from, to];
  };
  for (const [start, end] of taken) {
    consider(Math.min(start, right - MARGIN));
    from = Math.max(from, end);
  }
  consider(right - MARGIN);
  if (!best) return null;
  const [spanLeft, spanRight] = best as [number, number];
  // Scrolled away with the banner: pinned to the viewport's top edge instead (a sticky header's
  // place), so a warning is never off-screen.
  return {
    left: spanLeft,
    top: Math.max(box.top + 6, 0),
    width: spanRight - spanLeft,
    height: Math.max(box.height - 12, 24),
  };
}
