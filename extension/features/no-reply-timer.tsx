import { render } from 'preact';
import type { NoReplyEvent, NoReplySettings, NoReplyStatus } from '../../shared/no-reply';
import { type ClinicSnapshot, insertIntoComposer } from '../clinic';
import { copyText } from '../lib/clipboard';
import { logError } from '../lib/log';
import type { NoReplyPhoneAttemptMessage, NoReplySyncMessage } from '../lib/messages';
import {
  chatEvents,
  evaluateTimer,
  formatRemaining,
  mergeEvents,
  type NoReplyTimer,
  noReplyKey,
  RUNNING_STATES,
  STATE_TEXT,
  settingsFrom,
} from '../lib/no-reply-timers';
import type { Feature } from './feature';

type Feedback = { ok: boolean; text: string; copy?: string } | null;

/** What the chip needs, from the page and the background's record of this visit. */
export interface ChipModel {
  status: NoReplyStatus;
  settings: NoReplySettings;
  priority: number | null;
  now: number;
  /** When the notice becomes due (awaiting-patient), else null. */
  noticeDueAt: string | null;
  untimed: number;
  phoneLogged: boolean;
}

function noticeLabel(settings: NoReplySettings): string {
  return settings.replyWindowMinutes === 120 ? 'Infoga 2-timmarsmeddelandet' : 'Infoga meddelandet om svarstid';
}

/** The chip's one line: attempts, time left, phone. Exported for the unit test. */
export function chipText(model: ChipModel): string {
  const { status, settings, now } = model;
  const parts = [`${STATE_TEXT[status.state]}`, `försök ${status.attempts} av ${settings.minAttempts}`];
  if (status.deadline) {
    const left = Date.parse(status.deadline) - now;
    parts.push(left > 0 ? `${formatRemaining(left)} kvar` : `svarstiden gick ut ${formatRemaining(left)}`);
  } else if (model.noticeDueAt) {
    parts.push(`påminnelse om ${formatRemaining(Date.parse(model.noticeDueAt) - now)}`);
  }
  if (status.phoneRequired) parts.push(model.phoneLogged ? 'telefon ✔' : 'telefon krävs');
  return parts.join(' · ');
}

function Chip({
  model,
  feedback,
  busy,
  onInsert,
  onPhone,
  onClose,
}: {
  model: ChipModel;
  feedback: Feedback;
  busy: boolean;
  onInsert(): void;
  onPhone(): void;
  onClose(): void;
}) {
  const { status, settings } = model;
  const tone =
    status.state === 'ready-to-close' ? 'match' : status.state === 'awaiting-patient' ? '' : ('warning' as const);
  const showInsert = status.state === 'awaiting-patient' || status.state === 'notice-suggested';
  const prio = model.priority === null ? 'okänd prioritet' : `prioritet ${model.priority}`;
  return (
    <section class="card no-reply" aria-label="Svarstid – inget svar från patienten">
      <h2>Inget svar från patienten</h2>
      <span class={`chip ${tone}`} role="timer" aria-live="off" data-state={status.state}>
        {chipText(model)}
      </span>
      <ul class="facts">
        <li>
          Kontaktförsök i chatten: {status.attempts} av minst {settings.minAttempts} (R-NR-2)
        </li>
        {status.phoneRequired && (
          <li>
            Telefon krävs vid {prio}: {model.phoneLogged ? 'ringt ✔' : 'inte ringt ännu'} (R-NR-3)
          </li>
        )}
      </ul>
      {status.state === 'notice-suggested' && (
        <p class="alert warning" role="alert">
          <strong>Patienten har inte svarat</strong>
          Skicka meddelandet att patienten måste svara inom svarstiden, annars stängs ärendet (R-NR-1).
        </p>
      )}
      {status.state === 'deadline-passed' && (
        <p class="alert warning">
          <strong>Svarstiden har gått ut</strong>
          {status.reasons.filter((r) => r.startsWith('R-NR-2') || r.startsWith('R-NR-3: ')).join(' ')}
        </p>
      )}
      {status.state === 'ready-to-close' && (
        <p class="alert info" role="status">
          <strong>Klart att stänga (R-NR-4)</strong>
          Inget svar trots kontaktförsök: stäng ärendet och journalför en kort anteckning.
        </p>
      )}
      {status.reasons.some((r) => r.startsWith('R-NR-5')) && (
        <p class="alert info nr5">
          R-NR-5: Patienten får inget SMS om nya chattmeddelanden om mobilnummer saknas i profilen eller hen inte har
          lämnat tjänsten – ring hellre.
        </p>
      )}
      {model.untimed > 0 && (
        <p class="alert warning">
          {model.untimed} chattmeddelande{model.untimed === 1 ? '' : 'n'} utan läsbar tid räknas inte.
        </p>
      )}
      <div class="actions">
        {showInsert && (
          <button
            type="button"
            data-action="insert-notice"
            class={status.state === 'notice-suggested' ? '' : 'secondary'}
            title="Lägger meddelandet i chattrutan. Du granskar och skickar det själv."
            onClick={onInsert}
          >
            {noticeLabel(settings)}
          </button>
        )}
        <button type="button" data-action="phone-attempt" class="secondary" disabled={busy} onClick={onPhone}>
          Ringt patienten
        </button>
        {status.state === 'ready-to-close' && (
          <button type="button" data-action="close-no-reply" onClick={onClose}>
            Stäng med anteckning om uteblivet svar
          </button>
        )}
      </div>
      {feedback && (
        <p class={`feedback-line ${feedback.ok ? 'ok' : 'error'}`} role={feedback.ok ? 'status' : 'alert'}>
          {feedback.text}
          {feedback.copy && (
            <button type="button" class="secondary" onClick={() => void copyText(feedback.copy!)}>
              Kopiera texten
            </button>
          )}
        </p>
      )}
    </section>
  );
}

