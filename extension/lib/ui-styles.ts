import { BADGE_STYLE } from './queue-badge';

/**
 * The styles of our inline hosts in the console page (the copy button, the queue badges), scoped
 * by their shadow roots. Colours meet WCAG AA contrast on white. The side panel's cards add theirs
 * (entrypoints/sidepanel/card-styles.ts): the content script carries only what the page shows.
 */
const BASE_CSS = /* css */ `
:host { all: initial; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #005ca9; background: #005ca9; color: #fff; padding: 4px 10px; }
button.secondary { background: #fff; color: #005ca9; }
button:focus-visible, input:focus-visible, a:focus-visible, select:focus-visible, textarea:focus-visible,
summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #0b3559; }
.copy { font-size: 13px; }
.copy[aria-disabled="true"] { background: #6b7680; border-color: #6b7680; }
.inline { position: relative; display: inline-block; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
.feedback { position: absolute; right: 0; top: calc(100% + 4px); width: max-content; max-width: 320px; padding: 6px 8px;
  border-radius: 6px; background: #fff; border: 1px solid #c5ccd3; box-shadow: 0 2px 8px rgb(0 0 0 / 0.12); font-size: 13px; }
.feedback.error { color: #b3261e; }
.feedback.ok { color: #1d5234; }
`;

/** Minified in builds (scripts/vite/minify-marked-css.ts). */
export const INLINE_CSS = BASE_CSS + BADGE_STYLE;
