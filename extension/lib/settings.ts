/** Per-feature on/off switches (options page; IT may force them by policy in a later issue). */
const DISABLED_KEY = 'disabledFeatures';

export async function loadDisabledFeatures(): Promise<Set<string>> {
  const stored = await browser.storage.local.get(DISABLED_KEY);
  const list = stored[DISABLED_KEY];
  return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
}

export async function saveDisabledFeatures(ids: Iterable<string>): Promise<void> {
  await browser.storage.local.set({ [DISABLED_KEY]: [...ids] });
}
