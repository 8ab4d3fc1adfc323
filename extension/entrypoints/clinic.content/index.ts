import { CLINIC_ORIGIN } from '../../../shared/extension-identity';
import { FEATURES } from '../../features';
import { startCompanion } from '../../lib/companion';
import { rulesForPage } from '../../lib/page-rules';
import { effectivePolicyItem, enabledFeatureIds } from '../../lib/policy';

export default defineContentScript({
  // The release build runs only on the console; test builds add the simulator (wxt.config.ts).
  matches: [`${CLINIC_ORIGIN}/*`],
  runAt: 'document_idle',
  async main(ctx) {
    const ids = FEATURES.map((f) => f.id);
    const [policy, rules] = await Promise.all([effectivePolicyItem.get(), rulesForPage()]);
    const companion = startCompanion(document, FEATURES, enabledFeatureIds(policy, ids), rules);
    // IT's policy and the clinician's switches (resolved by the background) apply live.
    const life = new AbortController();
    effectivePolicyItem.watch((next) => next && companion.setEnabled(enabledFeatureIds(next, ids)), life.signal);
    ctx.onInvalidated(() => {
      life.abort();
      companion.stop();
    });
  },
});
