// "Exportera för IT" (issue 13): a superuser's rule set in the forms IT deploys, from the same
// generator as IT's policy templates (scripts/policy: pure TypeScript, no Node API on this path),
// so the .reg lines, the Linux JSON and the ADMX value cannot drift from deploy/policy.

import { regFile } from '../../scripts/policy/reg';
import { POLICY_TARGETS } from '../../scripts/policy/targets';
import type { RuleSet } from '../../shared/rules';
import { t, uiLanguage } from './i18n';

export interface ExportFile {
  /** File name offered for download. */
  name: string;
  /** What IT does with it, in the browser's language. */
  label: string;
  /** The text shown (and, but for .reg, saved). */
  text: string;
  /** .reg: UTF-16LE with a byte-order mark, as regedit reads å, ä, ö. */
  bytes?: Uint8Array<ArrayBuffer>;
}

/** UTF-16LE with a byte-order mark (the browser twin of scripts/policy/reg.ts encodeRegFile). */
export function utf16le(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + i * 2] = unit & 0xff;
    out[3 + i * 2] = unit >> 8;
  }
  return out;
}

/** Every form of the policy `ruleSet` value (JSON text of the whole rule set), plus the plain file. */
export function exportForIt(rules: RuleSet): ExportFile[] {
  const value = JSON.stringify(rules);
  const policy = { ruleSet: value };
  const files: ExportFile[] = [];
  // "a or b" in the browser's language (one folder for Edge, two for Chrome).
  const either = new Intl.ListFormat(uiLanguage(), { type: 'disjunction' });
  for (const target of POLICY_TARGETS) {
    const reg = regFile(target, policy);
    files.push({
      name: `${target.file}-regler.reg`,
      label: t('options_exportReg', target.name),
      text: reg,
      bytes: utf16le(reg),
    });
    const linux = { '3rdparty': { extensions: { [target.extensionId]: policy } } };
    files.push({
      name: `${target.file}-regler.json`,
      label: t('options_exportLinux', target.name, either.format(target.linuxPolicyDirs)),
      text: `${JSON.stringify(linux, null, 2)}\n`,
    });
  }
  files.push({
    name: 'regeluppsattning-admx-varde.txt',
    label: t('options_exportAdmx'),
    text: value,
  });
  files.push({
    name: 'regeluppsattning.json',
    label: t('options_exportJson'),
    text: `${JSON.stringify(rules, null, 2)}\n`,
  });
  return files;
}
