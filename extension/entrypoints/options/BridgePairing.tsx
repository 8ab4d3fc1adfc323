import { useEffect, useState } from 'preact/hooks';
import { BRIDGE_PORT_RANGE } from '../../../shared/bridge-protocol';
import { BRIDGE_DEFAULT_PORT } from '../../../shared/extension-identity';
import { type BridgePairingInfo, pairingInfoItem, parsePort } from '../../lib/bridge-settings';
import { indicatorFor, loadBridgeStatus, onBridgeStatusChanged } from '../../lib/bridge-status';
import type { BridgeStatus } from '../../lib/bridge-status-record';
import { bridgeErrorWords } from '../../lib/error-words';
import { type MessageData, send } from '../../lib/messages';

type Result = { ok: boolean; text: string } | null;

/**
 * Pairing with the bridge (issues 5 and 11). Where the bridge's native host is installed the
 * extension pairs by itself; pasting the token the bridge printed is the fallback (the background
 * checks it with a fresh challenge and saves only a proven pairing, out of content scripts' reach).
 * The token is never shown back; this page sees only the pairing's source, port and date.
 */
export function BridgePairing() {
  const [status, setStatus] = useState<BridgeStatus | null>(null);
  const [info, setInfo] = useState<BridgePairingInfo | null>(null);
  const [token, setToken] = useState('');
  const [port, setPort] = useState(String(BRIDGE_DEFAULT_PORT));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);

  useEffect(() => {
    const controller = new AbortController();
    void loadBridgeStatus().then(setStatus);
    onBridgeStatusChanged(setStatus, controller.signal);
    // An extension page reads trusted-only session storage directly.
    const apply = (next: BridgePairingInfo | null) => {
      setInfo(next);
      if (next?.source === 'pairing' && next.port) setPort(String(next.port));
    };
    void pairingInfoItem.get().then(apply);
    pairingInfoItem.watch(apply, controller.signal);
    return () => controller.abort();
  }, []);

  const pair = async (message: MessageData<'bridge-pair'>) => {
    setBusy(true);
    setResult(null);
    try {
      const reply = await send('bridge-pair', message);
      if (!reply) setResult({ ok: false, text: 'Ingen kontakt med tilläggets bakgrund. Försök igen.' });
      else if (reply.ok) {
        setResult({
          ok: true,
          text: `Bryggan på port ${reply.port} visade att den har nyckeln (version ${reply.version}).${
            message.save ? ' Parkopplingen är sparad.' : ''
          }`,
        });
        if (message.save) setToken('');
      } else setResult({ ok: false, text: bridgeErrorWords(reply) });
    } finally {
      setBusy(false);
    }
  };

  const onPair = (e: Event) => {
    e.preventDefault();
    const p = parsePort(port);
    if (p === null) {
      setResult({ ok: false, text: 'Porten ska vara ett tal mellan 1024 och 65535.' });
      return;
    }
    void (async () => {
      // The manifest grants the bridge's port range; another port is asked for here, in the
      // click (an optional host permission needs a user gesture).
      if (p < BRIDGE_PORT_RANGE.first || p > BRIDGE_PORT_RANGE.last) {
        const granted = await browser.permissions.request({ origins: [`http://127.0.0.1:${p}/*`] }).catch(() => false);
        if (!granted) {
          setResult({
            ok: false,
            text: `Tillägget fick inte behörighet att nå port ${p}. Använd ${BRIDGE_DEFAULT_PORT} eller tillåt porten.`,
          });
          return;
        }
      }
      await pair({ token: token.trim(), port: p, save: true });
    })();
  };

  const indicator = indicatorFor(status);
  const chipTone = indicator.tone === 'neutral' ? '' : indicator.tone;

  return (
    <section class="box" aria-labelledby="bridge-heading">
      <h2 id="bridge-heading">Brygga</h2>
      <p class="hint">
        Bryggan är programmet på datorn som läser SITHS-kortet och sparar journalanteckningen som PDF. Tillägget pratar
        bara med den efter att den visat att den har samma nyckel.
      </p>
      <p aria-live="polite">
        Status: <span class={`chip ${chipTone}`}>{indicator.label}</span>
        {indicator.detail && <span class="hint"> {indicator.detail}</span>}
      </p>
      {info?.source === 'native' && (
        <p id="bridge-native">
          Parkopplad automatiskt med bryggan för din användare på den här datorn (port {info.port}).
        </p>
      )}
      {info?.source === 'policy' ? (
        <p>IT har parkopplat bryggan med en policy (port {info.port}). Den kan inte ändras här.</p>
      ) : (
        <>
          {info?.source === 'pairing' && info.pairedAt && (
            <p>
              Parkopplad med inklistrad nyckel {new Date(info.pairedAt).toLocaleString('sv-SE')}, port {info.port}.
            </p>
          )}
          <form onSubmit={onPair}>
            <label for="bridge-token">Nyckel från bryggan</label>
            <input
              id="bridge-token"
              type="password"
              autocomplete="off"
              spellcheck={false}
              value={token}
              onInput={(e) => setToken((e.currentTarget as HTMLInputElement).value)}
              aria-describedby="bridge-token-hint"
            />
            <p id="bridge-token-hint" class="hint">
              {info?.nativeHost
                ? 'Behövs bara om IT ber dig: bryggan på den här datorn parkopplas av sig själv.'
                : 'Klistra in nyckeln som bryggan skrev ut när den startade första gången (minst 22 tecken).'}
            </p>
            <label for="bridge-port">Port</label>
            <input
              id="bridge-port"
              type="number"
              min={1024}
              max={65535}
              value={port}
              onInput={(e) => setPort((e.currentTarget as HTMLInputElement).value)}
            />
            <div class="row">
              <button type="submit" id="bridge-pair" disabled={busy || token.trim() === ''}>
                Parkoppla och testa
              </button>
              {info?.source === 'pairing' && (
                <button
                  type="button"
                  class="secondary"
                  id="bridge-unpair"
                  disabled={busy}
                  onClick={() =>
                    void send('bridge-unpair').then(() => setResult({ ok: true, text: 'Parkopplingen är borttagen.' }))
                  }
                >
                  Ta bort parkoppling
                </button>
              )}
            </div>
          </form>
        </>
      )}
      {info?.source && (
        <div class="row">
          <button
            type="button"
            class="secondary"
            id="bridge-test"
            disabled={busy}
            onClick={() => void pair({ save: false })}
          >
            Testa anslutningen
          </button>
        </div>
      )}
      {busy && <p class="hint">Kontrollerar bryggan…</p>}
      <div role={result?.ok === false ? 'alert' : 'status'} id="bridge-result">
        {result && <p class={`result ${result.ok ? 'ok' : 'error'}`}>{result.text}</p>}
      </div>
    </section>
  );
}
