import { type FreeSpan, freeSpotNear } from '../clinic';
import { afterLayout } from './after-layout';
import { type Alarm, createAlarmBar } from './alarm-bar';
import { uiLanguage } from './i18n';
import { createInlineLayer } from './inline-layer';
import { createLiveRegions } from './live-regions';

/**
 * Our UI lives in shadow roots (the console's CSS cannot break it, ours cannot break the
 * console) hung on hosts marked with COMPANION_HOST_ATTR, which the page adapter never reads.
 * Announcements go through a light-DOM live region: screen readers do not reliably announce
 * live regions inside shadow trees.
 */
export interface UiHost {
  /**
   * A container shown right beside `anchor`. It floats over the page instead of being inserted
   * into the console's DOM: the console's renderer reconciles its own children and would take
   * over or drop a foreign node (a React-style re-render turns our host into its own span).
   */
  inline(featureId: string, anchor: Element, alignRightIn?: Element): HTMLElement;
  /**
   * Like `inline`, its container made and drawn by `render` only when it is shown (now, or once
   * its anchor comes near the view): a 200-row queue makes and draws the badges in view, not all
   * 200 (issue 16).
   */
  inlineWhenShown(
    featureId: string,
    anchor: Element,
    alignRightIn: Element | undefined,
    render: (container: HTMLElement) => void,
  ): void;
  announce(text: string, urgency?: 'polite' | 'assertive'): void;
  /** This feature's danger warnings on the page itself (the danger bar); null or []: none. */
  alarm(featureId: string, alarms: readonly Alarm[] | null): void;
  /** The page changed: every inline container follows its anchor (one batched placement). */
  reposition(): void;
  /**
   * Draws and places a few containers with `render` beside a made-up row of ours, hidden, then
   * takes them away in the same task (at idle: the first badges shown otherwise pay for our style
   * sheet, its font and placement's first run on the clinician's click, issue 16).
   */
  warmUp(render: (container: HTMLElement) => void): void;
  /** A feature was stopped: its inline hosts and its warnings go. */
  release(featureId: string): void;
  destroy(): void;
}

/** Where the danger bar may stand (the page adapter measures it), and how it opens the side panel. */
export interface AlarmPlace {
  freeSpan(): FreeSpan | null;
  openSidePanel(): void;
}

/**
 * Issue 14: no panel of ours stands over the console (the side panel is the companion's home).
 * In the page: inline hosts beside what they are about, the danger bar, and the live regions.
 */
