import { SHIFT_ENDED } from '../lib/messages';
import { purgeVisits } from '../lib/visit-store';

/** Shift end purges all per-visit data at once (retention 0) and forgets the Cosmic patient. */
export function registerShiftEnd(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if ((message as { type?: unknown } | null)?.type !== SHIFT_ENDED || !sender.tab) return;
    return purgeShift().then(() => ({ ok: true }));
  });
}

export async function purgeShift(): Promise<void> {
  await purgeVisits(0);
  await browser.storage.session.remove('cosmicPatient');
}
