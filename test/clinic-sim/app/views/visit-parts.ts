/**
 * Parts of the visit view that behave the same in every skin (the toolbar, the chat bar, the
 * composer, the priority form, the complete interview): a skin chooses their words and labels,
 * and the page's script finds their buttons and forms by name/value, never by markup.
 */
import { type CallKind, FORMS, PHRASES, PRIORITY_TEXT, type SimCase } from '../../model';
import {
  actionForm,
  asyncAnswered,
  type Ctx,
  caseUrl,
  ICON_PHONE,
  ICON_VIDEO,
  icon,
  myName,
  qaList,
  time,
} from '../context';
import { type Html, html, raw } from '../html';

export function findCase(x: Ctx, id: string): SimCase | undefined {
  return x.s.cases.find((item) => item.id === id);
}

export function visitNotFound(x: Ctx): Html {
  return html`<div ${x.k('page')}><h1 ${x.k('h1')}>Besöket hittades inte</h1><p><a ${x.k('link')} href="/drop-in">Till Drop in</a></p></div>`;
}

/** Another scenario test number, for the 'two-ids' header variant. */
const STRAY_NUMBERS = ['19750107-9292', '19900101-2385'];

export function strayNumber(c: SimCase): string {
  return STRAY_NUMBERS.find((n) => n !== c.patient.personnummer)!;
}

export function caseAction(c: SimCase, action: string): string {
  return `/api/cases/${encodeURIComponent(c.id)}/${action}`;
}

/** The patient's name linking to the visit, as in a queue row (a handed-over case says so). */
export function patientLink(x: Ctx, c: SimCase): Html {
  return html`<a ${x.k('row-link')} href="${caseUrl(c)}">${c.patient.name}</a>${c.handover ? html` <span ${x.k('tag')}>Synk Överlämning</span>` : ''}`;
}

/** A queue row's "Ta emot" (waiting or handed-over cases only). */
export function acceptButton(x: Ctx, c: SimCase): Html | '' {
  if (c.state !== 'waiting' && !c.handover) return '';
  return actionForm(x, caseAction(c, 'accept'), html`<button type="submit" ${x.k('btn-small')}>Ta emot</button>`);
}

/** Under the visit facts while a handover waits for a receiver (R-HO-1). */
export function handoverNote(x: Ctx, c: SimCase): Html | '' {
  if (!c.handover) return '';
  return html`<p ${x.k('tag')}>Synk Överlämning – lämnat över till ${c.handover.toRole}, väntar på mottagare</p>`;
}

/** The visit fact naming invited colleagues (R-C-1), shown only when someone is invited. */
export const INVITED_TERM = 'Inbjuden kollega';

/** The viewer is an invited guest, not the owner (R-C-1: every function but closing). */
export function viewerIsGuest(x: Ctx, c: SimCase): boolean {
  const me = myName(x);
  return c.assignedTo !== me && c.invited.includes(me);
}

/** "Ändra prioritet" (not on closed visits). */
export function priorityForm(x: Ctx, c: SimCase): Html | '' {
  if (c.state === 'closed') return '';
  const priorityId = x.id('priority-select');
  return actionForm(
    x,
    caseAction(c, 'priority'),
    html`<label ${x.k('label-inline')} for="${priorityId}">Ändra prioritet</label>
<select ${x.k('select-small')} id="${priorityId}" name="priority">${([1, 2, 3, 4, 5] as const).map(
      (n) => html`<option value="${n}"${n === c.priority ? raw(' selected') : ''}>${n} – ${PRIORITY_TEXT[n]}</option>`,
    )}</select>
<button type="submit" ${x.k('btn-small')}>Spara</button>`,
    'prio-form',
  );
}

/** The complete interview behind a disclosure; `answers` draws the question/answer pairs. */
export function originalDetails(
  x: Ctx,
  c: SimCase,
  answers: (list: SimCase['anamnesis']) => Html = (l) => qaList(x, l),
) {
  return html`<details ${x.k('details')}><summary ${x.k('summary')}>Visa komplett intervju</summary>${answers(c.originalAnswers)}</details>`;
}