export function createUiHost(doc: Document, alarmPlace: AlarmPlace): UiHost {
  // Our hosts carry our words' language (the console page is Swedish, our words may not be), so
  // screen readers pronounce them right; the danger bar sets its own (alarm-bar.ts).
  const lang = uiLanguage();
  const live = createLiveRegions(doc, lang);

  const inlineHosts = new Map<string, InlineEntry>();
  const containerOf = (entry: InlineEntry) => (entry.container ??= doc.createElement('span'));
  const layer = createInlineLayer(doc, lang);
  // Placement reads every rectangle first, then writes every position: interleaving the two
  // would force a layout per host (quadratic with 200 queue badges). Once per frame, after the
  // browser's own layout (after-layout.ts): reading then lays nothing out again.
  const alarms = createAlarmBar(doc, alarmPlace.freeSpan, alarmPlace.openSidePanel);
  /** One batch of reads then writes over `entries`; returns the hosts just shown, to be measured and placed. */
  const placeOnce = (entries: Iterable<InlineEntry>): InlineEntry[] => {
    const viewHeight = win.innerHeight;
    const reads: Placement[] = [];
    for (const entry of entries) {
      // The console's renderer dropped our layer (or this host): put back when written below. One
      // whose size is known is placed again; one being redrawn is measured anew (as if hidden).
      if (entry.host && !entry.host.isConnected && entry.at !== 'hidden') {
        entry.at = entry.size && !entry.render ? 'dropped' : 'hidden';
      }
      const anchor = entry.anchor;
      const rect = anchor?.isConnected ? anchor.getBoundingClientRect() : null;
      // Gone, or out of view (a 200-row queue's far rows): hidden, so neither laid out nor
      // measured. A scroll places in the frame it paints (after-layout.ts), so none is made ahead
      // of the view: Drop in's click draws the rows in view only (14 badges, not 19 with a
      // quarter-view margin: ≈ 1 ms, issue 16).
      if (!rect || rect.bottom < 0 || rect.top > viewHeight || (rect.width === 0 && rect.height === 0)) {
        reads.push({ entry, to: 'hidden' });
        continue;
      }
      // Shown (and drawn) first, measured in the next pass: a hidden host has no size to place it
      // by, and one drawn anew may have another.
      if ((!entry.size || entry.render) && entry.at === 'hidden') {
        reads.push({ entry, to: 'shown' });
        continue;
      }
      const box = entry.box?.isConnected ? entry.box : null;
      const boxRect = box?.getBoundingClientRect() ?? null;
      if (!entry.size && entry.host) {
        const own = entry.host.getBoundingClientRect();
        if (own.width > 0) entry.size = { width: own.width, height: own.height };
      }
      const { width, height } = entry.size ?? { width: 0, height: 0 };
      // The free spot is measured again only when the anchor moved inside its box or either was
      // resized: scrolling moves both alike (200 queue rows are not measured again per scroll).
      const key = boxRect
        ? [
            rect.left - boxRect.left,
            rect.top - boxRect.top,
            rect.width,
            rect.height,
            boxRect.width,
            boxRect.height,
            width,
          ]
            .map(Math.round)
            .join(',')
        : '';
      if (!entry.measured || key !== entry.measured.key || !entry.size) {
        entry.measured = { key, ...spotFor(anchor!, rect, box, boxRect, width, height) };
      }
      const top = Math.round(rect.top + rect.height / 2 + entry.measured.dy);
      reads.push({ entry, to: `${top},${Math.round(rect.left + entry.measured.dx)}` });
    }
    const shown: InlineEntry[] = [];
    for (const { entry, to } of reads) {
      // Only what moved is written: a write invalidates the page's style, even with equal values.
      if (to === entry.at) continue;
      entry.at = to;
      if (to === 'hidden') {
        if (entry.host) entry.host.style.display = 'none';
        continue;
      }
      entry.host ??= layer.host(entry.featureId, containerOf(entry));
      if (!entry.host.isConnected) layer.adopt(entry.host);
      if (entry.render) drawNow(entry);
      entry.host.style.display = '';
      if (to === 'shown') {
        shown.push(entry);
        continue;
      }
      const [top, left] = to.split(',');
      entry.host.style.top = `${top}px`;
      entry.host.style.left = `${left}px`;
    }
    return shown;
  };
  // Hosts just shown are measured and placed in a second batch, before the paint (what it lays
  // out is only our hosts); any shown only then are placed in the next frame.
  const place = () => {
    // Measures only while a warning shows.
    alarms.place();
    const entries = placeAll ? inlineHosts.values() : [...redrawn].filter((e) => inlineHosts.get(e.featureId) === e);
    placeAll = false;
    redrawn.clear();
    const shown = placeOnce(entries);
    // Only those are read again (a 200-row queue's other anchors were just measured).
    if (shown.length > 0 && placeOnce(shown).length > 0) schedulePlace();
  };
  const drawNow = (entry: InlineEntry) => {
    const render = entry.render;
    entry.render = undefined;
    // Its size is measured again once drawn.
    entry.size = undefined;
    entry.measured = undefined;
    if (render) render(containerOf(entry));
  };
  const placing = afterLayout(doc, place);
  // The page moved or changed: every host follows its anchor.
  let placeAll = false;
  const schedulePlace = () => {
    placeAll = true;
    placing.schedule();
  };
  // Only some containers were drawn anew (the queue's 1 s tick: a row's minute turned): only
  // those are placed (was every anchor of a 200-row queue read each second, ≈ 5 ms: issue 16).
  const redrawn = new Set<InlineEntry>();
  const placeRedrawn = (entry: InlineEntry) => {
    redrawn.add(entry);
    placing.schedule();
  };
  const win = doc.defaultView!;
  // Capture phase: scrolling inside the console's own scroll containers moves anchors too.
  win.addEventListener('scroll', schedulePlace, { capture: true, passive: true });
  win.addEventListener('resize', schedulePlace, { passive: true });

  /** Where `featureId`'s container stands and how it is drawn; placed in the next batch. */
  type Render = ((container: HTMLElement) => void) | undefined;
  const put = (featureId: string, anchor: Element, alignRightIn: Element | undefined, render: Render) => {
    let entry = inlineHosts.get(featureId);
    // Out of view and still on the same anchor: drawn when shown, nothing to place now.
    const waiting = entry?.at === 'hidden' && entry.anchor === anchor && entry.box === (alignRightIn ?? null);
    if (!entry) {
      // Its host (and shadow root), and with `render` its container, are made when it is first
      // placed near the view: a 200-row queue makes them for the rows in view, not for all 200.
      entry = { featureId, host: null, container: null, anchor, box: alignRightIn ?? null, at: 'hidden' };
      inlineHosts.set(featureId, entry);
    }
    entry.anchor = anchor;
    entry.box = alignRightIn ?? null;
    entry.render = render;
    // Hidden: drawn when shown (place). Shown, or drawn by the caller: its size is measured again.
    if (!render || entry.at !== 'hidden') drawNow(entry);
    if (!waiting) placeRedrawn(entry);
    return entry;
  };

  const ui: UiHost = {
    inline: (featureId, anchor, alignRightIn) => containerOf(put(featureId, anchor, alignRightIn, undefined)),
    inlineWhenShown(featureId, anchor, alignRightIn, render) {
      put(featureId, anchor, alignRightIn, render);
    },
    warmUp(render) {
      // A made-up row of ours, hidden: in its host's shadow root, measured like the console's own.
      const row = doc.createElement('div');
      row.innerHTML = '<span>2</span> Namn <a href="#">–</a>';
      const host = layer.host('warm-up', row);
      host.style.visibility = 'hidden';
      try {
        // Placement's code runs here first, not on the clinician's click (Drop in: ≈ 2 ms).
        for (let i = 0; i < 8; i++) ui.inlineWhenShown(`warm-up-${i}`, row.firstElementChild!, row, render);
        place();
      } finally {
        // Taken away in the same task: never painted.
        ui.release('warm-up');
        host.remove();
      }
    },
    reposition: schedulePlace,
    announce: (text, urgency) => live.announce(text, urgency),
    alarm: (featureId, list) => alarms.set(featureId, list),
    release(featureId) {
      alarms.set(featureId, null);
      for (const [key, entry] of inlineHosts) {
        if (key !== featureId && !key.startsWith(`${featureId}-`)) continue;
        entry.host?.remove();
        inlineHosts.delete(key);
      }
    },
    destroy() {
      win.removeEventListener('scroll', schedulePlace, { capture: true });
      win.removeEventListener('resize', schedulePlace);
      alarms.destroy();
      placing.destroy();
      redrawn.clear();
      live.remove();
      layer.remove();
    },
  };
  return ui;
}

