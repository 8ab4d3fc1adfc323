import type { BridgeStatusModel } from '../../../features/bridge-status';
import { t } from '../../../lib/i18n';
import { defineView } from './view';

/**
 * The bridge and SITHS-card indicator (issue 5), drawn only when something is wrong (issue 14);
 * `data-bridge` carries the state either way.
 */
export default defineView<BridgeStatusModel>('bridge-status', ({ model: { bridge, visible, indicator, reminder } }) => {
  const tone = indicator.tone === 'ok' ? 'match' : indicator.tone === 'neutral' ? '' : 'warning';
  return (
    <div data-bridge={bridge}>
      {visible && (
        <section class="card" aria-label={t('bridge_cardLabel')}>
          <span class={`chip ${tone}`} data-tone={indicator.tone}>
            {indicator.label}
          </span>
          {indicator.detail && (
            <p class={indicator.tone === 'error' ? 'alert' : ''} style="margin:6px 0 0">
              {indicator.detail}
            </p>
          )}
          {reminder && (
            <p class="alert warning" style="margin:6px 0 0">
              {reminder}
            </p>
          )}
        </section>
      )}
    </div>
  );
});
