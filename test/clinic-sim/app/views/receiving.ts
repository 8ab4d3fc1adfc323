/**
 * The receiving unit's side of a ticket (manual: "Biljett hos mottagande vårdenhet", "Vidimering
 * av oanvända biljetter hos mottagande enhet"), the same in every skin: a visit that came by a
 * ticket shows where from and the patient's post-triage answers as notes (R-J-7); an unused
 * ticket leaves a vidimeringspost at the unit and role it was issued to, confirmed with
 * *Vidimera* (R-T-2).
 */
import type { SimCase, SimVidimering } from '../../model';
import { actionForm, type Ctx, qaList, section, time } from '../context';
import { type Html, html } from '../html';

/** Under the visit facts when the visit came by a ticket; nothing otherwise. */
export function ticketNotes(x: Ctx, c: SimCase): Html | '' {
  if (!c.ticket) return '';
  const t = c.ticket;
  // On its own line after the facts (nothing at all without a ticket: saved pages stay the same).
  return html`
${section(
  x,
  'ticket',
  'Biljett',
  html`<dl ${x.k('qa')}><div ${x.k('qa-row')}><dt ${x.k('qa-q')}>Biljett från</dt><dd ${x.k('qa-a')}>${t.fromUnit}</dd></div></dl>
<h3 ${x.k('h3')}>Anteckningar</h3>
${
  t.notes.length === 0
    ? html`<p ${x.k('empty')}>Inga anteckningar</p>`
    : html`<ul ${x.k('notes')}>${t.notes.map(
        (n) =>
          html`<li ${x.k('note')}><p ${x.k('note-meta')}>Anteckning · ${n.title} · ${time(x, n.at)}</p>${qaList(x, n.answers)}</li>`,
      )}</ul>`
}`,
)}`;
}

/** The posts for the logged-in unit and role (what this clinician's patient list shows). */
export function ownVidimeringar(x: Ctx): SimVidimering[] {
  const s = x.s.session;
  return x.s.vidimeringar.filter((v) => v.unit === s.unit && v.role === s.role);
}

/** Startsida's list of vidimeringsposter, when there are any. */
export function vidimeringList(x: Ctx): Html | '' {
  const posts = ownVidimeringar(x);
  if (posts.length === 0) return '';
  return section(
    x,
    'vidimering',
    'Vidimering',
    html`<ul ${x.k('my-list')}>${posts.map(
      (v) =>
        html`<li ${x.k('my-item')}><a ${x.k('my-link')} href="/vidimering/${encodeURIComponent(v.id)}">Vidimeringspost: ${v.patient.name}</a> <span ${x.k(
          'my-meta',
        )}>${v.vidimeradAt ? 'Vidimerad' : 'Ej vidimerad'} · ${v.reason}</span></li>`,
    )}</ul>`,
  );
}

export function vidimeringView(x: Ctx, id: string): Html {
  const v = ownVidimeringar(x).find((p) => p.id === id);
  if (!v) {
    return html`<div ${x.k('page')}><h1 ${x.k('h1')}>Vidimeringsposten hittades inte</h1><p><a ${x.k('link')} href="/">Till startsidan</a></p></div>`;
  }
  const fact = (label: string, value: Html | string) =>
    html`<div ${x.k('fact')}><dt ${x.k('fact-label')}>${label}</dt><dd ${x.k('fact-value')}>${value}</dd></div>`;
  return html`<div ${x.k('page')}>
<h1 ${x.k('h1')}>Vidimeringspost</h1>
<p ${x.k('lead')}>Biljetten användes inte inom giltighetstiden.</p>
<dl ${x.k('facts')}>
${fact('Patient', v.patient.name)}
${fact('Personnummer', v.patient.personnummer)}
${fact('Biljett från', v.fromUnit)}
${fact('Resurs', `${v.unit}, ${v.role}`)}
${fact('Sökorsak', v.reason)}
${fact('Giltig till', time(x, v.validUntil))}
${fact('Status', v.vidimeradAt ? html`Vidimerad ${time(x, v.vidimeradAt)} av ${v.vidimeradBy ?? ''}` : 'Ej vidimerad')}
</dl>
${
  v.vidimeradAt
    ? ''
    : actionForm(
        x,
        `/api/vidimering/${encodeURIComponent(v.id)}`,
        html`<button type="submit" ${x.k('btn-primary')}>Vidimera</button>`,
      )
}
</div>`;
}
