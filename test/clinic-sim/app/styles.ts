/** The simulator's stylesheet, written against the seeded class names (clean, blue and white). */
import type { SkinName } from '../model';
import type { ClassNamer } from '../names';
import { SKIN_VIEWS } from './skins';

/** The shared stylesheet plus the skin's own rules. */
export function renderStyles(names: ClassNamer, skin: SkinName = 'dl'): string {
  return baseStyles(names) + SKIN_VIEWS[skin].styles((role) => `.${names.cls(role)}`);
}

function baseStyles(names: ClassNamer): string {
  const c = (role: string) => `.${names.cls(role)}`;
  const blue = '#1b5fae';
  const navy = '#0f2f57';
  const line = '#d9e2ee';
  const muted = '#5b6b7f';
  return `
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:14px/1.45 "Segoe UI",system-ui,-apple-system,"Helvetica Neue",Arial,sans-serif;color:#1c2733;background:#f3f6fa}
button,input,select,textarea{font:inherit}
a{color:${blue}}
${c('root')}{height:100%}
${c('sr-only')}{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}

${c('login-page')}{min-height:100vh;display:flex;align-items:center;justify-content:center;background:linear-gradient(160deg,#e8f0fa,#f7f9fc)}
${c('login-card')}{background:#fff;border:1px solid ${line};border-radius:10px;padding:32px 36px;width:420px;box-shadow:0 8px 30px rgba(15,47,87,.08)}
${c('brand-login')}{font-size:24px;font-weight:700;color:${navy};margin:0 0 18px}
${c('brand-sub')}{font-size:13px;font-weight:400;color:${muted};margin-left:6px}
${c('login-title')}{font-size:18px;margin:0 0 8px}
${c('login-text')}{color:${muted};margin:0 0 18px}
${c('login-form')}{display:flex;flex-direction:column;gap:8px;margin-bottom:10px}

${c('shell')}{display:grid;grid-template-columns:220px 1fr;min-height:100vh}
${c('nav')}{background:${navy};color:#dbe6f4;display:flex;flex-direction:column;padding:16px 0;position:sticky;top:0;height:100vh}
${c('brand')}{font-size:20px;font-weight:700;color:#fff;margin:0 20px 18px;letter-spacing:.3px}
${c('nav-list')}{list-style:none;margin:0;padding:0;flex:1}
${c('nav-link')}{display:block;padding:10px 20px;color:#dbe6f4;text-decoration:none;border-left:3px solid transparent}
${c('nav-link')}:hover{background:rgba(255,255,255,.06)}
${c('nav-link')}[aria-current="page"]{background:rgba(255,255,255,.1);border-left-color:#6fb1ff;color:#fff;font-weight:600}
${c('nav-foot')}{padding:12px 20px;border-top:1px solid rgba(255,255,255,.12);display:flex;flex-direction:column;gap:8px}
${c('nav-user')}{color:#fff;text-decoration:none;display:flex;flex-direction:column}
${c('nav-user-name')}{font-weight:600}
${c('nav-user-role')}{font-size:12px;color:#a9bdd6}
${c('shift')}{font-size:12px}
${c('shift-state')},${c('shift-detail')}{margin:0;display:flex;align-items:center;gap:6px}
${c('shift-detail')}{color:#a9bdd6}
${c('dot-on')},${c('dot-off')}{display:inline-block;width:8px;height:8px;border-radius:50%;background:#3cc47c}
${c('dot-off')}{background:#9aa7b6}
${c('btn-logout')}{background:transparent;border:1px solid rgba(255,255,255,.35);color:#fff;border-radius:6px;padding:6px 10px;cursor:pointer;text-align:left}

${c('main-col')}{display:flex;flex-direction:column;min-width:0}
${c('topbar')}{background:#fff;border-bottom:1px solid ${line};padding:10px 24px}
${c('filter')}{display:flex;gap:18px;align-items:flex-end}
${c('filter-field')}{display:flex;flex-direction:column;gap:2px}
${c('filter-label')}{font-size:12px;color:${muted}}
${c('content')}{padding:20px 24px;flex:1;min-width:0}
${c('alert')}{margin:12px 24px 0;padding:10px 14px;border-radius:6px;background:#fdecec;color:#8a1c1c;border:1px solid #f3c2c2}
${c('notice')}{margin:12px 24px 0;padding:10px 14px;border-radius:6px;background:#e8f5ee;color:#1d5e3a;border:1px solid #bfe3cf}

${c('h1')}{font-size:22px;margin:0 0 14px;color:${navy}}
${c('h2')}{font-size:15px;margin:0 0 10px;color:${navy}}
${c('h3')}{font-size:14px;margin:0 0 8px}
${c('lead')}{color:${muted}}
${c('empty')}{color:${muted};margin:0}
${c('hint')}{color:${muted};font-size:12px;margin:2px 0 8px}

${c('btn-primary')},${c('btn-secondary')},${c('btn-danger')},${c('btn-small')}{border-radius:6px;padding:8px 14px;border:1px solid ${blue};background:${blue};color:#fff;cursor:pointer;font-weight:600}
${c('btn-secondary')}{background:#fff;color:${blue}}
${c('btn-danger')}{background:#fff;color:#b3261e;border-color:#b3261e}
${c('btn-small')}{padding:4px 10px;font-size:13px}
button:disabled{opacity:.5;cursor:not-allowed}
${c('select')},${c('input')},${c('textarea')},${c('select-small')}{border:1px solid #b8c6d8;border-radius:6px;padding:7px 9px;background:#fff;min-width:220px}
${c('select-small')}{min-width:0;padding:4px 6px}
${c('label')}{display:block;font-weight:600;margin:10px 0 4px}
${c('label-inline')}{font-size:12px;color:${muted};margin-right:6px}
${c('inline-form')}{display:inline}
${c('field')}{margin-bottom:6px}

${c('tablist')}{display:flex;gap:4px;border-bottom:1px solid ${line};margin-bottom:14px}
${c('tab')}{padding:8px 14px;text-decoration:none;color:${muted};border-bottom:3px solid transparent;font-weight:600}
${c('tab')}[aria-selected="true"]{color:${blue};border-bottom-color:${blue}}
${c('tab-count')}{display:inline-block;min-width:20px;padding:0 6px;border-radius:10px;background:#e6eef8;color:${blue};font-size:12px;text-align:center}
${c('table')}{width:100%;border-collapse:collapse;background:#fff;border:1px solid ${line};border-radius:8px;overflow:hidden}
${c('th')}{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.4px;color:${muted};background:#f7f9fc;padding:9px 12px;border-bottom:1px solid ${line}}
${c('td')},${c('td-overdue')},${c('td-actions')},${c('td-empty')}{padding:9px 12px;border-bottom:1px solid #edf1f6}
${c('td-overdue')}{color:#b3261e;font-weight:600}
${c('td-empty')}{color:${muted};text-align:center}
${c('tr')}{cursor:pointer}
${c('tr')}:hover{background:#f5f9ff}
${c('row-link')}{font-weight:600;text-decoration:none}
${c('tag')}{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;background:#fff4e0;color:#7a4b00;border:1px solid #f2d39b;margin:2px 0}

${c('prio-badge')}{display:inline-flex;align-items:center;justify-content:center;width:24px;height:24px;border-radius:50%;font-weight:700;color:#fff;background:#9aa7b6;font-size:13px}
${c('prio-1')}{background:#c62828}
${c('prio-2')}{background:#ef6c00}
${c('prio-3')}{background:#f2b705;color:#3b2a00}
${c('prio-4')}{background:#2e7d32}
${c('prio-5')}{background:#546e7a}

${c('start')}{display:grid;grid-template-columns:280px 1fr;gap:20px}
${c('my-cases')}{background:#fff;border:1px solid ${line};border-radius:8px;padding:14px}
${c('my-list')}{list-style:none;margin:0;padding:0}
${c('my-link')}{display:grid;grid-template-columns:30px 1fr;grid-template-rows:auto auto;column-gap:6px;padding:8px;border-radius:6px;text-decoration:none;color:inherit}
${c('my-link')}:hover{background:#f1f6fd}
${c('my-link')} ${c('prio-badge')}{grid-row:span 2}
${c('my-name')}{font-weight:600}
${c('my-meta')}{font-size:12px;color:${muted}}
${c('cards')}{list-style:none;padding:0;display:flex;gap:14px}
${c('card')}{background:#fff;border:1px solid ${line};border-radius:8px}
${c('card-link')}{display:block;padding:16px 20px;text-decoration:none;color:${navy}}
${c('card-number')}{display:block;font-size:28px;font-weight:700;color:${blue}}

${c('visit')}{display:grid;grid-template-columns:minmax(320px,420px) 1fr;gap:18px;align-items:start}
${c('visit-left')}{display:flex;flex-direction:column;gap:12px}
${c('visit-right')}{display:flex;flex-direction:column;gap:10px;min-width:0}
${c('patient')},${c('visit-status')},${c('card-section')}{background:#fff;border:1px solid ${line};border-radius:8px;padding:14px 16px}
${c('patient')}{border-top:4px solid ${blue}}
${c('patient-name')}{font-size:20px;margin:0;color:${navy}}
${c('patient-ids')}{margin:4px 0 0;display:flex;gap:12px;flex-wrap:wrap;color:#2b3a4a}
${c('patient-pnr')}{font-weight:600;font-variant-numeric:tabular-nums;letter-spacing:.3px}
${c('patient-age')}{color:${muted}}
${c('patient-prev')}{color:${muted};font-size:12px}
${c('protected')}{display:inline-block;margin:8px 0 0;padding:3px 10px;border-radius:4px;background:#b3261e;color:#fff;font-weight:700;font-size:12px;letter-spacing:.3px}
${c('facts')}{margin:0;display:grid;grid-template-columns:1fr 1fr;gap:8px 14px}
${c('fact-label')}{font-size:11px;text-transform:uppercase;letter-spacing:.4px;color:${muted}}
${c('fact-value')}{margin:0;font-weight:600}
${c('prio-line')}{display:flex;align-items:center;gap:8px;margin:0 0 8px;font-weight:600}
${c('qa')}{margin:0}
${c('qa-row')}{padding:6px 0;border-bottom:1px solid #edf1f6}
${c('qa-row')}:last-child{border-bottom:0}
${c('qa-q')}{font-size:12px;color:${muted}}
${c('qa-a')}{margin:0}
${c('prio-form')}{margin-top:10px;display:flex;align-items:center;gap:6px;flex-wrap:wrap}
${c('summary')}{cursor:pointer;color:${blue}}
${c('upload-list')},${c('msg-img-list')}{list-style:none;margin:0;padding:0;display:flex;gap:10px;flex-wrap:wrap}
${c('upload-figure')},${c('msg-img-figure')}{margin:0}
${c('upload-img')},${c('msg-img-img')}{display:block;width:160px;height:auto;border-radius:6px;border:1px solid ${line}}
${c('upload-caption')},${c('msg-img-caption')}{font-size:11px;color:${muted}}
${c('guardians')}{list-style:none;margin:0;padding:0}
${c('guardian')}{padding:4px 0}
${c('guardian-name')}{font-weight:600}
${c('guardian-pnr')}{color:#2b3a4a;margin-left:6px}

${c('actions')}{display:flex;gap:8px;justify-content:flex-end;flex-wrap:wrap}
${c('chat')}{background:#fff;border:1px solid ${line};border-radius:8px;display:flex;flex-direction:column;height:calc(100vh - 170px);min-height:420px}
${c('chat-bar')}{display:flex;justify-content:space-between;align-items:center;padding:8px 14px;border-bottom:1px solid ${line}}
${c('presence-on')},${c('presence-off')}{margin:0;display:flex;align-items:center;gap:6px;font-size:13px}
${c('presence-off')}{color:#8a1c1c;font-weight:600}
${c('chat-icons')}{display:flex;gap:6px}
${c('icon-btn')}{width:36px;height:36px;border-radius:50%;border:1px solid #b8c6d8;background:#fff;color:${blue};display:inline-flex;align-items:center;justify-content:center;cursor:pointer}
${c('call')}{display:flex;justify-content:space-between;align-items:center;padding:8px 14px;background:#e8f5ee}
${c('call-text')}{margin:0;font-weight:600;color:#1d5e3a}
${c('chat-info')}{margin:0;padding:8px 14px;background:#f7f9fc;color:${muted};font-size:13px}
${c('log')}{list-style:none;margin:0;padding:14px;overflow-y:auto;flex:1;display:flex;flex-direction:column;gap:10px;background:#fafcfe}
${c('msg-patient')},${c('msg-clinician')},${c('msg-system')}{max-width:72%;padding:8px 12px;border-radius:10px;background:#fff;border:1px solid ${line}}
${c('msg-clinician')}{align-self:flex-end;background:#e4effc;border-color:#c6dbf5}
${c('msg-system')}{align-self:center;background:transparent;border:0;color:${muted};font-size:12px;text-align:center;max-width:90%}
${c('msg-meta')}{margin:0 0 2px;font-size:12px;color:${muted};display:flex;gap:6px;align-items:baseline}
${c('msg-author')}{font-weight:600;color:#2b3a4a}
${c('msg-system')} ${c('msg-meta')}{justify-content:center}
${c('msg-text')}{margin:0;white-space:normal;overflow-wrap:anywhere}
${c('composer')}{border-top:1px solid ${line};padding:10px 14px;display:flex;flex-direction:column;gap:8px}
${c('composer-tabs')}{display:flex;gap:6px}
${c('chip')}{border:1px solid #b8c6d8;background:#fff;border-radius:14px;padding:3px 12px;cursor:pointer;color:${blue};font-weight:600;font-size:13px}
${c('chip')}[aria-expanded="true"]{background:${blue};color:#fff;border-color:${blue}}
${c('chat-panel')}{border:1px solid ${line};border-radius:6px;padding:8px;max-height:160px;overflow-y:auto}
${c('phrase-list')}{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:4px}
${c('phrase')}{background:none;border:0;text-align:left;color:${blue};cursor:pointer;padding:4px}
${c('form-row')}{display:flex;justify-content:space-between;align-items:center;gap:8px}
${c('composer-form')}{display:flex;gap:8px;align-items:flex-end}
${c('composer-input')}{flex:1;border:1px solid #b8c6d8;border-radius:6px;padding:8px;resize:vertical;min-height:60px}

${c('backdrop')}{position:fixed;inset:0;background:rgba(15,47,87,.35);display:flex;align-items:center;justify-content:center;z-index:10}
${c('dialog')}{background:#fff;border-radius:10px;padding:22px 24px;width:460px;max-width:calc(100vw - 32px);box-shadow:0 20px 50px rgba(0,0,0,.25)}
${c('dialog-title')}{margin:0 0 10px;font-size:18px;color:${navy}}
${c('dialog-text')}{color:${muted}}
${c('dialog-buttons')}{display:flex;justify-content:flex-end;gap:8px;margin-top:16px;flex-wrap:wrap}
${c('fieldset')}{border:0;padding:0;margin:0 0 8px}
${c('legend')}{font-weight:600;margin-bottom:6px}
${c('radio-label')}{display:block;padding:3px 0}
${c('switch-row')}{display:flex;align-items:center;gap:10px;margin:14px 0}
${c('switch-label')}{font-weight:600}
${c('switch')}{width:44px;height:24px;border-radius:12px;border:0;background:#b7c0cb;position:relative;cursor:pointer;padding:0}
${c('switch')}[aria-checked="true"]{background:${blue}}
${c('switch-knob')}{position:absolute;top:3px;left:3px;width:18px;height:18px;border-radius:50%;background:#fff;transition:left .15s}
${c('switch')}[aria-checked="true"] ${c('switch-knob')}{left:23px}
${c('settings-form')}{background:#fff;border:1px solid ${line};border-radius:8px;padding:16px 20px;max-width:520px}
${c('avatar')}{width:56px;height:56px;border-radius:50%;background:#e6eef8;color:${blue};display:flex;align-items:center;justify-content:center;font-weight:700;font-size:18px}
${c('hw')}{background:#fff;border:1px solid ${line};border-radius:8px;padding:14px 16px;max-width:520px;margin-bottom:12px}
${c('hw-preview')}{width:240px;height:135px;background:#1c2733;color:#cfd8e3;display:flex;align-items:center;justify-content:center;border-radius:6px;margin-bottom:8px}
`;
}
