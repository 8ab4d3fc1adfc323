import { type Indicator, indicatorFor, loadBridgeStatus, onBridgeStatusChanged } from '../lib/bridge-status';
import type { BridgeStatus } from '../lib/bridge-status-record';
import { t } from '../lib/i18n';
import { send } from '../lib/messages';
import type { Feature } from './feature';

/**
 * The bridge and SITHS-card indicator in our panel (issue 5). It reads what the background's
 * bridge client keeps in session storage and follows its changes, so a card pulled while this
 * tab was in the background, or while the worker slept, still shows. No schema library here.
 * Issue 14: shown only when something is wrong (a bridge that does not answer or cannot be
 * trusted, a card problem, R-S-2's pulled card); all well, or not paired at all, shows nothing:
 * pairing is IT's business (the options page), and the export says the bridge's refusal itself.
 * The card is in the side panel (views/bridge-status.tsx); its `data-bridge` names the state
 * either way (what tests wait on), so the model is published even when nothing is shown.
 */

/** The side panel's bridge card: the state always, the indicator only when `visible`. */
export interface BridgeStatusModel {
  /** bridgeStateOf: the state as last received, shown or not. */
  bridge: string;
  visible: boolean;
  indicator: Indicator;
  /** R-S-2: the card was pulled during this page's life: cardPulledReminder(), else null. */
  reminder: string | null;
}

/** R-S-2: pulling the card does not end the shift; say so when the card goes. */
export const cardPulledReminder = (): string => t('bridge_cardPulled');

/** The state in one word, for the card's `data-bridge`. */
export function bridgeStateOf(status: BridgeStatus | null): string {
  if (!status) return 'checking';
  if (status.bridge !== 'ok') return status.bridge;
  const card = status.card;
  if (card?.state === 'CARD_PRESENT') return card.identity.verified ? 'card-present' : 'card-unverified';
  return (card?.state ?? 'card-unknown').toLowerCase().replaceAll('_', '-');
}

/** Whether the clinician needs to see it: something is wrong, never "not paired" on every visit. */
export function bridgeWorthShowing(status: BridgeStatus | null, indicator: Indicator, pulled: boolean): boolean {
  if (pulled || indicator.tone === 'error') return true;
  return indicator.tone === 'warning' && status?.bridge !== 'not-paired';
}

const bridgeStatus: Feature = {
  id: 'bridge-status',
  title: t('bridge_title'),
  rules: ['R-S-2'],
  async init(ctx, signal) {
    let previous: BridgeStatus | null = null;
    let pulled = false;
    let firstDraw = true;

    const draw = (status: BridgeStatus | null) => {
      if (signal.aborted) return;
      const indicator = indicatorFor(status);
      const wasPresent = previous?.bridge === 'ok' && previous.card?.state === 'CARD_PRESENT';
      const isPresent = status?.bridge === 'ok' && status.card?.state === 'CARD_PRESENT';
      if (isPresent) pulled = false;
      else if (wasPresent && status?.bridge === 'ok' && status.card?.state === 'NO_CARD') pulled = true;
      else if (status?.bridge !== 'ok') pulled = false;
      const before = indicatorFor(previous).label;
      const shownBefore = bridgeWorthShowing(previous, indicatorFor(previous), false);
      previous = status;
      const show = bridgeWorthShowing(status, indicator, pulled);
      const reminder = pulled ? cardPulledReminder() : null;
      ctx.panel.show({ bridge: bridgeStateOf(status), visible: show, indicator, reminder } satisfies BridgeStatusModel);
      // Said aloud when it is shown, or when a shown problem went away.
      if (!firstDraw && indicator.label !== before && (show || shownBefore)) {
        const urgent = indicator.tone === 'error';
        ctx.ui.announce(reminder ?? t('bridge_announce', indicator.label), urgent ? 'assertive' : 'polite');
      }
      firstDraw = false;
    };

    let changed = false;
    onBridgeStatusChanged((status) => {
      changed = true;
      draw(status);
    }, signal);
    const stored = await loadBridgeStatus();
    if (!changed) draw(stored);
    // Wakes the worker if it slept, so a change made meanwhile reaches this page now.
    send('bridge-refresh').catch(() => {});
  },
};

export default bridgeStatus;
