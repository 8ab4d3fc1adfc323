import type { RuleFinding } from '../../../shared/journal';
import type { Kontaktsatt } from '../../../shared/rules';
import { t } from '../../lib/i18n';
import type { JournalDraft, PanelNote } from '../../lib/journal-draft';
import type { JournalVisitFacts } from '../../lib/journal-facts';
import { RuleRef, RuleText } from '../../lib/rule-ref';
import { ticketVisitWords } from '../../lib/ticket-words';

/** Everything the clinician can do in the note; the container saves the draft and copies. */
export interface NoteActions {
  chooseKontaktsatt(k: Kontaktsatt): void;
  /** R-J-5: the vårdkontakt among the allowed ones (by its channel). */
  chooseVardkontakt(k: Kontaktsatt): void;
  chooseVardtjanst(v: string): void;
  setNoReply(on: boolean): void;
  editSection(keyword: string, text: string): void;
  resetSection(keyword: string): void;
  copySection(keyword: string, text: string): void;
  copyAll(): void;
}

/** The choice's words (the note itself keeps the Swedish value: chatt, telefon, video). */
const kontaktsattLabel = (k: Kontaktsatt): string =>
  ({ chatt: t('journal_chatt'), telefon: t('journal_telefon'), video: t('journal_video') })[k];

