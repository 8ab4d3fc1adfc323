import { COMPANION_HOST_ATTR } from '../clinic/dom-query';
import { INLINE_CSS } from './ui-styles';

/** Where inline hosts are made: each a shadow root with the shared styles, in one layer. */
export interface InlineLayer {
  /** A new host (marked with `featureId`) holding `container`, hidden until placed. */
  host(featureId: string, container: HTMLElement): HTMLElement;
  /** Puts back a host the page took out (with the layer, or alone). */
  adopt(host: HTMLElement): void;
  /** Every host goes, with the layer. */
  remove(): void;
}

/**
 * One fixed, sizeless layer holds every inline host, each absolute in viewport coordinates: one
 * stacking context over the console instead of one per badge (≈ 40 on a long queue, each its own
 * compositor layer: issue 16). Made again if the console's renderer dropped it, and its hosts put
 * back as they are shown (ui-host.ts).
 */
export function createInlineLayer(doc: Document, lang: string): InlineLayer {
  let layer: HTMLElement | null = null;
  const inlineLayer = (): HTMLElement => {
    if (layer?.isConnected) return layer;
    layer = doc.createElement('div');
    layer.setAttribute(COMPANION_HOST_ATTR, 'inline-layer');
    layer.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147482000;';
    doc.body.append(layer);
    return layer;
  };
  return {
    host(featureId, container) {
      const inlineHost = doc.createElement('div');
      inlineHost.setAttribute(COMPANION_HOST_ATTR, featureId);
      inlineHost.lang = lang;
      // Its own width (max-content): the layer is sizeless, and shrink-to-fit against it would wrap.
      inlineHost.style.cssText = 'position:absolute;width:max-content;transform:translateY(-50%);';
      const shadow = inlineHost.attachShadow({ mode: 'open' });
      adoptPanelStyles(shadow);
      shadow.append(container);
      inlineLayer().append(inlineHost);
      return inlineHost;
    },
    adopt: (inlineHost) => inlineLayer().append(inlineHost),
    remove: () => layer?.remove(),
  };
}

let sharedSheet: CSSStyleSheet | null | undefined;

/**
 * One parsed stylesheet shared by every inline host (200 queue badges would otherwise parse the
 * inline CSS 200 times); a `<style>` where constructed sheets are not available.
 */
function adoptPanelStyles(shadow: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(INLINE_CSS);
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
  style.textContent = INLINE_CSS;
  shadow.append(style);
}
