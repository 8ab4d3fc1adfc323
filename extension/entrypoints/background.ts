import { registerBridgeActions } from '../background/bridge-actions';
import { registerBridgeClient } from '../background/bridge-client';
import { registerCopyCommand } from '../background/copy-command';
import { registerJournalPanel } from '../background/journal-panel';
import { registerNoReplyTimers } from '../background/no-reply-timers';
import { registerPolicy } from '../background/policy';
import { registerQueueDeadlines } from '../background/queue-deadlines';
import { resolveRules, watchRuleSources } from '../background/rules';
import { registerSessionBridge } from '../background/session-bridge';
import { registerShiftEnd } from '../background/shift-end';
import { registerShiftGuard } from '../background/shift-guard';
import { registerVisitFacts } from '../background/visit-facts';
import { purgeExpiredVisits, registerVisitRetention } from '../background/visit-retention';
import { ensureSessionKey } from '../lib/cosmic-patient';

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
  registerShiftGuard();
  registerNoReplyTimers();
  registerQueueDeadlines();
  registerBridgeClient();
  registerBridgeActions();
  registerPolicy();
  watchRuleSources();
  void resolveRules().then(purgeExpiredVisits);
  // The per-session key behind the Cosmic chip's identity hash (R-ID-2): made here, in the one
  // worker, so every console tab gets the same key (a content script asks for it by session-read).
  void ensureSessionKey();
});
