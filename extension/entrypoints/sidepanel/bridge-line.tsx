import { useEffect, useState } from 'preact/hooks';
import { indicatorFor, loadBridgeStatus, onBridgeStatusChanged } from '../../lib/bridge-status';
import type { BridgeStatus } from '../../lib/bridge-status-record';

/**
 * The bridge's state beside the PDF export, the one place in the journal that needs the bridge
 * (issue 14): said only when the bridge is not usable (not paired, not answering, not trusted),
 * so the clinician knows before pressing Exportera PDF; nothing when all is well.
 */
export function BridgeLine() {
  const [status, setStatus] = useState<BridgeStatus | null | undefined>(undefined);
  useEffect(() => {
    const stop = new AbortController();
    onBridgeStatusChanged(setStatus, stop.signal);
    void loadBridgeStatus().then((s) => setStatus((now) => (now === undefined ? s : now)));
    return () => stop.abort();
  }, []);
  if (!status || status.bridge === 'ok') return null;
  const indicator = indicatorFor(status);
  return (
    <p class="bridge-line alert" data-bridge={status.bridge}>
      <strong>{indicator.label}</strong> {indicator.detail}
    </p>
  );
}
