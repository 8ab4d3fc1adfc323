import { CLINIC_ORIGIN } from '../../../shared/extension-identity';
import { FEATURES } from '../../features';
import { startCompanion } from '../../lib/companion';
import { loadDisabledFeatures } from '../../lib/settings';

export default defineContentScript({
  // The release build runs only on the console; test builds add the simulator (wxt.config.ts).
  matches: [`${CLINIC_ORIGIN}/*`],
  runAt: 'document_idle',
  async main(ctx) {
    const companion = startCompanion(document, FEATURES, await loadDisabledFeatures());
    ctx.onInvalidated(() => companion.stop());
  },
});
