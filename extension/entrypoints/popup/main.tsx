import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../lib/i18n';
import { logError } from '../../lib/log';
import { send } from '../../lib/messages';
import {
  type NoReplyTimer,
  noReplyRecords,
  overviewOrder,
  priorityText,
  STATE_TEXT,
  timeLeftText,
} from '../../lib/no-reply-timers';
import { RuleRef } from '../../lib/rule-ref';
import '../../lib/rule-ref.css';
import './style.css';

/**
 * Overview of every running no-reply timer (R-NR-1..4) across visits and tabs, most urgent first
 * (earliest deadline, then priority). A click brings the visit's tab. No patient names: the
 * records hold none (the visit is told by its priority, state and time).
 */
async function loadTimers(): Promise<NoReplyTimer[]> {
  return (await noReplyRecords.all()).flatMap(([, timer]) => (timer ? [timer] : []));
}

/** This popup's window, known before any click: `sidePanel.open` must run inside the click's gesture. */
const thisWindow = browser.windows.getCurrent().then((w) => w.id);
let windowId: number | undefined;
void thisWindow.then((id) => {
  windowId = id;
});

/** The side panel of this window (the click here is the user gesture `sidePanel.open` needs). */
function openSidePanel() {
  if (windowId === undefined) return;
  chrome.sidePanel.open({ windowId }).then(
    () => window.close(),
    (error: unknown) => logError('side panel', error),
  );
}

function Overview() {
  const [timers, setTimers] = useState<NoReplyTimer[] | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const refresh = () => void loadTimers().then(setTimers, (e: unknown) => logError('popup timers', e));
    refresh();
    const life = new AbortController();
    // One read per batch of changes (the worker's start-up writes every record at once).
    let pending = false;
    noReplyRecords.watch(() => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        refresh();
      });
    }, life.signal);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      life.abort();
      clearInterval(tick);
    };
  }, []);

  const focus = async (id: string) => {
    try {
      await send('no-reply-focus', { id });
    } catch (error) {
      logError('popup focus', error);
    }
    window.close();
  };

  const running = timers ? overviewOrder(timers) : [];
  return (
    <main>
      {/* Issue 14: the side panel is the companion's home; the toolbar button's way there. */}
      <button type="button" class="open-side-panel" onClick={openSidePanel}>
        {t('popup_openSidePanel')}
      </button>
      <h1>{t('popup_heading')}</h1>
      {timers === null && <p>{t('popup_loading')}</p>}
      {timers !== null && running.length === 0 && <p class="empty">{t('popup_none')}</p>}
      {running.length > 0 && (
        <ol class="timers" aria-label={t('popup_listLabel')}>
          {running.map((timer) => (
            <li key={timer.id}>
              <button
                type="button"
                class={`timer ${timer.status.state}`}
                data-timer={timer.id}
                data-state={timer.status.state}
                onClick={() => void focus(timer.id)}
              >
                <span class="who">{t('popup_visit', priorityText(timer.priority))}</span>
                <span class="state">{STATE_TEXT[timer.status.state]}</span>
                <span class="meta">
                  {t(
                    timer.status.phoneRequired ? 'popup_metaPhone' : 'popup_meta',
                    timer.status.attempts,
                    timeLeftText(timer.status.deadline, timer.wakeAt, now),
                  )}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <p class="hint">
        {t('popup_hint')} <RuleRef ids={['R-NR-1', 'R-NR-2', 'R-NR-3', 'R-NR-4']} />
      </p>
    </main>
  );
}

// Title and lang in the browser's language (HTML has no __MSG__ substitution).
document.title = t('popup_title');
document.documentElement.lang = uiLanguage();
render(<Overview />, document.getElementById('app')!);
