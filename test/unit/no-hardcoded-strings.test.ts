import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeMessages } from '../fixtures/words';
import { extensionSources, hardcodedStrings, scanSource } from './hardcoded-strings';

/**
 * Issue 14: no user-visible string hard-coded in extension/ — every word a clinician, IT or a
 * superuser reads comes from _locales (Swedish default, English beside it) through t().
 */
const found = (file: string, source: string) => scanSource(file, source).map((f) => `${f.why} ${f.text}`);

describe('the hard-coded-string lint', () => {
  it('finds JSX text, user-facing attributes and text written to the page', () => {
    const view = `export const V = () => <button title="Kopiera" aria-label={x ? 'Stäng' : 'Öppna'}>Skicka svar</button>;`;
    expect(found('extension/entrypoints/sidepanel/views/v.tsx', view)).toEqual([
      'title= Kopiera',
      'aria-label= Stäng',
      'aria-label= Öppna',
      'JSX text Skicka svar',
    ]);
    const page = `el.textContent = 'Copied'; el.setAttribute('aria-label', 'Copy the ID'); announce('Varning', 'assertive');`;
    expect(found('extension/lib/x.ts', page)).toEqual([
      'el.textContent = Copied',
      'setAttribute Copy the ID',
      'announce(…) Varning',
    ]);
  });

  it('finds Swedish words and phrases anywhere outside the adapter, and user-facing reasons inside it', () => {
    expect(found('extension/lib/x.ts', `const who = id ? id : 'ingen patient kopierad';`)).toEqual([
      'a phrase ingen patient kopierad',
    ]);
    const template = ['const a = `Väntat $', '{m} min`;'].join('');
    expect(found('extension/lib/x.ts', template)).toEqual([expect.stringMatching(/^Swedish words Väntat +min$/)]);
    expect(found('extension/clinic/x.ts', `const r = unknown('invalid', 'Personnumret visas maskerat');`)).toEqual([
      'unknown(…) Personnumret visas maskerat',
    ]);
    expect(found('extension/clinic/x.ts', `return { unreadable: 'Kolumnen Patient saknas' };`)).toEqual([
      'unreadable: Kolumnen Patient saknas',
    ]);
  });

  it('leaves code alone: t() keys, class names, types, imports, developer logs, the console’s own labels', () => {
    const code = [
      `import { t } from '../lib/i18n';`,
      `type Tone = 'alert warning' | 'info';`,
      `const V = () => <p class="alert warning" role="alert">{t('samePatient_same')}</p>;`,
      `logError('side panel mode', error);`,
      `throw new Error('card events: oversized event');`,
    ].join('\n');
    expect(found('extension/features/x.tsx', code)).toEqual([]);
    expect(found('extension/clinic/x.ts', `const ACCEPT = 'Ta emot'; const LIST = /Mina ärenden/;`)).toEqual([]);
  });

  it('an exemption needs its reason, written before the literal or its declaration', () => {
    const withReason = `// i18n-exempt: journal text for the Swedish record in Cosmic\nconst NOTE = { title: 'Distanskontakt 1177 direkt' };`;
    expect(found('extension/lib/x.ts', withReason)).toEqual([]);
    const withoutReason = `// i18n-exempt:\nconst NOTE = { title: 'Distanskontakt 1177 direkt' };`;
    expect(found('extension/lib/x.ts', withoutReason)).toEqual(['title: Distanskontakt 1177 direkt']);
  });

  it('scans the real sources (every .ts/.tsx under extension/ but tests and i18n.ts itself)', () => {
    const files = extensionSources();
    expect(files).toContain('extension/entrypoints/sidepanel/views/same-patient-guard.tsx');
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
    expect(readFileSync(files[0]!, 'utf8').length).toBeGreaterThan(0);
    expect(hardcodedStrings(['extension/entrypoints/sidepanel/views/same-patient-guard.tsx'])).toEqual([]);
  });
});

describe('extension/ speaks only through _locales (issue 14)', () => {
  it('no hard-coded user-facing string anywhere in extension/', () => {
    expect(hardcodedStrings().map((f) => `${f.file}:${f.line} [${f.why}] ${f.text}`)).toEqual([]);
  });

  it('every message in _locales is used by the extension (no dead words for a translator to keep)', () => {
    const messages = localeMessages('sv');
    const files = execFileSync('git', ['ls-files', 'extension', 'wxt.config.ts'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(tsx?|html)$/.test(f));
    const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    const unused = Object.keys(messages).filter(
      (key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !code.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });
});
