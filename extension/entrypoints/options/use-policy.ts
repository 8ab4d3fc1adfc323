import { useEffect, useState } from 'preact/hooks';
import { effectivePolicyItem, type StoredPolicy } from '../../lib/policy';

/** IT's policy as the background resolved it, kept current (a policy change shows at once). */
export function usePolicy(): StoredPolicy | null {
  const [policy, setPolicy] = useState<StoredPolicy | null>(null);
  useEffect(() => {
    const life = new AbortController();
    void effectivePolicyItem.get().then((p) => !life.signal.aborted && setPolicy(p));
    effectivePolicyItem.watch((p) => p && setPolicy(p), life.signal);
    return () => life.abort();
  }, []);
  return policy;
}
