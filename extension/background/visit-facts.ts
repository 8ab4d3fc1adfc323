import { isPlausibleFacts, type JournalVisitFacts, journalFactsKey, journalFactsRecords } from '../lib/journal-facts';
import { fromConsoleTab, handle, REFUSED } from '../lib/messages';
import { type EffectiveRules, effectiveRulesItem } from '../lib/rules';

/**
 * The latest visit facts per tab, for the journal panel (R-J-2..R-J-8). In session storage:
 * memory only (the patient's name and number never reach the disk), survives this worker being
 * killed, gone with the browser; removed when the tab closes.
 */
export function registerVisitFacts(): void {
  handle('journal-facts', (message, sender) => {
    // Only our own content scripts, in a tab, may publish (the tab comes from the browser).
    if (!fromConsoleTab(sender)) return undefined;
    return saveVisitFacts(sender.tab.id, message.facts).then((saved) => (saved ? { ok: true } : REFUSED));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void journalFactsRecords.remove(journalFactsKey(tabId));
  });
  // A tab closed while the worker was being restarted leaves its facts behind: sweep at start.
  void sweepClosedTabs();
}

export async function saveVisitFacts(tabId: number, read: JournalVisitFacts | null): Promise<boolean> {
  if (read !== null && !isPlausibleFacts(read)) return false;
  const facts = read && withPolicyDefaults(read, await effectiveRulesItem.get());
  await journalFactsRecords.set(journalFactsKey(tabId), { tabId, facts, updatedAt: new Date().toISOString() });
  return true;
}

/**
 * IT's defaultUnit/defaultRole (R-J-5), only where the page does not show the clinician's own:
 * what the console shows always wins. The background checked them against the rule set's units
 * and roles (shared/policy resolvePolicyRules).
 */
export function withPolicyDefaults(
  facts: JournalVisitFacts,
  { defaultUnit, defaultRole }: Pick<EffectiveRules, 'defaultUnit' | 'defaultRole'>,
): JournalVisitFacts {
  const { unit, role } = facts.clinician;
  if ((unit !== null || !defaultUnit) && (role !== null || !defaultRole)) return facts;
  return { ...facts, clinician: { unit: unit ?? defaultUnit ?? null, role: role ?? defaultRole ?? null } };
}

export async function sweepClosedTabs(): Promise<number> {
  const [stored, tabs] = await Promise.all([journalFactsRecords.all(), browser.tabs.query({})]);
  const open = new Set(
    tabs
      .map((t) => t.id)
      .filter((id) => id !== undefined)
      .map(journalFactsKey),
  );
  const stale = stored.map(([key]) => key).filter((key) => !open.has(key));
  await journalFactsRecords.remove(stale);
  return stale.length;
}
