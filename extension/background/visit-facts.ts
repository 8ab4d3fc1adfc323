import {
  JOURNAL_FACTS_PREFIX,
  type JournalVisitFacts,
  journalFactsKey,
  type StoredJournalFacts,
} from '../lib/journal-facts';
import { fromConsoleTab, handle, REFUSED } from '../lib/messages';

/** Larger facts are refused (a console page never has a 200 000-character anamnesis). */
const MAX_FACTS_CHARS = 400_000;

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
    void browser.storage.session.remove(journalFactsKey(tabId));
  });
  // A tab closed while the worker was being restarted leaves its facts behind: sweep at start.
  void sweepClosedTabs();
}

export async function saveVisitFacts(tabId: number, facts: JournalVisitFacts | null): Promise<boolean> {
  if (facts !== null && !isPlausibleFacts(facts)) return false;
  const stored: StoredJournalFacts = { tabId, facts, updatedAt: new Date().toISOString() };
  await browser.storage.session.set({ [journalFactsKey(tabId)]: stored });
  return true;
}

export async function sweepClosedTabs(): Promise<number> {
  const [all, tabs] = await Promise.all([browser.storage.session.get(null), browser.tabs.query({})]);
  const open = new Set(tabs.map((t) => t.id));
  const stale = Object.keys(all).filter(
    (key) => key.startsWith(JOURNAL_FACTS_PREFIX) && !open.has(Number(key.slice(JOURNAL_FACTS_PREFIX.length))),
  );
  if (stale.length > 0) await browser.storage.session.remove(stale);
  return stale.length;
}

/** A light shape check: the content script is ours, but the page it reads is not. */
export function isPlausibleFacts(facts: unknown): facts is JournalVisitFacts {
  if (typeof facts !== 'object' || facts === null) return false;
  const f = facts as Partial<JournalVisitFacts>;
  const strOrNull = (v: unknown) => v === null || typeof v === 'string';
  const boolOrNull = (v: unknown) => v === null || typeof v === 'boolean';
  const channels = f.channels;
  return (
    typeof f.visitKey === 'string' &&
    (f.priority === null || [1, 2, 3, 4, 5].includes(f.priority as number)) &&
    (channels === null ||
      (typeof channels === 'object' &&
        typeof channels?.chat === 'boolean' &&
        typeof channels.phone === 'boolean' &&
        typeof channels.video === 'boolean')) &&
    strOrNull(f.anamnesis) &&
    (f.imagesSent === null || (Number.isInteger(f.imagesSent) && (f.imagesSent as number) >= 0)) &&
    typeof f.clinician === 'object' &&
    f.clinician !== null &&
    strOrNull(f.clinician.unit) &&
    strOrNull(f.clinician.role) &&
    typeof f.patient === 'object' &&
    f.patient !== null &&
    strOrNull(f.patient.name) &&
    strOrNull(f.patient.personnummer) &&
    boolOrNull(f.patient.protectedIdentity) &&
    strOrNull(f.visitStartedAt) &&
    JSON.stringify(facts).length <= MAX_FACTS_CHARS
  );
}
