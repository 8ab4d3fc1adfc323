/** The login flow (SITHS, Vårdenhet och roll, first-login Skifttyp): the same in every skin. */
import { SHIFT_TYPES, UNIT_ROLE_CHOICES } from '../../model';
import { actionForm, type Ctx, dialog, myName } from '../context';
import { type Html, html, raw } from '../html';

export function loginView(x: Ctx): Html {
  const stage = x.s.session.stage;
  let body: Html;
  if (stage === 'logged-out') {
    body = html`<h1 ${x.k('login-title')}>Logga in</h1>
<p ${x.k('login-text')}>Sätt i ditt SITHS-kort i datorn och välj <strong>Logga in med SITHS-kort</strong>.</p>
${actionForm(x, '/api/login', html`<button type="submit" ${x.k('btn-primary')}>Logga in med SITHS-kort</button>`, 'login-form')}
<button type="button" ${x.k('btn-secondary')} disabled>Logga in med Mobilt BankID</button>`;
  } else if (stage === 'choose-shift-type') {
    body = html`<h1 ${x.k('login-title')}>Välkommen, ${myName(x)}</h1>
<p ${x.k('login-text')}>${x.s.session.unit ?? ''}, ${x.s.session.role ?? ''}</p>`;
  } else {
    const selectId = x.id('login-unit-role');
    body = html`<h1 ${x.k('login-title')}>Välj vårdenhet och roll</h1>
${actionForm(
  x,
  '/api/unit',
  html`<label ${x.k('label')} for="${selectId}">Vårdenhet och roll</label>
<select ${x.k('select')} id="${selectId}" name="unitRole">${UNIT_ROLE_CHOICES.map((c) => {
    const value = `${c.unit}, ${c.role}`;
    const selected = x.s.session.unit === c.unit && x.s.session.role === c.role;
    return html`<option value="${value}"${selected ? raw(' selected') : ''}>${value}</option>`;
  })}</select>
<button type="submit" ${x.k('btn-primary')}>Bekräfta</button>`,
  'login-form',
)}`;
  }
  return html`<div ${x.k('login-page')}>
<main ${x.k('login-card')}>
<p ${x.k('brand-login')}>Clinic <span ${x.k('brand-sub')}>vårdgivargränssnitt</span></p>
${body}
</main>
${stage === 'choose-shift-type' ? shiftTypeDialog(x) : ''}
</div>`;
}

export function loadBalancerSwitch(x: Ctx): Html {
  const on = x.ui.loadBalancer ?? x.s.session.loadBalancer;
  const labelId = x.id('load-balancer-label');
  return html`<div ${x.k('switch-row')}>
<span ${x.k('switch-label')} id="${labelId}">Lastbalanserare</span>
<button type="button" role="switch" aria-checked="${on ? 'true' : 'false'}" aria-labelledby="${labelId}" ${x.k('switch')} name="ui" value="toggle-load-balancer"><span ${x.k('switch-knob')}></span></button>
<input type="hidden" name="loadBalancer" value="${on ? 'true' : 'false'}">
</div>`;
}

export function shiftTypeSelect(x: Ctx): Html {
  const selectId = x.id('shift-type');
  const current = x.s.session.shiftType ?? '';
  return html`<label ${x.k('label')} for="${selectId}">Skifttyp</label>
<select ${x.k('select')} id="${selectId}" name="shiftType">${current ? '' : raw('<option value="" selected>Välj skifttyp</option>')}${SHIFT_TYPES.map(
    (t) => html`<option value="${t}"${t === current ? raw(' selected') : ''}>${t}</option>`,
  )}</select>`;
}

function shiftTypeDialog(x: Ctx): Html {
  return dialog(
    x,
    'shift-type',
    'Välj skifttyp',
    actionForm(
      x,
      '/api/shift-type',
      html`<p ${x.k('dialog-text')}>Första gången du loggar in behöver du välja skifttyp.</p>
${shiftTypeSelect(x)}
${loadBalancerSwitch(x)}
<div ${x.k('dialog-buttons')}><button type="submit" ${x.k('btn-primary')}>Bekräfta</button></div>`,
      'dialog-form',
    ),
  );
}