const STYLE = `
.no-reply .facts { margin: 6px 0; padding-left: 18px; }
.no-reply .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.no-reply .alert { margin: 6px 0; }
.no-reply .feedback-line { margin: 6px 0 0; font-size: 13px; }
.no-reply .feedback-line.ok { color: #1d5234; }
.no-reply .feedback-line.error { color: #b3261e; }
.no-reply button[disabled] { opacity: .6; cursor: default; }
`;

/**
 * R-NR-1..R-NR-5 in the visit view: derives the no-reply events from the chat, reports them to
 * the background (which keeps the timer, its alarm and its notification, surviving the worker and
 * a browser restart), and shows a countdown chip with the clinician's actions: put the R-NR-1
 * notice into the chat box (never sent by us), log a phone attempt (R-NR-3), and when ready, close
 * with the no-reply note (R-NR-4, handed to the journal panel).
 */
const noReplyTimer: Feature = {
  id: 'no-reply-timer',
  title: 'Svarstid när patienten inte svarar (två kontaktförsök, telefon, anteckning)',
  rules: ['R-NR-1', 'R-NR-2', 'R-NR-3', 'R-NR-4', 'R-NR-5'],
  init(ctx, signal) {
    const slot = ctx.ui.slot('no-reply-timer');
    const style = document.createElement('style');
    style.textContent = STYLE;
    slot.append(style);
    const mount = document.createElement('div');
    slot.append(mount);

    let visitKey: string | null = null;
    let storageKey: string | null = null;
    let record: NoReplyTimer | null = null;
    let page: { events: NoReplyEvent[]; untimed: number; priority: number | null; closed: boolean } | null = null;
    let sent: string | null = null;
    let feedback: Feedback = null;
    let busy = false;
    let lastState: string | null = null;

    const settings = () => settingsFrom(ctx.rules().timers);

    const model = (): ChipModel | null => {
      if (!page) return null;
      const events = mergeEvents(page.events, record?.events ?? []);
      const s = settings();
      const now = ctx.now();
      const status = evaluateTimer({ events, priority: page.priority }, now, s);
      let lastChat = Number.NEGATIVE_INFINITY;
      let lastPatient = Number.NEGATIVE_INFINITY;
      for (const e of events) {
        const ms = Date.parse(e.at);
        if (e.type === 'patient-message') lastPatient = Math.max(lastPatient, ms);
        if (e.type === 'clinician-message' || e.type === 'notice-sent') lastChat = Math.max(lastChat, ms);
      }
      const phoneLogged = events.some((e) => e.type === 'phone-attempt' && Date.parse(e.at) > lastPatient);
      return {
        status,
        settings: s,
        priority: page.priority,
        now: now.getTime(),
        noticeDueAt:
          status.state === 'awaiting-patient' && Number.isFinite(lastChat)
            ? new Date(lastChat + s.noticeAfterMinutes * 60_000).toISOString()
            : null,
        untimed: page.untimed,
        phoneLogged,
      };
    };

    const draw = () => {
      if (signal.aborted) return;
      const m = model();
      if (!m || !RUNNING_STATES.has(m.status.state)) {
        render(null, mount);
        lastState = m?.status.state ?? null;
        return;
      }
      render(
        <Chip model={m} feedback={feedback} busy={busy} onInsert={insert} onPhone={phone} onClose={close} />,
        mount,
      );
      const state = m.status.state;
      if (state !== lastState) {
        if (state === 'notice-suggested') {
          ctx.ui.announce('Patienten har inte svarat: skicka meddelandet om svarstid (R-NR-1).', 'polite');
        } else if (state === 'deadline-passed') {
          ctx.ui.announce('Svarstiden har gått ut.', 'assertive');
        } else if (state === 'ready-to-close') {
          ctx.ui.announce('Klart att stänga ärendet med en anteckning om uteblivet svar (R-NR-4).', 'assertive');
        }
      }
      lastState = state;
    };

    const show = (next: Feedback) => {
      feedback = next;
      draw();
    };

    const insert = () => {
      const phrase = ctx.rules().phrases.noReplyNotice;
      const result = insertIntoComposer(document, phrase, ctx.registry());
      if (result.status === 'inserted' || result.status === 'already-there') {
        show({ ok: true, text: 'Meddelandet ligger i chattrutan – läs igenom och skicka det själv.' });
        ctx.ui.announce('Meddelandet om svarstid ligger i chattrutan. Granska och skicka.', 'polite');
      } else if (result.status === 'disabled') {
        show({ ok: false, text: 'Chattrutan är låst (besöket pågår inte). Texten:', copy: phrase });
      } else {
        show({ ok: false, text: 'Hittade inte chattrutan. Kopiera texten och klistra in den:', copy: phrase });
      }
    };

    const phone = async () => {
      const snapshot = ctx.snapshot();
      if (!snapshot.visitKey) return;
      busy = true;
      draw();
      const message: NoReplyPhoneAttemptMessage = {
        type: 'no-reply-phone-attempt',
        visitKey: snapshot.visitKey,
        visitUrl: location.href,
      };
      try {
        const reply = (await browser.runtime.sendMessage(message)) as { ok?: boolean } | undefined;
        if (!reply?.ok) throw new Error('not recorded');
        const time = ctx.now().toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
        show({ ok: true, text: `Telefonförsök registrerat kl. ${time} (R-NR-3).` });
        ctx.ui.announce('Telefonförsöket är registrerat.', 'polite');
      } catch (error) {
        logError('no-reply phone attempt', error);
        show({ ok: false, text: 'Telefonförsöket kunde inte registreras – försök igen.' });
      } finally {
        busy = false;
        draw();
      }
    };

    const close = async () => {
      const note = ctx.rules().phrases.noReplyNote;
      try {
        // The journal panel opens in its no-reply mode (R-NR-4, R-J-8); the click is the gesture.
        const reply = (await browser.runtime.sendMessage({ type: 'journal-open-panel', mode: 'no-reply' })) as
          | { ok?: boolean }
          | undefined;
        if (reply?.ok) {
          show({ ok: true, text: 'Journalpanelen är öppen: anteckning om uteblivet svar (R-NR-4).' });
          return;
        }
      } catch (error) {
        logError('no-reply open journal', error);
      }
      show({ ok: false, text: 'Journalpanelen gick inte att öppna. Anteckningen (R-NR-4):', copy: note });
    };

    const sync = (snapshot: ClinicSnapshot) => {
      if (!snapshot.visitKey || !page) return;
      const message: NoReplySyncMessage = {
        type: 'no-reply-sync',
        visitKey: snapshot.visitKey,
        visitUrl: location.href,
        priority: page.priority,
        events: page.events,
        closed: page.closed,
      };
      const signature = JSON.stringify([message.visitKey, message.priority, message.events, message.closed]);
      if (signature === sent) return;
      sent = signature;
      browser.runtime.sendMessage(message).catch((error: unknown) => {
        // The worker was starting: the next change resends (the signature is forgotten).
        sent = null;
        logError('no-reply sync', error);
      });
    };

    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !storageKey || !(storageKey in changes)) return;
      record = (changes[storageKey]!.newValue as NoReplyTimer | undefined) ?? null;
      draw();
    };
    browser.storage.onChanged.addListener(onStorage);

    const onSnapshot = async (snapshot: ClinicSnapshot) => {
      if (snapshot.route !== 'visit' || !snapshot.visitKey) {
        visitKey = storageKey = null;
        record = page = null;
        draw();
        return;
      }
      const chat = snapshot.chat;
      const closed = snapshot.visitState.known && snapshot.visitState.value === 'closed';
      const { events, untimed } = chat.known
        ? chatEvents(chat.value, ctx.rules().phrases.noReplyNotice)
        : { events: [], untimed: 0 };
      page = {
        events,
        untimed,
        priority: snapshot.priority.known ? snapshot.priority.value : null,
        closed,
      };
      if (snapshot.visitKey !== visitKey) {
        visitKey = snapshot.visitKey;
        storageKey = null;
        record = null;
        feedback = null;
        lastState = null;
        const key = await noReplyKey(visitKey);
        if (signal.aborted || visitKey !== snapshot.visitKey) return;
        storageKey = key;
        const stored = await browser.storage.local.get(key);
        if (storageKey !== key) return;
        record = (stored[key] as NoReplyTimer | undefined) ?? null;
      }
      // Unknown chat (not found on the page): report nothing rather than an empty log.
      if (chat.known || closed) sync(snapshot);
      draw();
    };

    const tick = setInterval(draw, 1000);
    signal.addEventListener('abort', () => {
      clearInterval(tick);
      browser.storage.onChanged.removeListener(onStorage);
      render(null, mount);
    });
    ctx.onSnapshot((s) => void onSnapshot(s), signal);
    void onSnapshot(ctx.snapshot());
  },
};

export default noReplyTimer;
