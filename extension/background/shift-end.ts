import { journalFactsRecords } from '../lib/journal-facts';
import { fromConsoleTab, handle } from '../lib/messages';
import { SHARED_ITEMS } from '../lib/session-shared';
import { defineItem } from '../lib/storage';
import { purgeVisits } from '../lib/visit-store';
import { createSerialQueue } from './serial';

/**
 * The vårdenhet the current shift runs in, as the console showed it (no patient data). Local, so
 * it outlives the worker and the browser like the shift itself; cleared when the shift ends.
 */
export const shiftUnitItem = defineItem<string | null>('local', 'shiftUnit', {
  fallback: null,
  parse: (raw) => (typeof raw === 'string' && raw.length > 0 ? raw : null),
});

/**
 * Shift end purges all per-visit data at once (retention 0) and forgets the Cosmic patient. The
 * shift ends by "Avsluta skift" (R-S-2) or, per the manual, by changing vårdenhet: a console tab
 * that shows another unit than the shift's ends the old unit's shift here.
 */
export function registerShiftEnd(): void {
  handle('shift-ended', (_message, sender) => {
    if (!fromConsoleTab(sender)) return undefined;
    return purgeShift().then(() => ({ ok: true }));
  });
  handle('shift-unit', (message, sender) => {
    if (!fromConsoleTab(sender) || typeof message.unit !== 'string' || !message.unit.trim()) return undefined;
    return unitSeen(message.unit.trim());
  });
}

const serial = createSerialQueue('shift unit');

/** One report at a time: two tabs showing the new unit together purge once. */
function unitSeen(unit: string): Promise<{ ok: true; changed: boolean }> {
  return serial(async () => {
    const previous = await shiftUnitItem.get();
    if (previous === unit) return { ok: true as const, changed: false };
    if (previous !== null) await purgeShift();
    await shiftUnitItem.set(unit);
    return { ok: true as const, changed: previous !== null };
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
    shiftUnitItem.remove(),
  ]);
}
