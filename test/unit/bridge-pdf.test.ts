/**
 * POST /v1/pdf/journal end to end over loopback: the PDF's content (poppler's pdftotext), its
 * structure (qpdf --check), PDF/A-2b metadata, no images, and where the file lands.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeServer } from '../../bridge/http/server';
import { createLogger } from '../../bridge/log';
import { PdfExportService } from '../../bridge/services/pdf-service';
import { JournalPdfResponse } from '../../shared/bridge-protocol';
import { journalRequest } from '../bridge/fixtures';
import { StubCard, send, startStubBridge } from '../bridge/http-helpers';
import { PATIENTS } from '../fixtures/patients';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('qpdf', ['--version']).status === 0;
if (!hasPoppler) {
  if (process.env.CI === 'true') throw new Error('pdftotext/qpdf missing (apt-get install poppler-utils qpdf)');
  console.warn('\n⚠⚠⚠ bridge-pdf: pdftotext/qpdf missing, skipping PDF checks (run npm run setup) ⚠⚠⚠\n');
}

const UNICODE_NAME = 'Łukasz Øvergård Ğül';
let dir: string;
let outside: string;
let bridge: BridgeServer;
let card: StubCard;
const logLines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bridge-export-'));
  outside = mkdtempSync(path.join(os.tmpdir(), 'bridge-outside-'));
  card = new StubCard();
  const pdf = new PdfExportService(dir, card);
  ({ bridge } = await startStubBridge(
    { exportDir: dir },
    { card, pdf },
    createLogger((l) => logLines.push(l)),
  ));
});
afterAll(async () => {
  await bridge.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

async function exportPdf(body: unknown) {
  return send({
    port: bridge.port,
    method: 'POST',
    path: '/v1/pdf/journal',
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
}

function text(file: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!hasPoppler)('journal PDF', () => {
  it('renders every field, any Unicode name, åäö, page numbers and the note hash', async () => {
    const request = journalRequest({
      patient: { personnummer: PATIENTS.adult.personnummer, name: UNICODE_NAME, protectedIdentity: false },
      clinician: { name: 'Åsa Öberg', hsaId: 'TSTNMT2321000156-1019' },
    });
    request.note.sections.push({ keyword: 'Övrigt', text: 'Kontroll av åäö ÅÄÖ och Łódź' });
    const res = await exportPdf(request);
    expect(res.status).toBe(200);
    const out = JournalPdfResponse.parse(JSON.parse(res.body));
    expect(path.dirname(out.path)).toBe(dir);
    expect(out.fileName).toMatch(/^journal-2024-06-03-0900-[a-z]{6}\.pdf$/);
    expect(out.clinicianSource).toBe('request');
    const content = text(out.path);
    for (const expected of [
      UNICODE_NAME,
      'åäö ÅÄÖ',
      'Łódź',
      '19900101-2385',
      '1177 direkt Uppsala län',
      '2024-06-03 09:00',
      'Skriftlig kontakt kvalificerad utan ekonomi (chatt)',
      'Vårdtjänst',
      'ingen',
      'Aktuellt hälsoproblem',
      'Åsa Öberg, HSA-id TSTNMT2321000156-1019',
      'Sida 1 av 1',
    ]) {
      expect(content).toContain(expected);
    }
    const sha = createHash('sha256').update(request.note.text).digest('hex');
    expect(out.noteSha256).toBe(sha);
    expect(content).toContain(`SHA-256 (anteckningens text): ${sha}`);
    expect(content).not.toContain('Skyddade personuppgifter');
  });

  it('passes qpdf --check and declares PDF/A-2b (XMP, sRGB output intent, embedded fonts, /ID)', async () => {
    const res = await exportPdf(journalRequest());
    const out = JournalPdfResponse.parse(JSON.parse(res.body));
    const check = spawnSync('qpdf', ['--check', out.path], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors');
    const raw = readFileSync(out.path, 'latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).toContain('sRGB IEC61966-2.1');
    const trailer = execFileSync('qpdf', ['--show-object=trailer', out.path], { encoding: 'utf8' });
    expect(trailer).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
    const fonts = execFileSync('pdffonts', [out.path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts)
      expect(line).toMatch(/^[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    // Metadata carries no personal data.
    const info = execFileSync('pdfinfo', [out.path], { encoding: 'utf8' });
    expect(info).not.toContain('Anna');
    expect(raw).not.toContain('19900101');
    // Owner-only file.
    if (process.platform !== 'win32') expect(lstatSync(out.path).mode & 0o777).toBe(0o600);
  });

  it('marks a protected-identity patient on every page', async () => {
    const request = journalRequest({
      patient: {
        personnummer: PATIENTS.protected.personnummer,
        name: PATIENTS.protected.name,
        protectedIdentity: true,
      },
    });
    request.note.sections.push({
      keyword: 'Chatt',
      text: Array.from({ length: 120 }, (_, i) => `Rad ${i}: patienten skriver om sina besvär`).join('\n'),
    });
    const out = JournalPdfResponse.parse(JSON.parse((await exportPdf(request)).body));
    expect(out.pages).toBeGreaterThan(1);
    for (let p = 1; p <= out.pages; p++) {
      const page = text(out.path, p);
      expect(page).toContain('Skyddade personuppgifter');
      expect(page).toContain(`Sida ${p} av ${out.pages}`);
    }
  });

  it('never embeds patient images (R-J-6)', async () => {
    const request = journalRequest();
    const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    request.note.sections.push({
      keyword: 'Fotodokumentation',
      text: `Utslag på underarmen. data:image/png;base64,${pixel} <img src="x.png">`,
    });
    const res = await exportPdf({ ...request, images: [`data:image/png;base64,${pixel}`] });
    const out = JournalPdfResponse.parse(JSON.parse(res.body));
    const images = execFileSync('pdfimages', ['-list', out.path], { encoding: 'utf8' }).trim().split('\n');
    expect(images).toHaveLength(2); // header lines only
    const content = text(out.path);
    expect(content).toContain('Utslag på underarmen. [bild utelämnad]');
    expect(content).not.toContain('iVBOR');
    expect(readFileSync(out.path, 'latin1')).not.toContain('/Subtype /Image');
  });

  const cardWith = (verified: boolean) =>
    card.set({
      state: 'CARD_PRESENT',
      reader: 'Virtual PCD 00 00',
      identity: {
        hsaId: 'TSTNMT2321000156-1019',
        name: 'Karta Kortsdotter',
        issuer: 'TEST SITHS e-id Person HSA-id 3 CA v1',
        notBefore: '2024-01-01T00:00:00.000Z',
        notAfter: '2029-01-01T00:00:00.000Z',
        ...(verified ? { verified: true } : { verified: false, reason: 'untrusted-issuer' as const }),
      },
      since: new Date().toISOString(),
    });

  it('prints the clinician from a verified SITHS card as "verifierat", the typed one never', async () => {
    cardWith(true);
    try {
      const res = await exportPdf(journalRequest({ clinician: { name: 'Någon Annan', hsaId: 'SE2321000016-abc1' } }));
      const out = JournalPdfResponse.parse(JSON.parse(res.body));
      expect(out).toMatchObject({ clinicianSource: 'card', clinicianVerified: true });
      const content = text(out.path).replace(/\s+/g, ' ');
      expect(content).toContain('Karta Kortsdotter, HSA-id TSTNMT2321000156-1019 (SITHS-kort, verifierat)');
      expect(content).not.toContain('Någon Annan');
    } finally {
      card.set({ state: 'NO_CARD', readers: [], since: new Date().toISOString() });
    }
  });

  it('issue 11: a certificate that is not verified (self-made CA) is printed "läst från kortet, ej verifierat"', async () => {
    cardWith(false);
    try {
      const out = JournalPdfResponse.parse(JSON.parse((await exportPdf(journalRequest())).body));
      expect(out).toMatchObject({ clinicianSource: 'card', clinicianVerified: false });
      const content = text(out.path).replace(/\s+/g, ' ');
      expect(content).toContain('Karta Kortsdotter, HSA-id TSTNMT2321000156-1019 (läst från kortet, ej verifierat)');
      expect(content).not.toMatch(/SITHS-kort|\(verifierat/);
    } finally {
      card.set({ state: 'NO_CARD', readers: [], since: new Date().toISOString() });
    }
  });

  it('a clinician named in the request (no card) is marked typed, not verified', async () => {
    const out = JournalPdfResponse.parse(
      JSON.parse(
        (await exportPdf(journalRequest({ clinician: { name: 'Doktor Test', hsaId: 'SE2321000016-abc1' } }))).body,
      ),
    );
    expect(out).toMatchObject({ clinicianSource: 'request', clinicianVerified: false });
    expect(text(out.path).replace(/\s+/g, ' ')).toContain(
      'Doktor Test, HSA-id SE2321000016-abc1 (inskrivet, ej verifierat)',
    );
  });
});

describe.skipIf(!hasPoppler)('export file names', () => {
  it('uses a requested name, never overwriting: the second one gets -2', async () => {
    const a = JournalPdfResponse.parse(JSON.parse((await exportPdf(journalRequest({ fileName: 'remiss' }))).body));
    const b = JournalPdfResponse.parse(JSON.parse((await exportPdf(journalRequest({ fileName: 'remiss.pdf' }))).body));
    expect(a.fileName).toBe('remiss.pdf');
    expect(b.fileName).toBe('remiss-2.pdf');
    expect(existsSync(path.join(dir, 'remiss.pdf'))).toBe(true);
  });

  it.each([
    '../escape.pdf',
    '..',
    '/etc/passwd',
    '/tmp/x.pdf',
    'C:\\Windows\\x.pdf',
    'sub/dir.pdf',
    'sub\\dir.pdf',
    'CON.pdf',
    'con',
    'nul.txt.pdf',
    'LPT1.pdf',
    'COM9',
    'x.pdf.',
    'x.pdf ',
    '.hidden.pdf',
    '',
    'journal\u0000.pdf',
    '199001012385.pdf',
    '19900101-2385.pdf',
    'anteckning-900101-2385.pdf',
    // Issue 11: another person's number, grouped (PATIENTS.adult2, a Skatteverket test number).
    'p 1975-01-07-9292.pdf',
    'anna-testsson.pdf',
    'TESTSSON.pdf',
  ])('refuses %j with 400', async (fileName) => {
    const before = readdirSync(dir).length;
    const res = await exportPdf(journalRequest({ fileName }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'invalid_file_name' });
    expect(readdirSync(dir)).toHaveLength(before);
  });

  it('refuses a name that is a symlink (to outside the folder)', async () => {
    const target = path.join(outside, 'target.pdf');
    symlinkSync(target, path.join(dir, 'link.pdf'));
    const res = await exportPdf(journalRequest({ fileName: 'link.pdf' }));
    expect(res.status).toBe(400);
    expect(existsSync(target)).toBe(false);
  });

  it('no file name in the folder contains a personnummer or a name', () => {
    for (const name of readdirSync(dir)) {
      expect(name.replace(/\D/g, '')).not.toContain('9001012385');
      expect(name.replace(/\D/g, '')).not.toContain('8501012382');
      expect(name.toLowerCase()).not.toMatch(/anna|testsson|karin|skyddsdotter|łukasz|overgard|øvergård/);
    }
  });
});

describe.skipIf(!hasPoppler)('logs', () => {
  it('hold no personnummer, name or note text', () => {
    expect(logLines.length).toBeGreaterThan(5);
    const all = logLines.join('\n');
    for (const secret of [
      '19900101-2385',
      '199001012385',
      '9001012385',
      '19850101-2382',
      'Anna',
      'Testsson',
      'Karin',
      UNICODE_NAME,
      'Halsont',
      'Utslag',
      'Åsa Öberg',
      'Karta Kortsdotter',
    ]) {
      expect(all).not.toContain(secret);
    }
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('name only the bridge’s own default-style files: a requested name is never written', () => {
    const exported = logLines.map((l) => JSON.parse(l) as { event: string; file?: string });
    const files = exported.filter((e) => e.event === 'pdf.exported').map((e) => e.file);
    expect(files).toContain('(name from the request)');
    expect(files.some((f) => f?.startsWith('journal-'))).toBe(true);
    expect(logLines.join('\n')).not.toContain('remiss');
  });
});
