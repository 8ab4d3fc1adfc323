import RULE_REF_CSS from '../../lib/rule-ref.css?raw';
import { INLINE_CSS } from '../../lib/ui-styles';

/** The feature cards' styles in the side panel (in their shadow root), on top of the inline ones. */
export const CARD_CSS = `${INLINE_CSS}
.panel-body { display: flex; flex-direction: column; gap: 8px; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1b1b1b; }
/* A feature with nothing to say leaves its place empty: no gap for it. */
.panel-body > [data-feature]:empty { display: none; }
.card { background: #fff; border: 1px solid #c5ccd3; border-radius: 8px; padding: 10px 12px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.12); }
.card h2 { font-size: 13px; margin: 0 0 4px; text-transform: uppercase; letter-spacing: .03em; color: #3d4a57; }
.chip { display: inline-flex; align-items: center; gap: 6px; padding: 6px 10px; border-radius: 999px; border: 1px solid #8aa3b8; background: #eef4f9; font-weight: 600; }
.chip.warning { background: #fff4e5; border-color: #b35c00; color: #6b3600; }
.chip.match { background: #e8f5ec; border-color: #2e7d4f; color: #1d5234; }
.alert { border-left: 6px solid #b3261e; background: #fdecea; color: #5f1410; padding: 8px 10px; border-radius: 6px; }
.alert.warning { border-color: #b35c00; background: #fff4e5; color: #5c2f00; }
.alert.info { border-color: #005ca9; background: #eaf2fb; color: #0b3559; }
.alert strong { display: block; }
ul.items { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
label.check { display: flex; gap: 8px; align-items: flex-start; }
li.check-line, div.check-line { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; }
a { color: #005ca9; }
.rule-line { margin: 6px 0 0; text-align: right; }
/* Windows high contrast (forced-colors): backgrounds and colours go, so every chip and alert
   says its kind with a sign and a border of its own (issue 14), never by colour alone. */
@media (forced-colors: active) {
  .chip, .alert, .card, .qbadge, .prio { border: 1px solid CanvasText; }
  .alert { border-left: 6px solid CanvasText; }
  .alert::before, .chip.warning::before, .chip.match::before { font-weight: 700; }
  .alert:not(.warning):not(.info)::before { content: "⛔ Fara: "; }
  .alert.warning::before { content: "⚠ Varning: "; }
  .alert.info::before { content: "ℹ "; }
  .alert.info { border-left-style: dotted; }
  .alert.warning { border-left-style: dashed; }
  .chip.warning::before { content: "⚠ "; }
  .chip.match::before { content: "✓ "; }
  .chip.warning { border-style: dashed; }
  .chip.match { border-width: 2px; }
}
${RULE_REF_CSS}`;
