/**
 * Every PDF says which rules produced its note (issue 13): the footer prints the rule set's
 * name, version and the first 12 hex of its digest, read back with poppler's pdftotext.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderJournalPdf } from '../../bridge/pdf/render';
import { srgbIccProfile } from '../../bridge/pdf/srgb-icc';
import { JournalPdfRequest } from '../../shared/bridge-protocol';
import { defaultRuleSet, ruleSetProvenance } from '../../shared/rules';
import { journalRequest } from '../bridge/fixtures';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-provenance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfText(request: JournalPdfRequest): Promise<string> {
  const pdf = await renderJournalPdf({ request }, srgbIccProfile());
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf.bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!hasPoppler)('journal PDF footer: the rules that made the note', () => {
  it('prints name, version and the digest prefix on every page', async () => {
    const provenance = ruleSetProvenance(defaultRuleSet);
    const request = journalRequest();
    request.note.provenance = provenance;
    // Long enough for two pages: the footer is on each.
    request.note.sections.push({ keyword: 'Övrigt', text: 'Rad. '.repeat(1500) });
    expect(JournalPdfRequest.safeParse(request).success).toBe(true);
    const text = await pdfText(request);
    const line = `Regeluppsättning: ${provenance.name}, version ${provenance.version}, ${provenance.digest.slice(0, 12)}`;
    expect(text.split(line).length - 1).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Sida 2 av');
  });

  it('a request without provenance (an older extension) prints "okänd", never a guess', async () => {
    const text = await pdfText(journalRequest());
    expect(text).toContain('Regeluppsättning: okänd');
  });

  it('the protocol refuses a digest that is not 64 hex', () => {
    const request = journalRequest();
    request.note.provenance = { name: 'x', version: '1', digest: 'abc' };
    expect(JournalPdfRequest.safeParse(request).success).toBe(false);
  });
});
