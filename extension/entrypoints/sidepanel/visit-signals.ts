import { useEffect, useState } from 'preact/hooks';
import { panelModeKey, panelModeRequests } from '../../lib/journal-panel-mode';
import { type NoReplyTimer, noReplyKey, noReplyRecords } from '../../lib/no-reply-timers';

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
    const life = new AbortController();
    let key: string | null = null;
    const read = (record: NoReplyTimer | null) =>
      !life.signal.aborted && setAttempted(record?.events.some((e) => e.type === 'phone-attempt') === true);
    noReplyRecords.watch((changed, record) => changed === key && read(record), life.signal);
    void noReplyKey(visitKey).then(async (k) => {
      key = k;
      read(await noReplyRecords.get(k));
    });
    return () => life.abort();
  }, [visitKey]);
  return attempted;
}

/**
 * Calls `apply` once for a pending "no-reply mode" request of the tab (set by the background when
 * the no-reply card's "Stäng med anteckning om uteblivet svar" was pressed), then removes the
 * request. Waits until `ready` (the visit's draft is loaded), so the mode lands in the right draft.
 */
export function usePanelModeRequest(tabId: number | null, ready: boolean, apply: (mode: 'no-reply') => void): void {
  useEffect(() => {
    if (tabId === null || !ready) return;
    const key = panelModeKey(tabId);
    const life = new AbortController();
    const take = (request: { mode: 'no-reply' } | null) => {
      if (!request || life.signal.aborted) return;
      apply(request.mode);
      void panelModeRequests.remove(key);
    };
    panelModeRequests.watch((changed, request) => changed === key && take(request), life.signal);
    void panelModeRequests.get(key).then(take);
    return () => life.abort();
  }, [tabId, ready, apply]);
}
