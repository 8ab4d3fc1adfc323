// The no-reply chip's card in the side panel (R-NR-1..R-NR-5), drawn from the chip's model
// (lib/no-reply-chip.ts) as views/no-reply-timer.tsx words it. Here, not in lib/: the content
// script never imports the side panel, so no UI library reaches the console page (issue 14).
import { durationText } from '../../../shared/rules/phrases';
import { stockholmTimeText } from '../../../shared/stockholm-time';
import { copyText } from '../../lib/clipboard';
import { type ChipView, noticeLabel } from '../../lib/no-reply-chip';
import { RuleRef, RuleText, splitRuleIds } from '../../lib/rule-ref';

export interface ChipActions {
  onInsert(): void;
  onPhone(): void;
  onUndoPhone(): void;
  onMarkNotice(at: string): void;
  onClose(): void;
}

const timeOf = (iso: string) => stockholmTimeText(new Date(iso));

/** The status's reasons ("R-NR-2: …") as sentences, their rules behind one toggle. */
function Reasons({ reasons }: { reasons: string[] }) {
  const split = reasons.map(splitRuleIds);
  return <RuleText text={split.map((r) => r.text).join('. ')} ids={split.flatMap((r) => r.ids)} />;
}

export function Chip({ model, actions }: { model: ChipView; actions: ChipActions }) {
  const { status, settings, feedback, busy } = model;
  const tone =
    status.state === 'ready-to-close' ? 'match' : status.state === 'awaiting-patient' ? '' : ('warning' as const);
  const waitingForNotice = status.state === 'awaiting-patient' || status.state === 'notice-suggested';
  const prio = model.priority === null ? 'okänd prioritet' : `prioritet ${model.priority}`;
  const undoable = model.undoable ?? [];
  // R-NR-5 is worded once, in the status's reasons (shared/no-reply.ts).
  const smsReason = status.reasons.find((r) => r.startsWith('R-NR-5'));
  const lastLogged = undoable[undoable.length - 1];
  return (
    <section class="card no-reply" aria-label="Svarstid – inget svar från patienten">
      <h2>Inget svar från patienten</h2>
      <span class={`chip ${tone}`} role="timer" aria-live="off" data-state={status.state}>
        {model.line}
      </span>
      <ul class="facts">
        <li>
          Kontaktförsök i chatten: {status.attempts} av minst {settings.minAttempts} <RuleRef ids={['R-NR-2']} />
        </li>
        {status.phoneRequired && (
          <li>
            Telefon krävs vid {prio}: {model.phoneLogged ? 'ringt ✔' : 'inte ringt ännu'} <RuleRef ids={['R-NR-3']} />
          </li>
        )}
        {lastLogged && (
          <li class="logged-phone">
            Telefonförsök registrerat kl. {timeOf(lastLogged)}{' '}
            <button type="button" class="secondary" data-action="undo-phone-attempt" onClick={actions.onUndoPhone}>
              Ångra
            </button>
          </li>
        )}
      </ul>
      {status.state === 'notice-suggested' && (
        <p class="alert warning" role="alert">
          <strong>Patienten har inte svarat</strong>
          Skicka meddelandet att patienten måste svara inom {durationText(settings.replyWindowMinutes)}, annars stängs
          ärendet. <RuleRef ids={['R-NR-1']} />
        </p>
      )}
      {waitingForNotice && model.unsureNotice && (
        <p class="alert info unsure-notice">
          Meddelandet kl. {timeOf(model.unsureNotice)} liknar meddelandet om svarstid men är omskrivet.{' '}
          <button
            type="button"
            class="secondary"
            data-action="mark-notice"
            onClick={() => actions.onMarkNotice(model.unsureNotice!)}
          >
            Räkna det som meddelandet om svarstid
          </button>
        </p>
      )}
      {status.state === 'deadline-passed' && (
        <p class="alert warning">
          <strong>Svarstiden har gått ut</strong>
          <Reasons reasons={status.reasons.filter((r) => r.startsWith('R-NR-2') || r.startsWith('R-NR-3: '))} />
        </p>
      )}
      {status.state === 'ready-to-close' && (
        <p class="alert info" role="status">
          <strong>Klart att stänga</strong>
          Inget svar trots kontaktförsök: stäng ärendet och journalför en kort anteckning. <RuleRef ids={['R-NR-4']} />
        </p>
      )}
      {smsReason && (
        <p class="alert info nr5">
          <RuleText text={`${smsReason} – ring hellre.`} />
        </p>
      )}
      {(model.unknownAuthors ?? 0) > 0 && (
        <p class="alert warning unknown-authors">
          {model.unknownAuthors} chattmeddelande{model.unknownAuthors === 1 ? '' : 'n'} med okänd avsändare räknas som
          patientens svar, så att ärendet inte stängs i onödan. Kontrollera chatten.
        </p>
      )}
      {model.untimed > 0 && (
        <p class="alert warning">
          {model.untimed} chattmeddelande{model.untimed === 1 ? '' : 'n'} utan läsbar tid räknas inte.
        </p>
      )}
      <div class="actions">
        {waitingForNotice && (
          <button
            type="button"
            data-action="insert-notice"
            class={status.state === 'notice-suggested' ? '' : 'secondary'}
            title="Lägger meddelandet i chattrutan. Du granskar och skickar det själv."
            onClick={actions.onInsert}
          >
            {noticeLabel(settings)}
          </button>
        )}
        <button type="button" data-action="phone-attempt" class="secondary" disabled={busy} onClick={actions.onPhone}>
          Ringt patienten
        </button>
        {status.state === 'ready-to-close' && (
          <button type="button" data-action="close-no-reply" onClick={actions.onClose}>
            Stäng med anteckning om uteblivet svar
          </button>
        )}
      </div>
      {feedback && (
        <p class={`feedback-line ${feedback.ok ? 'ok' : 'error'}`} role={feedback.ok ? 'status' : 'alert'}>
          <RuleText text={feedback.text} />
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

export const CHIP_STYLE = `
.no-reply .facts { margin: 6px 0; padding-left: 18px; }
.no-reply .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.no-reply .alert { margin: 6px 0; }
.no-reply .feedback-line { margin: 6px 0 0; font-size: 13px; }
.no-reply .feedback-line.ok { color: #1d5234; }
.no-reply .feedback-line.error { color: #b3261e; }
.no-reply button[disabled] { opacity: .6; cursor: default; }
`;
