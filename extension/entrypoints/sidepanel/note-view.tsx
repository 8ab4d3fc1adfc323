import type { RuleFinding } from '../../../shared/journal';
import { ticketVisitNotice } from '../../../shared/routine/ticket';
import type { Kontaktsatt } from '../../../shared/rules';
import type { JournalDraft, PanelNote } from '../../lib/journal-draft';
import type { JournalVisitFacts } from '../../lib/journal-facts';
import { RuleRef, RuleText } from '../../lib/rule-ref';

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

const KONTAKTSATT_LABEL: Record<Kontaktsatt, string> = { chatt: 'chatt', telefon: 'telefon', video: 'video' };

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
      <legend>Vårdkontakt – du får registrera</legend>
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
      <h2 id="contact-heading">Vårdkontakt och vårdtjänst</h2>
      {panel.choices.length > 0 && (
        <fieldset class={unknown ? 'choice needed' : 'choice'} id="kontaktsatt-choice">
          <legend>{unknown ? 'Kontaktsätt okänt – välj' : 'Kontaktsätt (valt av dig)'}</legend>
          {panel.choices.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="kontaktsatt"
                value={k}
                checked={panel.chosenKontaktsatt === k}
                onChange={() => actions.chooseKontaktsatt(k)}
              />{' '}
              {KONTAKTSATT_LABEL[k]}
            </label>
          ))}
        </fieldset>
      )}
      <dl class="contact">
        <div>
          <dt>Kontaktsätt</dt>
          <dd id="kontaktsatt">
            {unknown ? (
              <em>okänt – välj ovan</em>
            ) : (
              <>
                {note.kontaktsatt} <small>{panel.chosenKontaktsatt ? '(valt av dig)' : '(från besöket)'}</small>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Vårdkontakt</dt>
          <dd id="vardkontakt">
            {unknown ? <em>väntar på kontaktsätt</em> : note.vardkontakt} <RuleRef ids={[note.ruleBasis.vardkontakt]} />
          </dd>
        </div>
        <div>
          <dt>Vårdtjänst</dt>
          <dd id="vardtjanst">
            {unknown ? (
              <em>väntar på kontaktsätt</em>
            ) : note.vardtjanst.allowed.length > 1 ? (
              <label>
                <span class="visually-hidden">Välj vårdtjänst</span>
                <select
                  value={panel.vardtjanst ?? ''}
                  onChange={(e) => actions.chooseVardtjanst((e.currentTarget as HTMLSelectElement).value)}
                >
                  <option value="">Välj vårdtjänst…</option>
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
            <dt>Du får registrera</dt>
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
      <Findings items={panel.violations} kind="violation" title="Att åtgärda innan du signerar" />
      <Findings items={panel.notices} kind="notice" title="Påminnelser" />
      {facts.ticket && (
        <p class="alert info" data-journal="ticket-notes">
          <RuleText text={ticketVisitNotice(facts.ticket.fromUnit, facts.ticket.postTriageNotes)} />
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
          Patienten svarade inte – kort anteckning
        </label>{' '}
        <RuleRef ids={['R-NR-4', 'R-J-8']} />
      </div>
      <section aria-labelledby="keywords-heading">
        <h2 id="keywords-heading">Sökord {facts.priority !== null && <small>· prioritet {facts.priority}</small>}</h2>
        {panel.sections.map((s, i) => (
          <div class="keyword" key={s.keyword} data-keyword={s.keyword}>
            <div class="keyword-head">
              <label for={`kw-${i}`}>{s.keyword}</label>
              {s.regionToConfirm && (
                <small class="to-confirm" title="Sökordet står inte i manualen: regionen ska bekräfta det">
                  sökord ej fastställt av regionen
                </small>
              )}
              {s.edited && <small class="edited">ändrad</small>}
              <span class="spacer" />
              {s.edited && (
                <button
                  type="button"
                  class="secondary small"
                  aria-label={`Återställ förslaget för ${s.keyword}`}
                  onClick={() => actions.resetSection(s.keyword)}
                >
                  Återställ
                </button>
              )}
              <button
                type="button"
                class="secondary small"
                aria-label={`Kopiera ${s.keyword}`}
                onClick={() => actions.copySection(s.keyword, s.text)}
              >
                Kopiera
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
          Kopiera allt
        </button>
        <small>Hela anteckningen som du redigerat den, för Cosmic (Ctrl+N, mallen Distanskontakt 1177 direkt).</small>
      </div>
    </>
  );
}
