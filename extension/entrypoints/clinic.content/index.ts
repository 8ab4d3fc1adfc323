import { CLINIC_ORIGIN } from '../../../shared/extension-identity';
import { FEATURES } from '../../features';
import { startCompanion } from '../../lib/companion';
import { loadEffectiveRules } from '../../lib/rules';
import { loadDisabledFeatures } from '../../lib/settings';

export default defineContentScript({
  // The release build runs only on the console; test builds add the simulator (wxt.config.ts).
  matches: [`${CLINIC_ORIGIN}/*`],
  runAt: 'document_idle',
  async main(ctx) {
    const [disabled, rules] = await Promise.all([loadDisabledFeatures(), loadEffectiveRules()]);
    const companion = startCompanion(document, FEATURES, disabled, rules);
    ctx.onInvalidated(() => companion.stop());
  },
});
