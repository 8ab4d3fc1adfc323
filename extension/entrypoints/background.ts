import { registerBridgeClient } from '../background/bridge-client';
import { registerCopyCommand } from '../background/copy-command';
import { registerIdentityKey } from '../background/identity-key';
import { registerJournalPanel } from '../background/journal-panel';
import { registerNoReplyTimers } from '../background/no-reply-timers';
import { registerQueueDeadlines } from '../background/queue-deadlines';
import { resolveRules, watchRuleSources } from '../background/rules';
import { registerSessionBridge } from '../background/session-bridge';
import { registerShiftEnd } from '../background/shift-end';
import { registerVisitFacts } from '../background/visit-facts';
import { purgeExpiredVisits, registerVisitRetention } from '../background/visit-retention';

/**
 * The service worker is killed at will: every listener is registered synchronously at start-up,
 * all state lives in chrome.storage, and alarms are re-created here on every start.
 * One module per concern under extension/background/.
 */
export default defineBackground(() => {
  // Session storage stays trusted-only (it holds the journal facts); content scripts reach the
  // Cosmic chip (R-ID-2) and the bridge status through this module's messages.
  registerSessionBridge();

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
