import { COMPANION_HOST_ATTR } from '../clinic/dom-query';
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
  /** A shadow root placed right after `anchor` in the console's DOM (re-placed if the console re-renders). */
  inline(featureId: string, anchor: Element): HTMLElement;
  announce(text: string, urgency?: 'polite' | 'assertive'): void;
  destroy(): void;
}

export function createUiHost(doc: Document, featureOrder: readonly string[]): UiHost {
  const host = doc.createElement('div');
  host.setAttribute(COMPANION_HOST_ATTR, 'panel');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${PANEL_CSS}</style><aside class="panel" aria-label="Clinic Companion"></aside>`;
  const panel = root.querySelector('aside')!;
  const slots = new Map<string, HTMLElement>();
  for (const id of featureOrder) {
    const slot = doc.createElement('div');
    slot.dataset.feature = id;
    panel.append(slot);
    slots.set(id, slot);
  }

  const polite = liveRegion(doc, 'polite');
  const assertive = liveRegion(doc, 'assertive');
  doc.body.append(host, polite, assertive);

  const inlineHosts = new Map<string, { host: HTMLElement; container: HTMLElement }>();

  return {
    slot: (featureId) => slots.get(featureId) ?? panel.appendChild(doc.createElement('div')),
    inline(featureId, anchor) {
      let entry = inlineHosts.get(featureId);
      if (!entry) {
        const inlineHost = doc.createElement('span');
        inlineHost.setAttribute(COMPANION_HOST_ATTR, featureId);
        const shadow = inlineHost.attachShadow({ mode: 'open' });
        shadow.innerHTML = `<style>${PANEL_CSS}</style>`;
        const container = doc.createElement('span');
        shadow.append(container);
        entry = { host: inlineHost, container };
        inlineHosts.set(featureId, entry);
      }
      if (entry.host.previousElementSibling !== anchor) anchor.after(entry.host);
      return entry.container;
    },
    announce(text, urgency = 'polite') {
      const region = urgency === 'assertive' ? assertive : polite;
      // Clearing first makes a repeated message be announced again.
      region.textContent = '';
      setTimeout(() => {
        region.textContent = text;
      }, 50);
    },
    destroy() {
      host.remove();
      polite.remove();
      assertive.remove();
      for (const { host: h } of inlineHosts.values()) h.remove();
    },
  };
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
