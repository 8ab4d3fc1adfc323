import { registerBridgeClient } from '../background/bridge-client';
import { registerCopyCommand } from '../background/copy-command';
import { registerIdentityKey } from '../background/identity-key';
import { registerJournalPanel } from '../background/journal-panel';
import { registerNoReplyTimers } from '../background/no-reply-timers';
import { registerQueueDeadlines } from '../background/queue-deadlines';
import { resolveRules, watchRuleSources } from '../background/rules';
import { registerShiftEnd } from '../background/shift-end';
import { registerVisitFacts } from '../background/visit-facts';
import { purgeExpiredVisits, registerVisitRetention } from '../background/visit-retention';

/**
 * The service worker is killed at will: every listener is registered synchronously at start-up,
 * all state lives in chrome.storage, and alarms are re-created here on every start.
 * One module per concern under extension/background/.
 */
export default defineBackground(() => {
  // Content scripts share the Cosmic chip through session storage (R-ID-2): memory only,
  // survives this worker being killed, gone when the browser closes.
  void chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });

  registerCopyCommand();
  registerVisitFacts();
  registerJournalPanel();
  registerVisitRetention();
  registerShiftEnd();
  registerIdentityKey();
  registerNoReplyTimers();
  registerQueueDeadlines();
  registerBridgeClient();
  watchRuleSources();
  void resolveRules().then(purgeExpiredVisits);
});