export function actionsToolbar(x: Ctx, c: SimCase): Html {
  const open = c.state === 'accepted' || c.state === 'ongoing';
  return html`<div role="toolbar" aria-label="Besöksåtgärder" ${x.k('actions')}>
${c.state === 'waiting' || c.handover ? actionForm(x, caseAction(c, 'accept'), html`<button type="submit" ${x.k('btn-primary')}>Ta emot</button>`) : ''}
${
  c.state === 'accepted' && !c.handover
    ? actionForm(x, caseAction(c, 'start'), html`<button type="submit" ${x.k('btn-primary')}>Starta besök</button>`)
    : ''
}
${
  open
    ? html`${
        // R-C-1: an invited colleague can use every function but closing.
        viewerIsGuest(x, c)
          ? ''
          : html`<button type="button" ${x.k('btn-danger')} name="ui" value="open-close-visit" aria-haspopup="dialog">Avsluta besök</button>`
      }
<button type="button" ${x.k('btn-secondary')} name="ui" value="open-invite" aria-haspopup="dialog">Bjud in kollega</button>
<button type="button" ${x.k('btn-secondary')} name="ui" value="open-handover" aria-haspopup="dialog">Lämna över besök</button>
<button type="button" ${x.k('btn-secondary')} name="ui" value="open-ticket" aria-haspopup="dialog">Boka biljett</button>`
    : ''
}
</div>`;
}

export interface ChatWords {
  online: string;
  offline: string;
  /** "Videosamtal pågår" while a call runs (followed by " sedan 09:05"). */
  callOngoing(kind: CallKind): string;
}

export const DEFAULT_CHAT_WORDS: ChatWords = {
  online: 'Patienten är online',
  offline: 'Patienten är offline',
  callOngoing: (kind) => (kind === 'video' ? 'Videosamtal pågår' : 'Ljudsamtal pågår'),
};

/** Presence and call buttons, the running call, and the closed-visit note (one per line). */
export function chatTop(x: Ctx, c: SimCase, words: ChatWords = DEFAULT_CHAT_WORDS): Html {
  const callEnabled = c.state === 'ongoing' && c.online && !c.call;
  const disabled = callEnabled ? '' : raw(' disabled');
  return html`<div ${x.k('chat-bar')}>
<p ${x.k(c.online ? 'presence-on' : 'presence-off')}><span ${x.k(c.online ? 'dot-on' : 'dot-off')} aria-hidden="true"></span>${
    c.online ? words.online : words.offline
  }</p>
<div ${x.k('chat-icons')}>
<button type="button" ${x.k('icon-btn')} name="ui" value="call-video" aria-label="Starta videosamtal" title="Starta videosamtal"${disabled}>${icon(ICON_VIDEO)}</button>
<button type="button" ${x.k('icon-btn')} name="ui" value="call-audio" aria-label="Starta ljudsamtal" title="Starta ljudsamtal"${disabled}>${icon(ICON_PHONE)}</button>
</div>
</div>
${
  c.call
    ? html`<div ${x.k('call')}><p role="status" ${x.k('call-text')}>${words.callOngoing(c.call.kind)} sedan ${time(
        x,
        c.call.startedAt,
      )}</p>${actionForm(x, caseAction(c, 'call/end'), html`<button type="submit" ${x.k('btn-danger')}>Avsluta samtal</button>`)}</div>`
    : ''
}
${
  c.state === 'closed'
    ? html`<p ${x.k('chat-info')}>${
        c.asyncUntil && Date.parse(c.asyncUntil) > x.now
          ? html`Besöket är avslutat. Patienten kan svara asynkront till ${time(x, c.asyncUntil)}.`
          : 'Besöket är avslutat. Uppföljningsperioden är slut.'
      }</p>
${asyncFollowUp(x, c)}
${visitNote(x, c)}`
    : ''
}`;
}

/**
 * Asynkrona (manual: "Asynkron fas", R-A-1): a closed visit the patient answered in its
 * asynchronous phase offers *Markera som klar*, which moves it to *Kräver ingen åtgärd*.
 */