/**
 * Where an inline element stands, from its anchor's left and middle: inside a box (the header
 * card, the queue row), the nearest spot covering none of the console's text or controls (the
 * anchor's line first); else the box's right edge on the anchor's line.
 */
function spotFor(
  anchor: Element,
  rect: DOMRect,
  box: Element | null,
  boxRect: DOMRect | null,
  width: number,
  height: number,
) {
  if (!box || !boxRect) return { dx: 8 + rect.width, dy: 0 };
  const free = freeSpotNear(box, anchor, width, height);
  if (free) return { dx: free.left - rect.left, dy: free.middle - (rect.top + rect.height / 2) };
  return { dx: Math.max(rect.right + 8, boxRect.right - width - 12) - rect.left, dy: 0 };
}

/** Where place() puts a host: "top,left" in viewport pixels, "hidden", or "shown" (measured next pass). */
interface Placement {
  entry: InlineEntry;
  to: string;
}

interface InlineEntry {
  featureId: string;
  /** Made when first placed (see `inline`). */
  host: HTMLElement | null;
  /** Made when first needed (see `inlineWhenShown`). */
  container: HTMLElement | null;
  anchor: Element | null;
  box: Element | null;
  /**
   * Where it was last put ("top,left", "hidden", or "shown" to be measured), so an unmoved host is
   * not written again; "dropped" when the page took its host out.
   */
  at: string;
  /** The host's size once measured (its content changes only through `inline()`). */
  size?: { width: number; height: number };
  /** Draws the container before it is next shown (see `inline`). */
  render?: (container: HTMLElement) => void;
  /** Where the free spot was found (from the anchor's left and middle), for the layout of `key`. */
  measured?: { key: string; dx: number; dy: number };
}
