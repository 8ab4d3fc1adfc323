/** The page's dialogs (Logga ut, Avsluta besök, Lämna över besök, Bjud in kollega, Boka biljett): the same in every skin. */
import { ASYNC_CHOICES, COLLEAGUES, ROLES, UNITS } from '../../model';
import { actionForm, type Ctx, dialog } from '../context';
import { type Html, html, raw } from '../html';

export function pageDialog(x: Ctx): Html | '' {
  const d = x.ui.dialog;
  if (d === 'logout') {
    return dialog(
      x,
      'logout',
      'Logga ut',
      actionForm(
        x,
        '/api/logout',
        html`<fieldset ${x.k('fieldset')}><legend ${x.k('legend')}>Hur var ditt arbetspass?</legend>
<label ${x.k('radio-label')}><input type="radio" name="rating" value="nöjd"> Nöjd</label>
<label ${x.k('radio-label')}><input type="radio" name="rating" value="missnöjd"> Missnöjd</label>
</fieldset>
<p ${x.k('dialog-text')}>Skiftet avslutas inte av sig självt eller när SITHS-kortet dras ut. Med ett aktivt skift fortsätter SMS-aviseringarna.</p>
<div ${x.k('dialog-buttons')}>
<button type="button" ${x.k('btn-secondary')} name="ui" value="close-dialog">Avbryt</button>
<button type="submit" ${x.k('btn-secondary')} name="endShift" value="false">Logga ut utan att avsluta skift</button>
<button type="submit" ${x.k('btn-primary')} name="endShift" value="true">Avsluta skift</button>
</div>`,
        'dialog-form',
      ),
    );
  }
  if (x.route.name !== 'visit') return '';
  const c = x.s.cases.find((item) => item.id === (x.route as { id: string }).id);
  if (!c) return '';
  if (d === 'close-visit') {
    return dialog(
      x,
      'close-visit',
      'Avsluta besök',
      actionForm(
        x,
        `/api/cases/${encodeURIComponent(c.id)}/close`,
        html`<fieldset ${x.k('fieldset')}><legend ${x.k('legend')}>Hur länge kan patienten återkomma i ärendet asynkront?</legend>
${ASYNC_CHOICES.map(
  (choice) =>
    html`<label ${x.k('radio-label')}><input type="radio" name="asyncDays" value="${choice.days}"${choice.days === 3 ? raw(' checked') : ''}> ${choice.label}</label>`,
)}
</fieldset>
<div ${x.k('dialog-buttons')}>
<button type="button" ${x.k('btn-secondary')} name="ui" value="close-dialog">Avbryt</button>
<button type="submit" ${x.k('btn-danger')}>Avsluta</button>
</div>`,
        'dialog-form',
      ),
    );
  }
  if (d === 'ticket') return ticketDialog(x, c);
  if (d === 'invite') return inviteDialog(x, c);
  if (d === 'handover') {
    const roleId = x.id('handover-role');
    const messageId = x.id('handover-message');
    const unitId = x.id('handover-unit');
    return dialog(
      x,
      'handover',
      'Lämna över besök',
      actionForm(
        x,
        `/api/cases/${encodeURIComponent(c.id)}/handover`,
        html`<p ${x.k('dialog-text')}>Lämna över till en roll i den egna vårdenheten. Undvik att lämna över till en specifik person.</p>
<label ${x.k('label')} for="${unitId}">Vårdenhet</label>
<input ${x.k('input')} id="${unitId}" type="text" value="${x.s.session.unit ?? c.unit}" readonly>
<label ${x.k('label')} for="${roleId}">Välj resurs</label>
<select ${x.k('select')} id="${roleId}" name="role"><optgroup label="Roll">${ROLES.map(
          (r) => html`<option value="${r}"${r === 'Läkare' ? raw(' selected') : ''}>${r}</option>`,
        )}</optgroup><optgroup label="Person">${COLLEAGUES.map(
          (p) => html`<option value="person:${p.name}">${p.name} (${p.role})</option>`,
        )}</optgroup></select>
<label ${x.k('label')} for="${messageId}">Meddelande</label>
<textarea ${x.k('textarea')} id="${messageId}" name="message" rows="3"></textarea>
<div ${x.k('dialog-buttons')}>
<button type="button" ${x.k('btn-secondary')} name="ui" value="close-dialog">Avbryt</button>
<button type="submit" ${x.k('btn-primary')}>Slutför</button>
</div>`,
        'dialog-form',
      ),
    );
  }
  return '';
}