function Findings({ items, kind, title }: { items: RuleFinding[]; kind: 'violation' | 'notice'; title: string }) {
  if (items.length === 0) return null;
  return (
    <section class="findings" aria-label={title} id={kind === 'violation' ? 'violations' : 'notices'}>
      <h2>{title}</h2>
      <ul>
        {items.map((f) => (
          <li key={`${f.ruleId}:${f.message}`} class={kind === 'violation' ? 'alert' : 'alert info'}>
            <RuleText text={f.message} ids={[f.ruleId]} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** R-J-5: the vårdkontakter this clinician may register, offered when what happened is not one of them. */
function VardkontaktChoice({ panel, actions }: { panel: PanelNote; actions: NoteActions }) {
  const { note } = panel;
  if (note.vardkontaktChoices.length === 0) return null;
  return (
    <fieldset class={note.vardkontaktNeedsChoice ? 'choice needed' : 'choice'} id="vardkontakt-choice">
      <legend>{t('journal_vardkontaktLegend')}</legend>
      {note.vardkontaktChoices.map((c) => (
        <label key={c.kontaktsatt}>
          <input
            type="radio"
            name="vardkontakt"
            value={c.kontaktsatt}
            checked={!note.vardkontaktNeedsChoice && note.vardkontaktKontaktsatt === c.kontaktsatt}
            onChange={() => actions.chooseVardkontakt(c.kontaktsatt)}
          />{' '}
          {c.vardkontakt}
        </label>
      ))}
    </fieldset>
  );
}

function Contact({ panel, actions }: { panel: PanelNote; actions: NoteActions }) {
  const { note } = panel;
  const unknown = note.needsChoice && !panel.chosenKontaktsatt;
  return (
    <section aria-labelledby="contact-heading">
      <h2 id="contact-heading">{t('journal_contactHeading')}</h2>
      {panel.choices.length > 0 && (
        <fieldset class={unknown ? 'choice needed' : 'choice'} id="kontaktsatt-choice">
          <legend>{unknown ? t('journal_kontaktsattUnknown') : t('journal_kontaktsattChosen')}</legend>
          {panel.choices.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="kontaktsatt"
                value={k}
                checked={panel.chosenKontaktsatt === k}
                onChange={() => actions.chooseKontaktsatt(k)}
              />{' '}
              {kontaktsattLabel(k)}
            </label>
          ))}
        </fieldset>
      )}
      <dl class="contact">
        <div>
          <dt>{t('journal_kontaktsatt')}</dt>
          <dd id="kontaktsatt">
            {unknown ? (
              <em>{t('journal_unknownChooseAbove')}</em>
            ) : (
              <>
                {note.kontaktsatt}{' '}
                <small>{panel.chosenKontaktsatt ? t('journal_chosenByYou') : t('journal_fromVisit')}</small>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('journal_vardkontakt')}</dt>
          <dd id="vardkontakt">
            {unknown ? <em>{t('journal_waitingKontaktsatt')}</em> : note.vardkontakt}{' '}
            <RuleRef ids={[note.ruleBasis.vardkontakt]} />
          </dd>
        </div>
        <div>
          <dt>{t('journal_vardtjanst')}</dt>
          <dd id="vardtjanst">
            {unknown ? (
              <em>{t('journal_waitingKontaktsatt')}</em>
            ) : note.vardtjanst.allowed.length > 1 ? (
              <label>
                <span class="visually-hidden">{t('journal_chooseVardtjanstLabel')}</span>
                <select
                  value={panel.vardtjanst ?? ''}
                  onChange={(e) => actions.chooseVardtjanst((e.currentTarget as HTMLSelectElement).value)}
                >
                  <option value="">{t('journal_chooseVardtjanstOption')}</option>
                  {note.vardtjanst.allowed.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              (panel.vardtjanst ?? '–')
            )}{' '}
            <RuleRef ids={[note.ruleBasis.vardtjanst]} />
          </dd>
        </div>
        {note.vardkontaktChoices.length > 0 && (
          <div>
            <dt>{t('journal_mayRegister')}</dt>
            <dd id="allowed-kontaktsatt">{note.vardkontaktChoices.map((c) => c.vardkontakt).join(', ')}</dd>
          </div>
        )}
      </dl>
      {!unknown && <VardkontaktChoice panel={panel} actions={actions} />}
    </section>
  );
}

export function NoteView({
  panel,
  draft,
  facts,
  actions,
}: {
  panel: PanelNote;
  draft: JournalDraft;
  facts: JournalVisitFacts;
  actions: NoteActions;
}) {
  return (
    <>
      <Contact panel={panel} actions={actions} />
      <Findings items={panel.violations} kind="violation" title={t('journal_toFix')} />
      <Findings items={panel.notices} kind="notice" title={t('journal_reminders')} />
      {facts.ticket && (
        <p class="alert info" data-journal="ticket-notes">
          <RuleText text={ticketVisitWords(facts.ticket.fromUnit, facts.ticket.postTriageNotes)} />
        </p>
      )}
      <div class="switch-line">
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            id="no-reply"
            checked={draft.noReply}
            aria-checked={draft.noReply ? 'true' : 'false'}
            onChange={(e) => actions.setNoReply((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('journal_noReply')}
        </label>{' '}
        <RuleRef ids={['R-NR-4', 'R-J-8']} />
      </div>
      <section aria-labelledby="keywords-heading">
        <h2 id="keywords-heading">
          {t('journal_keywords')} {facts.priority !== null && <small>{t('journal_priority', facts.priority)}</small>}
        </h2>
        {panel.sections.map((s, i) => (
          <div class="keyword" key={s.keyword} data-keyword={s.keyword}>
            <div class="keyword-head">
              <label for={`kw-${i}`}>{s.keyword}</label>
              {s.regionToConfirm && (
                <small class="to-confirm" title={t('journal_toConfirmTitle')}>
                  {t('journal_toConfirm')}
                </small>
              )}
              {s.edited && <small class="edited">{t('journal_edited')}</small>}
              <span class="spacer" />
              {s.edited && (
                <button
                  type="button"
                  class="secondary small"
                  aria-label={t('journal_resetLabel', s.keyword)}
                  onClick={() => actions.resetSection(s.keyword)}
                >
                  {t('journal_reset')}
                </button>
              )}
              <button
                type="button"
                class="secondary small"
                aria-label={t('journal_copyLabel', s.keyword)}
                onClick={() => actions.copySection(s.keyword, s.text)}
              >
                {t('journal_copy')}
              </button>
            </div>
            <textarea
              id={`kw-${i}`}
              rows={Math.min(12, Math.max(2, s.text.split('\n').length + 1))}
              value={s.text}
              aria-describedby={s.hint ? `kw-${i}-hint` : undefined}
              onInput={(e) => actions.editSection(s.keyword, (e.currentTarget as HTMLTextAreaElement).value)}
            />
            {s.hint && (
              <p class="hint" id={`kw-${i}-hint`}>
                <RuleText text={s.hint} />
              </p>
            )}
          </div>
        ))}
      </section>
      <div class="actions">
        <button type="button" id="copy-all" onClick={actions.copyAll}>
          {t('journal_copyAll')}
        </button>
        <small>{t('journal_copyAllHint')}</small>
      </div>
    </>
  );
}
