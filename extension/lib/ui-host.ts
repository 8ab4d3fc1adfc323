import type { FreeSpan } from '../clinic';
import { COMPANION_HOST_ATTR } from '../clinic/dom-query';
import { type Alarm, createAlarmBar } from './alarm-bar';
import { defineItem } from './storage';
import { PANEL_CSS } from './ui-styles';

/**
 * Our UI lives in shadow roots (the console's CSS cannot break it, ours cannot break the
 * console) hung on hosts marked with COMPANION_HOST_ATTR, which the page adapter never reads.
 * Announcements go through a light-DOM live region: screen readers do not reliably announce
 * live regions inside shadow trees.
 */
export interface UiHost {
  /** A container for one feature in the floating panel, in registry order. */
  slot(featureId: string): HTMLElement;
  /**
   * A container shown right beside `anchor`. It floats over the page instead of being inserted
   * into the console's DOM: the console's renderer reconciles its own children and would take
   * over or drop a foreign node (a React-style re-render turns our host into its own span).
   */
  inline(featureId: string, anchor: Element, alignRightIn?: Element): HTMLElement;
  announce(text: string, urgency?: 'polite' | 'assertive'): void;
  /** This feature's danger warnings on the page itself (the danger bar); null or []: none. */
  alarm(featureId: string, alarms: readonly Alarm[] | null): void;
  /** The page changed: every inline container follows its anchor (one batched placement). */
  reposition(): void;
  /** A feature was stopped: its slot is emptied (a fresh one for a restart) and its inline hosts go. */
  release(featureId: string): void;
  destroy(): void;
}

/** The clinician minimised the panel (kept for the next page). */
const panelCollapsedItem = defineItem('local', 'panelCollapsed', {
  fallback: false,
  parse: (raw) => (typeof raw === 'boolean' ? raw : null),
});

/** Where the danger bar may stand (the page adapter measures it), and how it opens the side panel. */
export interface AlarmPlace {
  freeSpan(): FreeSpan | null;
  openSidePanel(): void;
}

