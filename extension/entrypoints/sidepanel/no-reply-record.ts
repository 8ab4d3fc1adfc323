import { useEffect, useState } from 'preact/hooks';
import { type NoReplyTimer, noReplyRecords } from '../../lib/no-reply-timers';

/**
 * What the side panel's no-reply card reads besides the tab's facts (issue 14): the visit's record
 * as the background keeps it (phone attempts logged, notices marked), straight from storage, and
 * its own clock. `undefined` until the record is read, so the card never draws without it.
 */
export function useNoReplyRecord(key: string): NoReplyTimer | null | undefined {
  const [state, setState] = useState<{ key: string; record: NoReplyTimer | null } | null>(null);
  useEffect(() => {
    const life = new AbortController();
    const read = (record: NoReplyTimer | null) => !life.signal.aborted && setState({ key, record });
    noReplyRecords.watch((changed, record) => changed === key && read(record), life.signal);
    void noReplyRecords.get(key).then(read);
    return () => life.abort();
  }, [key]);
  // Never another visit's record while this one's is on its way.
  return state?.key === key ? state.record : undefined;
}

/** Now, every second: the countdown's clock (only the side panel ticks, not the console page). */
export function useSecondClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return now;
}
