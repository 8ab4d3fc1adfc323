import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerShiftEnd } from '../../extension/background/shift-end';
import type { Sender } from '../../extension/lib/messages';
import { callAsChrome } from './chrome-listeners';

/**
 * The manual: the shift ends by "Avsluta skift" or by changing vårdenhet. The background keeps the
 * shift's unit; a console tab showing another one purges the old unit's visit data as at shift end,
 * once even when several tabs report the new unit together.
 */
let listeners: unknown[] = [];
beforeEach(async () => {
  fakeBrowser.reset();
  vi.stubGlobal('browser', fakeBrowser);
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  registerShiftEnd();
  listeners = add.mock.calls.map((c) => c[0]);
  add.mockRestore();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const tab = (id: number): Sender => ({ id: fakeBrowser.runtime.id, tab: { id } }) as Sender;
async function send(message: unknown, sender: Sender): Promise<unknown> {
  for (const listener of listeners) {
    const reply = callAsChrome(listener, message, sender);
    if (reply !== undefined) return reply;
  }
  return undefined;
}
const seed = async () => {
  await fakeBrowser.storage.local.set({ 'visit:abc': { updatedAt: new Date().toISOString() } });
  await fakeBrowser.storage.session.set({ cosmicPatient: { masked: '19900101-••85' } });
};
const kept = async () => ({
  visit: 'visit:abc' in (await fakeBrowser.storage.local.get(null)),
  cosmic: 'cosmicPatient' in (await fakeBrowser.storage.session.get(null)),
});

describe('R-S-2: changing vårdenhet ends the shift', () => {
  it("the first unit is the shift's; the same again keeps the data; another purges it, once for two tabs", async () => {
    await seed();
    expect(await send({ type: 'shift-unit', unit: '1177 direkt Uppsala län' }, tab(1))).toEqual({
      ok: true,
      changed: false,
    });
    expect(await send({ type: 'shift-unit', unit: '1177 direkt Uppsala län' }, tab(2))).toEqual({
      ok: true,
      changed: false,
    });
    expect(await kept()).toEqual({ visit: true, cosmic: true });

    const replies = await Promise.all([
      send({ type: 'shift-unit', unit: 'Testviken hälsocentral' }, tab(1)),
      send({ type: 'shift-unit', unit: 'Testviken hälsocentral' }, tab(2)),
    ]);
    expect(replies).toEqual([
      { ok: true, changed: true },
      { ok: true, changed: false },
    ]);
    expect(await kept()).toEqual({ visit: false, cosmic: false });
    expect((await fakeBrowser.storage.local.get('shiftUnit')).shiftUnit).toBe('Testviken hälsocentral');
  });

  it('"Avsluta skift" forgets the unit: the next shift starts wherever the clinician logs in', async () => {
    await send({ type: 'shift-unit', unit: '1177 direkt Uppsala län' }, tab(1));
    await send({ type: 'shift-ended' }, tab(1));
    await seed();
    expect(await send({ type: 'shift-unit', unit: 'Testviken hälsocentral' }, tab(1))).toEqual({
      ok: true,
      changed: false,
    });
    expect(await kept()).toEqual({ visit: true, cosmic: true });
  });

  it('refused from anything but our own console tab, and an empty unit is no report', async () => {
    expect(await send({ type: 'shift-unit', unit: 'X' }, { id: 'other' } as Sender)).toBeUndefined();
    expect(await send({ type: 'shift-unit', unit: '  ' }, tab(1))).toBeUndefined();
  });
});
