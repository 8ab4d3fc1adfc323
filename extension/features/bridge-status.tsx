import { render } from 'preact';
import { type Indicator, indicatorFor, loadBridgeStatus, onBridgeStatusChanged } from '../lib/bridge-status';
import type { BridgeStatus } from '../lib/bridge-status-record';
import { send } from '../lib/messages';
import type { Feature } from './feature';

/**
 * The bridge and SITHS-card indicator in our panel (issue 5). It reads what the background's
 * bridge client keeps in session storage and follows its changes, so a card pulled while this
 * tab was in the background, or while the worker slept, still shows. No schema library here.
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
      previous = status;
      render(<BridgeIndicator indicator={indicator} pulled={pulled} />, ctx.ui.slot('bridge-status'));
      if (!firstDraw && indicator.label !== before) {
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
