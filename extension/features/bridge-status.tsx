import { render } from 'preact';
import { type Indicator, indicatorFor, loadBridgeStatus, onBridgeStatusChanged } from '../lib/bridge-status';
import type { BridgeStatus } from '../lib/bridge-status-record';
import { send } from '../lib/messages';
import type { Feature } from './feature';

/**
 * The bridge and SITHS-card indicator in our panel (issue 5). It reads what the background's
 * bridge client keeps in session storage and follows its changes, so a card pulled while this
 * tab was in the background, or while the worker slept, still shows. No schema library here.
 * Issue 14: shown only when something is wrong (a bridge that does not answer or cannot be
 * trusted, a card problem, R-S-2's pulled card); all well, or not paired at all, shows nothing:
 * pairing is IT's business (the options page), and the export says the bridge's refusal itself.
 * The slot's `data-bridge` names the state either way (what tests wait on).
 */

/** R-S-2: pulling the card does not end the shift; say so when the card goes. */
export const CARD_PULLED_REMINDER =
  'SITHS-kortet är uttaget. Skiftet pågår fortfarande – logga ut och välj Avsluta skift när du slutar.';

function BridgeIndicator({ indicator, pulled }: { indicator: Indicator; pulled: boolean }) {
  const tone = indicator.tone === 'ok' ? 'match' : indicator.tone === 'neutral' ? '' : 'warning';
  return (
    <section class="card" aria-label="Brygga och SITHS-kort">
      <span class={`chip ${tone}`} data-tone={indicator.tone}>
        {indicator.label}
      </span>
      {indicator.detail && (
        <p class={indicator.tone === 'error' ? 'alert' : ''} style="margin:6px 0 0">
          {indicator.detail}
        </p>
      )}
      {pulled && (
        <p class="alert warning" style="margin:6px 0 0">
          {CARD_PULLED_REMINDER}
        </p>
      )}
    </section>
  );
}

/** The state in one word, for the slot's `data-bridge`. */
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
  title: 'Visa bryggans och SITHS-kortets status',
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
      const slot = ctx.ui.slot('bridge-status');
      slot.dataset.bridge = bridgeStateOf(status);
      const show = bridgeWorthShowing(status, indicator, pulled);
      render(show ? <BridgeIndicator indicator={indicator} pulled={pulled} /> : null, slot);
      // Said aloud when it is shown, or when a shown problem went away.
      if (!firstDraw && indicator.label !== before && (show || shownBefore)) {
        const urgent = indicator.tone === 'error';
        ctx.ui.announce(pulled ? CARD_PULLED_REMINDER : `Brygga: ${indicator.label}`, urgent ? 'assertive' : 'polite');
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