/** "Boka biljett" (1177 på telefon, R-T-1): a drop-in ticket to another vårdcentral. */
function ticketDialog(x: Ctx, c: { id: string }): Html {
  const f = (key: string, label: string, control: (id: string) => Html) => {
    const id = x.id(`ticket-${key}`);
    return html`<label ${x.k('label')} for="${id}">${label}</label>${control(id)}`;
  };
  return dialog(
    x,
    'ticket',
    'Boka biljett',
    actionForm(
      x,
      `/api/cases/${encodeURIComponent(c.id)}/ticket`,
      html`${f('unit', 'Vårdcentral', (id) => html`<select ${x.k('select')} id="${id}" name="unit">${UNITS.map((u) => html`<option value="${u}"${u === 'Testviken hälsocentral' ? raw(' selected') : ''}>${u}</option>`)}</select>`)}
${f('resource', 'Resurs', (id) => html`<select ${x.k('select')} id="${id}" name="resource">${ROLES.map((r) => html`<option value="${r}"${r === 'Läkare' ? raw(' selected') : ''}>${r}</option>`)}</select>`)}
<label ${x.k('radio-label')}><input type="checkbox" name="administrative" value="true"> Administrativ biljett</label>
${f('reason', 'Sökorsak', (id) => html`<input ${x.k('input')} id="${id}" type="text" name="reason" value="">`)}
${f('valid', 'Giltig till', (id) => html`<input ${x.k('input')} id="${id}" type="date" name="validUntil" value="">`)}
${f('anamnesis', 'Anamnes (visas inte för patienten)', (id) => html`<textarea ${x.k('textarea')} id="${id}" name="anamnesis" rows="3"></textarea>`)}
${f('info', 'Information till patienten', (id) => html`<textarea ${x.k('textarea')} id="${id}" name="info" rows="2"></textarea>`)}
<div ${x.k('dialog-buttons')}>
<button type="button" ${x.k('btn-secondary')} name="ui" value="close-dialog">Avbryt</button>
<button type="submit" ${x.k('btn-primary')}>Boka</button>
</div>`,
      'dialog-form',
    ),
  );
}

/**
 * "Bjud in kollega" (manual: "Samarbeta med kollega i ett digitalt besök", R-C-1): a colleague
 * joins for consultation or in the chat; the inviter stays responsible for the case and the journal.
 */
function inviteDialog(x: Ctx, c: { id: string; invited: string[] }): Html {
  const colleagueId = x.id('invite-colleague');
  const kindId = x.id('invite-kind');
  return dialog(
    x,
    'invite',
    'Bjud in kollega',
    actionForm(
      x,
      `/api/cases/${encodeURIComponent(c.id)}/invite`,
      html`<label ${x.k('label')} for="${colleagueId}">Kollega</label>
<select ${x.k('select')} id="${colleagueId}" name="colleague">${COLLEAGUES.filter(
        (p) => !c.invited.includes(p.name),
      ).map((p) => html`<option value="${p.name}">${p.name} (${p.role})</option>`)}</select>
<label ${x.k('label')} for="${kindId}">Inbjudan</label>
<select ${x.k('select')} id="${kindId}" name="kind"><option value="chat">Delta i chatten med patienten</option><option value="consultation">Konsultation (vårdgivarchatt)</option></select>
<p ${x.k('dialog-text')}>Den som bjuder in är fortsatt ansvarig för ärendet och för journaldokumentationen.</p>
<div ${x.k('dialog-buttons')}>
<button type="button" ${x.k('btn-secondary')} name="ui" value="close-dialog">Avbryt</button>
<button type="submit" ${x.k('btn-primary')}>Bjud in</button>
</div>`,
      'dialog-form',
    ),
  );
}