function asyncFollowUp(x: Ctx, c: SimCase): Html | '' {
  if (!c.asyncUntil || Date.parse(c.asyncUntil) <= x.now) return '';
  if (asyncAnswered(c))
    return html`<div ${x.k('async-follow-up')}><p ${x.k('chat-info')}>Patienten har svarat i den asynkrona fasen.</p>${actionForm(
      x,
      caseAction(c, 'async-done'),
      html`<button type="submit" ${x.k('btn-secondary')}>Markera som klar</button>`,
    )}</div>`;
  return c.asyncDoneAt ? html`<p ${x.k('chat-info')}>Markerad som klar – Kräver ingen åtgärd</p>` : '';
}

/**
 * The visit note in Clinic (manual: "Journalföring i Cosmic", R-J-1): after closing, checked and
 * *Signera och exportera*; then "Signerad och exporterad" with the time.
 */
function visitNote(x: Ctx, c: SimCase): Html {
  const titleId = x.id('visit-note-title');
  return html`<section aria-labelledby="${titleId}" ${x.k('visit-note')}>
<h3 ${x.k('h3')} id="${titleId}">Besöksanteckning</h3>
<p ${x.k('note-text')}>Sökorsak: ${c.reason}. Digitalt besök via 1177 direkt${c.assignedTo ? `, ${c.assignedTo}` : ''}.</p>
${
  c.signedAt
    ? html`<p ${x.k('chat-info')}>Signerad och exporterad ${time(x, c.signedAt)}</p>`
    : actionForm(
        x,
        caseAction(c, 'sign'),
        html`<button type="submit" ${x.k('btn-primary')}>Signera och exportera</button>`,
      )
}
</section>`;
}

export interface ComposerLabel {
  /** Attributes that name the textarea (aria-label, or the id a `<label for>` points at). */
  attr: Html;
  /** A visible or hidden label element put before the textarea. */
  before?: Html;
  placeholder?: string;
}

/** Fraser / Formulär and the chat box with "Skicka" (both disabled unless the visit is ongoing). */
export function composer(x: Ctx, c: SimCase, label: ComposerLabel): Html {
  const chatEnabled = c.state === 'ongoing';
  const panelId = x.id('chat-panel');
  const draft = x.ui.drafts[c.id] ?? '';
  const chatPanel = x.ui.chatPanel;
  const disabled = chatEnabled ? '' : raw(' disabled');
  const placeholder = chatEnabled ? (label.placeholder ?? 'Skriv ett meddelande') : 'Starta besöket för att chatta';
  return html`<div ${x.k('composer')}>
<div ${x.k('composer-tabs')}>
<button type="button" ${x.k('chip')} name="ui" value="panel-fraser" aria-expanded="${chatPanel === 'fraser' ? 'true' : 'false'}" aria-controls="${panelId}">Fraser</button>
<button type="button" ${x.k('chip')} name="ui" value="panel-formular" aria-expanded="${chatPanel === 'formular' ? 'true' : 'false'}" aria-controls="${panelId}">Formulär</button>
</div>
<div ${x.k('chat-panel')} id="${panelId}"${chatPanel ? '' : raw(' hidden')}>${
    chatPanel === 'fraser'
      ? html`<ul ${x.k('phrase-list')} aria-label="Fraser">${PHRASES.map(
          (ph, i) =>
            html`<li ${x.k('phrase-item')}><button type="button" ${x.k('phrase')} name="ui" value="phrase-${i}">${ph.title}</button></li>`,
        )}</ul>`
      : chatPanel === 'formular'
        ? html`<ul ${x.k('phrase-list')} aria-label="Formulär">${FORMS.map(
            (f) =>
              html`<li ${x.k('phrase-item')}>${actionForm(
                x,
                caseAction(c, 'form'),
                html`<span ${x.k('form-name')}>${f}</span><input type="hidden" name="form" value="${f}"><button type="submit" ${x.k('btn-small')}${disabled}>Skicka</button>`,
                'form-row',
              )}</li>`,
          )}</ul>`
        : ''
  }</div>
${actionForm(
  x,
  caseAction(c, 'messages'),
  html`${label.before ?? ''}<textarea ${x.k('composer-input')} name="text" rows="3" ${label.attr} placeholder="${placeholder}"${disabled}>${draft}</textarea>
<button type="submit" ${x.k('btn-primary')}${disabled}>Skicka</button>`,
  'composer-form',
)}
</div>`;
}
