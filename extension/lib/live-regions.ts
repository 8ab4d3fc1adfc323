import { COMPANION_HOST_ATTR } from '../clinic/dom-query';

/** The light-DOM live regions our announcements go through (screen readers do not reliably announce live regions inside shadow trees). */
export interface LiveRegions {
  announce(text: string, urgency?: 'polite' | 'assertive'): void;
  remove(): void;
}

/** A repeated message is cleared first and said again after this long, so it is announced again. */
export const REPEAT_AFTER_MS = 50;

export function createLiveRegions(doc: Document, lang: string): LiveRegions {
  const regions = { polite: liveRegion(doc, 'polite', lang), assertive: liveRegion(doc, 'assertive', lang) };
  doc.body.append(regions.polite, regions.assertive);
  const pending = new Map<HTMLElement, ReturnType<typeof setTimeout>>();
  return {
    announce(text, urgency = 'polite') {
      const region = regions[urgency];
      clearTimeout(pending.get(region));
      pending.delete(region);
      // A new message is written at once: it lands in the frame the page paints anyway (issue 16:
      // writing it a task later laid out and painted the console's whole page once more, ≈ 10 ms
      // on a 200-row Drop in). Only the same words again need the clearing.
      if (region.textContent !== text) {
        region.textContent = text;
        return;
      }
      region.textContent = '';
      pending.set(
        region,
        setTimeout(() => {
          pending.delete(region);
          region.textContent = text;
        }, REPEAT_AFTER_MS),
      );
    },
    remove() {
      for (const timer of pending.values()) clearTimeout(timer);
      regions.polite.remove();
      regions.assertive.remove();
    },
  };
}

function liveRegion(doc: Document, urgency: 'polite' | 'assertive', lang: string): HTMLElement {
  const region = doc.createElement('div');
  region.lang = lang;
  region.setAttribute(COMPANION_HOST_ATTR, `live-${urgency}`);
  region.setAttribute('role', urgency === 'assertive' ? 'alert' : 'status');
  region.setAttribute('aria-live', urgency);
  region.style.cssText =
    'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0';
  return region;
}
