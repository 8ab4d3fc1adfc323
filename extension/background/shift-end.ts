import { journalFactsRecords } from '../lib/journal-facts';
import { fromConsoleTab, handle } from '../lib/messages';
import { SHARED_ITEMS } from '../lib/session-shared';
import { purgeVisits } from '../lib/visit-store';

/** Shift end purges all per-visit data at once (retention 0) and forgets the Cosmic patient. */
export function registerShiftEnd(): void {
  handle('shift-ended', (_message, sender) => {
    if (!fromConsoleTab(sender)) return undefined;
    return purgeShift().then(() => ({ ok: true }));
  });
}

export async function purgeShift(): Promise<void> {
  await purgeVisits(0);
  // The open visits' facts (name, number, anamnesis for the journal panel) go too.
  const facts = (await journalFactsRecords.all()).map(([key]) => key);
  await Promise.all([
    SHARED_ITEMS.cosmicPatient.remove(),
    SHARED_ITEMS.cosmicKey.remove(),
    journalFactsRecords.remove(facts),
  ]);
}
