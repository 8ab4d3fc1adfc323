// The badge beside each row of Drop in's *Väntar i kö* (R-Q-1): its turn, its urgency by colour and
// sign; the waiting time in its name and tooltip (the row shows its own, and a wider badge would
// cover the patient's name at laptop widths: issue 14's no-cover test). Plain
// DOM, no UI library in the content script (issue 14): each badge's elements are made once per
// inline container, and a redraw writes only what changed (up to 200 badges, on page changes).
import type { QueueThresholds } from '../../shared/queue';
import { element, setAttr, setText } from './dom-patch';
import { t } from './i18n';
import { minutesText, ordinalText, type QueueView } from './queue-view';

export const BADGE_STYLE = /* css */ `
.qbadge { display: inline-flex; align-items: center; gap: 6px; padding: 1px 7px; border-radius: 999px;
  font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; border: 1px solid #8aa3b8; background: #eef4f9; color: #0b3559; white-space: nowrap; }
.qbadge .turn { font-weight: 700; }
.qbadge.amber { background: #fff4e5; border-color: #b35c00; color: #5c2f00; border-style: dashed; }
.qbadge.red { background: #fdecea; border-color: #b3261e; color: #5f1410; border-width: 2px; }
/* Forced colours: urgency by sign and border, not colour (issue 14). */
@media (forced-colors: active) { .qbadge { border-color: CanvasText; } .qbadge.red { border-width: 3px; border-style: double; }
  .qbadge.amber::before { content: "!"; font-weight: 700; } .qbadge.red::before { content: "‼"; font-weight: 700; } }
`;

/** What a badge says: its turn, its minutes, and its name for screen readers (pure). */
export function badgeText(view: QueueView, limits: QueueThresholds): { turn: string; minutes: string; label: string } {
  const turn = ordinalText(view.order);
  const minutes = minutesText(view.waited);
  const over =
    view.urgency === 'red' ? limits.redAfterMinutes : view.urgency === 'amber' ? limits.amberAfterMinutes : null;
  const label = over === null ? t('queue_badgeLabel', turn, minutes) : t('queue_badgeLabelOver', turn, minutes, over);
  return { turn, minutes, label };
}

interface BadgeParts {
  badge: HTMLElement;
  turn: HTMLElement;
}

const made = new WeakMap<HTMLElement, BadgeParts>();

/**
 * The badge's elements in this container, made the first time. Its style is in the inline hosts'
 * one shared sheet (ui-styles.ts INLINE_CSS): 200 badges parse no style of their own.
 */
function partsIn(container: HTMLElement): BadgeParts {
  let parts = made.get(container);
  if (parts) return parts;
  const badge = element(container, 'span', { role: 'img' });
  const turn = element(container, 'span', { class: 'turn' });
  badge.append(turn);
  parts = { badge, turn };
  made.set(container, parts);
  return parts;
}

/** Draws `view`'s badge in an inline container (`<span class="qbadge …" role="img" …>`). */
export function drawBadge(container: HTMLElement, view: QueueView, limits: QueueThresholds): void {
  const { badge, turn } = partsIn(container);
  const text = badgeText(view, limits);
  setAttr(badge, 'class', `qbadge ${view.urgency}`);
  setAttr(badge, 'data-urgency', view.urgency);
  setAttr(badge, 'data-order', String(view.order));
  setAttr(badge, 'aria-label', text.label);
  setText(turn, text.turn);
  // Two whole sentences: the badge's name, then how the turn is counted.
  setAttr(badge, 'title', `${text.label}. ${t('queue_badgeHow')}`);
  if (badge.parentNode !== container) container.append(badge);
}
