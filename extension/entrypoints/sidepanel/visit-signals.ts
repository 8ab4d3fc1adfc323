import { useEffect, useState } from 'preact/hooks';
import { JOURNAL_PANEL_MODE_PREFIX } from '../../background/journal-panel';
import { type NoReplyTimer, noReplyKey } from '../../lib/no-reply-timers';

/**
 * What the side panel learns about a visit besides the content script's facts: phone attempts
 * from the visit's no-reply record (R-NR-3: "Ringt patienten" and the console's calls are one
 * fact), and a mode the visit view asked for ("Stäng med anteckning om uteblivet svar", R-NR-4).
 */

/** A phone attempt is in the visit's no-reply record (kept after closing, for the note). */
export function usePhoneAttempted(visitKey: string | null): boolean {
  const [attempted, setAttempted] = useState(false);
  useEffect(() => {
    setAttempted(false);
    if (visitKey === null) return;
    let alive = true;
    let key: string | null = null;
    const read = (record: unknown) =>
      alive &&
      setAttempted(
        Array.isArray((record as NoReplyTimer | undefined)?.events) &&
          (record as NoReplyTimer).events.some((e) => e.type === 'phone-attempt'),
      );
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key !== null && key in changes) read(changes[key]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    void noReplyKey(visitKey).then(async (k) => {
      key = k;
      read((await browser.storage.local.get(k))[k]);
    });
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [visitKey]);
  return attempted;
}

/**
 * Calls `apply` once for a pending "open in no-reply mode" request of the tab (set by the
 * background when the chip's button opened the panel), then removes the request. Waits until
 * `ready` (the visit's draft is loaded), so the mode lands in the right draft.
 */
export function usePanelModeRequest(tabId: number | null, ready: boolean, apply: (mode: 'no-reply') => void): void {
  useEffect(() => {
    if (tabId === null || !ready) return;
    const key = `${JOURNAL_PANEL_MODE_PREFIX}${tabId}`;
    const take = (value: unknown) => {
      if ((value as { mode?: unknown } | undefined)?.mode !== 'no-reply') return;
      apply('no-reply');
      void browser.storage.session.remove(key);
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) take(changes[key]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.session.get(key).then((all) => take(all[key]));
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabId, ready, apply]);
}
