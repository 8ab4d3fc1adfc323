import { useEffect, useState } from 'preact/hooks';
import { BRIDGE_PORT_RANGE } from '../../../shared/bridge-protocol';
import { BRIDGE_DEFAULT_PORT } from '../../../shared/extension-identity';
import { type BridgePairingInfo, pairingInfoItem, parsePort } from '../../lib/bridge-settings';
import { indicatorFor, loadBridgeStatus, onBridgeStatusChanged } from '../../lib/bridge-status';
import type { BridgeStatus } from '../../lib/bridge-status-record';
import { bridgeErrorWords } from '../../lib/error-words';
import { t, uiLanguage } from '../../lib/i18n';
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
      if (!reply) setResult({ ok: false, text: t('options_bridgeNoReply') });
      else if (reply.ok) {
        setResult({
          ok: true,
          text: t(message.save ? 'options_bridgeSaved' : 'options_bridgeProven', reply.port, reply.version),
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
      setResult({ ok: false, text: t('options_bridgeBadPort', 1024, 65535) });
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
            text: t('options_bridgeNoPermission', p, BRIDGE_DEFAULT_PORT),
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
      <h2 id="bridge-heading">{t('options_bridgeHeading')}</h2>
      <p class="hint">{t('options_bridgeIntro')}</p>
      <p aria-live="polite">
        {t('options_bridgeStatus')} <span class={`chip ${chipTone}`}>{indicator.label}</span>
        {indicator.detail && <span class="hint"> {indicator.detail}</span>}
      </p>
      {info?.source === 'native' && <p id="bridge-native">{t('options_bridgeNative', info.port ?? '')}</p>}
      {info?.source === 'policy' ? (
        <p>{t('options_bridgePolicy', info.port ?? '')}</p>
      ) : (
        <>
          {info?.source === 'pairing' && info.pairedAt && (
            <p>{t('options_bridgePasted', new Date(info.pairedAt).toLocaleString(uiLanguage()), info.port ?? '')}</p>
          )}
          <form onSubmit={onPair}>
            <label for="bridge-token">{t('options_bridgeToken')}</label>
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
              {t(info?.nativeHost ? 'options_bridgeTokenNative' : 'options_bridgeTokenHint')}
            </p>
            <label for="bridge-port">{t('options_bridgePort')}</label>
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
                {t('options_bridgePair')}
              </button>
              {info?.source === 'pairing' && (
                <button
                  type="button"
                  class="secondary"
                  id="bridge-unpair"
                  disabled={busy}
                  onClick={() =>
                    void send('bridge-unpair').then(() => setResult({ ok: true, text: t('options_bridgeUnpaired') }))
                  }
                >
                  {t('options_bridgeUnpair')}
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
            {t('options_bridgeTest')}
          </button>
        </div>
      )}
      {busy && <p class="hint">{t('options_bridgeChecking')}</p>}
      <div role={result?.ok === false ? 'alert' : 'status'} id="bridge-result">
        {result && <p class={`result ${result.ok ? 'ok' : 'error'}`}>{result.text}</p>}
      </div>
    </section>
  );
}