export function createUiHost(doc: Document, featureOrder: readonly string[], alarmPlace: AlarmPlace): UiHost {
  const host = doc.createElement('div');
  host.setAttribute(COMPANION_HOST_ATTR, 'panel');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${PANEL_CSS}</style><aside class="panel" aria-label="Clinic Companion">
<div class="panel-bar"><span class="panel-title">Clinic Companion</span>
<button type="button" class="secondary panel-toggle" aria-expanded="true">Minimera</button></div>
<div class="panel-body"></div></aside>`;
  const panel = root.querySelector<HTMLElement>('.panel')!;
  const body = root.querySelector<HTMLElement>('.panel-body')!;
  const slots = new Map<string, HTMLElement>();
  for (const id of featureOrder) {
    const slot = doc.createElement('div');
    slot.dataset.feature = id;
    body.append(slot);
    slots.set(id, slot);
  }

  // The panel floats over the console and can hide its controls (the chat's Skicka): the
  // clinician can minimise it to its first card (the R-ID-2 chip). A danger announcement opens
  // it again, so a warning is never hidden. The choice is kept for the next page.
  const toggle = root.querySelector<HTMLButtonElement>('.panel-toggle')!;
  const setCollapsed = (collapsed: boolean, remember: boolean) => {
    panel.classList.toggle('collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = collapsed ? 'Visa allt' : 'Minimera';
    if (remember) void panelCollapsedItem.set(collapsed).catch(() => {});
  };
  toggle.addEventListener('click', () => setCollapsed(!panel.classList.contains('collapsed'), true));
  void panelCollapsedItem
    .get()
    .then((collapsed) => setCollapsed(collapsed, false))
    .catch(() => {});

  const polite = liveRegion(doc, 'polite');
  const assertive = liveRegion(doc, 'assertive');
  doc.body.append(host, polite, assertive);

  const inlineHosts = new Map<string, InlineEntry>();
  // Placement reads every rectangle first, then writes every position: interleaving the two
  // would force a layout per host (quadratic with 200 queue badges). At most once per task.
  let placing = false;
  const alarms = createAlarmBar(doc, alarmPlace.freeSpan, alarmPlace.openSidePanel);
  const place = () => {
    placing = false;
    // Measures only while a warning shows.
    alarms.place();
    const reads: { entry: InlineEntry; rect: DOMRect | null; box: DOMRect | null; width: number }[] = [];
    for (const entry of inlineHosts.values()) {
      const anchor = entry.anchor;
      if (!anchor?.isConnected) {
        reads.push({ entry, rect: null, box: null, width: 0 });
        continue;
      }
      reads.push({
        entry,
        rect: anchor.getBoundingClientRect(),
        box: entry.box?.isConnected ? entry.box.getBoundingClientRect() : null,
        width: entry.width ?? entry.host.getBoundingClientRect().width,
      });
    }
    for (const { entry, rect, box, width } of reads) {
      entry.width = width;
      // Inside a box (the header card): at its right edge on the anchor's line, covering no text.
      const left = rect && Math.round(box ? Math.max(rect.right + 8, box.right - width - 12) : rect.right + 8);
      const at = rect ? `${Math.round(rect.top + rect.height / 2)},${left}` : 'hidden';
      // Only what moved is written: a write invalidates the page's style, even with equal values.
      if (at === entry.at) continue;
      entry.at = at;
      if (!rect) {
        entry.host.style.display = 'none';
        continue;
      }
      entry.host.style.display = '';
      entry.host.style.top = `${Math.round(rect.top + rect.height / 2)}px`;
      entry.host.style.left = `${left}px`;
    }
  };
  const schedulePlace = () => {
    if (placing) return;
    placing = true;
    queueMicrotask(place);
  };
  const win = doc.defaultView!;
  // Capture phase: scrolling inside the console's own scroll containers moves anchors too.
  win.addEventListener('scroll', schedulePlace, { capture: true, passive: true });
  win.addEventListener('resize', schedulePlace, { passive: true });

  return {
    slot: (featureId) => slots.get(featureId) ?? panel.appendChild(doc.createElement('div')),
    inline(featureId, anchor, alignRightIn) {
      let entry = inlineHosts.get(featureId);
      if (!entry) {
        const inlineHost = doc.createElement('div');
        inlineHost.setAttribute(COMPANION_HOST_ATTR, featureId);
        inlineHost.style.cssText = 'position:fixed;z-index:2147482000;transform:translateY(-50%);';
        const shadow = inlineHost.attachShadow({ mode: 'open' });
        adoptPanelStyles(shadow);
        const container = doc.createElement('span');
        shadow.append(container);
        doc.body.append(inlineHost);
        entry = { host: inlineHost, container, anchor, box: alignRightIn ?? null };
        inlineHosts.set(featureId, entry);
      }
      entry.anchor = anchor;
      entry.box = alignRightIn ?? null;
      // The width is measured again after the caller renders into the container.
      entry.width = undefined;
      schedulePlace();
      return entry.container;
    },
    reposition: schedulePlace,
    announce(text, urgency = 'polite') {
      if (urgency === 'assertive') setCollapsed(false, false);
      const region = urgency === 'assertive' ? assertive : polite;
      // Clearing first makes a repeated message be announced again.
      region.textContent = '';
      setTimeout(() => {
        region.textContent = text;
      }, 50);
    },
    alarm: (featureId, list) => alarms.set(featureId, list),
    release(featureId) {
      alarms.set(featureId, null);
      const old = slots.get(featureId);
      if (old) {
        // A fresh element: a UI library's state for the old one must not be reused on restart.
        const fresh = doc.createElement('div');
        fresh.dataset.feature = featureId;
        old.replaceWith(fresh);
        slots.set(featureId, fresh);
      }
      for (const [key, entry] of inlineHosts) {
        if (key !== featureId && !key.startsWith(`${featureId}-`)) continue;
        entry.host.remove();
        inlineHosts.delete(key);
      }
    },
    destroy() {
      win.removeEventListener('scroll', schedulePlace, { capture: true });
      win.removeEventListener('resize', schedulePlace);
      host.remove();
      alarms.destroy();
      polite.remove();
      assertive.remove();
      for (const { host: h } of inlineHosts.values()) h.remove();
    },
  };
}

let sharedSheet: CSSStyleSheet | null | undefined;

/**
 * One parsed stylesheet shared by every inline host (200 queue badges would otherwise parse the
 * panel's CSS 200 times); a `<style>` where constructed sheets are not available.
 */
function adoptPanelStyles(shadow: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(PANEL_CSS);
    } catch {
      sharedSheet = null;
    }
  }
  try {
    if (sharedSheet) {
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    }
  } catch {
    // A sheet made for another document: fall back below.
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = PANEL_CSS;
  shadow.append(style);
}

interface InlineEntry {
  host: HTMLElement;
  container: HTMLElement;
  anchor: Element | null;
  box: Element | null;
  /** Where it was last put ("top,left" or "hidden"), so an unmoved host is not written again. */
  at?: string;
  /** The host's width once measured (its content changes only through `inline()`). */
  width?: number;
}

function liveRegion(doc: Document, urgency: 'polite' | 'assertive'): HTMLElement {
  const region = doc.createElement('div');
  region.setAttribute(COMPANION_HOST_ATTR, `live-${urgency}`);
  region.setAttribute('role', urgency === 'assertive' ? 'alert' : 'status');
  region.setAttribute('aria-live', urgency);
  region.style.cssText =
    'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0';
  return region;
}
