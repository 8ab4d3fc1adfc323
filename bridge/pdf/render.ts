/**
 * The journal note as a PDF/A-2b document (pdf-lib): embedded DejaVuSans (subset, so any name
 * renders), XMP with pdfaid part 2 / conformance B, an sRGB output intent, a trailer /ID, page
 * numbers, the note text's SHA-256 and the rule set that made it in every footer. Text only: patient images are never
 * embedded (R-J-6), and inline image data in the text is replaced by a placeholder.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, PDFHexString, PDFName, type PDFPage, PDFString, rgb } from 'pdf-lib';
import type { ClinicianIdentity, JournalPdfRequest } from '../../shared/bridge-protocol';

export interface RenderInput {
  request: JournalPdfRequest;
  /** Name and HSA-id to print; `card` when read from the SITHS card. */
  clinician?: { name: string; hsaId: string; source: 'card' | 'request'; identity?: ClinicianIdentity };
  /** Time the PDF is made (metadata). */
  now?: Date;
}

/** "verifierat" only for a card whose certificate was verified (issue 11); never for typed names. */
export function clinicianMark(clinician: NonNullable<RenderInput['clinician']>): string {
  if (clinician.source === 'request') return 'inskrivet, ej verifierat';
  return clinician.identity?.verified ? 'SITHS-kort, verifierat' : 'läst från kortet, ej verifierat';
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  noteSha256: string;
}

const TITLE = 'Journalanteckning – Distanskontakt 1177 direkt';
const PRODUCER = 'Clinic Companion bridge (pdf-lib)';
export const PROTECTED_MARK = 'Skyddade personuppgifter';
const IMAGE_PLACEHOLDER = '[bild utelämnad]';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BODY = 10;
const LINE = 13.5;

interface FontSet {
  regular: Uint8Array;
  bold: Uint8Array;
  hasGlyph: (cp: number) => boolean;
}

let fonts: FontSet | undefined;
function loadFonts(): FontSet {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  } catch {
    dir = '/usr/share/fonts/truetype/dejavu';
  }
  const regular = new Uint8Array(readFileSync(path.join(dir, 'DejaVuSans.ttf')));
  const bold = new Uint8Array(readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')));
  const face = fontkit.create(Buffer.from(regular)) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
  const glyphCache = new Map<number, boolean>();
  fonts = {
    regular,
    bold,
    hasGlyph: (cp) => {
      let has = glyphCache.get(cp);
      if (has === undefined) {
        has = face.hasGlyphForCodePoint(cp);
        glyphCache.set(cp, has);
      }
      return has;
    },
  };
  return fonts;
}

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
}
interface FontkitFont {
  glyphForCodePoint(cp: number): FontkitGlyph;
  layout(text: string, features?: unknown): { glyphs: FontkitGlyph[] };
}

/**
 * fontkit's `layout` (full OpenType shaping) dominates pdf-lib's time with a custom font: a
 * 300-line note took ~700 ms. Latin/Cyrillic/Greek text in NFC needs no shaping, so map code
 * points straight to glyphs (cached) for both measuring and encoding. Only kerning is lost.
 */
function fastLayout(font: FontkitFont): FontkitFont {
  const cache = new Map<number, FontkitGlyph>();
  font.layout = (text: string) => {
    const glyphs: FontkitGlyph[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let glyph = cache.get(cp);
      if (!glyph) {
        glyph = font.glyphForCodePoint(cp);
        cache.set(cp, glyph);
      }
      glyphs.push(glyph);
    }
    return { glyphs };
  };
  return font;
}

/**
 * Parsing a 750 KB TTF costs more than the rest of a PDF, so parsed faces are kept per font
 * file (a face is read-only; each document still makes its own subset).
 */
const parsedFaces = new WeakMap<Uint8Array, FontkitFont>();
const cachingFontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    let face = parsedFaces.get(data);
    if (!face) {
      face = fastLayout(fontkit.create(data, postscriptName) as unknown as FontkitFont);
      parsedFaces.set(data, face);
    }
    return face;
  },
} as unknown as typeof fontkit;

/**
 * Printable text only: no control characters, no glyph the font lacks (PDF/A forbids .notdef),
 * no inline image data.
 */
export function cleanText(text: string, hasGlyph: (cp: number) => boolean): string {
  const withoutImages = text
    .replace(/data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\s]*/gi, IMAGE_PLACEHOLDER)
    .replace(/<img\b[^>]*>/gi, IMAGE_PLACEHOLDER);
  let out = '';
  for (const ch of withoutImages.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, '    ')) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') out += ch;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff)) continue;
    else if (hasGlyph(cp)) out += ch;
    else out += '?';
  }
  return out;
}

/** Greedy word wrap by measured width; words longer than a line are broken. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const spaceWidth = font.widthOfTextAtSize(' ', size);
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      let w = font.widthOfTextAtSize(word, size);
      let rest = word;
      if (w > width) {
        if (line) lines.push(line);
        line = '';
        lineWidth = 0;
        // Break the long word into chunks that fit.
        while (font.widthOfTextAtSize(rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut = Math.floor(cut * 0.9);
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        w = font.widthOfTextAtSize(rest, size);
      }
      if (line && lineWidth + spaceWidth + w > width) {
        lines.push(line);
        line = rest;
        lineWidth = w;
      } else if (line) {
        line += ` ${rest}`;
        lineWidth += spaceWidth + w;
      } else {
        line = rest;
        lineWidth = w;
      }
    }
    lines.push(line);
  }
  return lines;
}

const visitTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});
export function formatVisitTime(iso: string): string {
  return `${visitTimeFormat.format(new Date(iso))} (svensk tid)`;
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function xmpPacket(created: Date): string {
  const date = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(TITLE)}</rdf:li></rdf:Alt></dc:title>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>${xmlEscape(PRODUCER)}</xmp:CreatorTool>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${xmlEscape(PRODUCER)}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * Which rules made the note (issue 13): name, version and the first 12 hex of the rule-set
 * digest. A request without it (an older extension) says so rather than printing nothing.
 */
export function rulesFooter(provenance: JournalPdfRequest['note']['provenance'], clean: (s: string) => string): string {
  if (!provenance) return 'Regeluppsättning: okänd';
  const name = clean(provenance.name).slice(0, 60);
  return `Regeluppsättning: ${name}, version ${clean(provenance.version).slice(0, 40)}, ${provenance.digest.slice(0, 12)}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export async function renderJournalPdf(input: RenderInput, iccProfile: Uint8Array): Promise<RenderedPdf> {
  const { request } = input;
  const now = input.now ?? new Date();
  // Whole seconds, so the Info dictionary and the XMP carry the same instant.
  now.setMilliseconds(0);
  const f = loadFonts();
  const clean = (s: string) => cleanText(s, f.hasGlyph);
  const noteSha256 = sha256Hex(request.note.text);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  // PDF/A: a subset font's name starts with a six-letter tag and "+".
  const tag = () => Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
  const regular = await doc.embedFont(f.regular, { subset: true, customName: `${tag()}+DejaVuSans` });
  const bold = await doc.embedFont(f.bold, { subset: true, customName: `${tag()}+DejaVuSans-Bold` });

  const contentWidth = A4[0] - 2 * MARGIN;
  const top = A4[1] - MARGIN;
  const bottom = MARGIN + 30;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const isProtected = request.patient.protectedIdentity;

  const newPage = () => {
    page = doc.addPage(A4);
    pages.push(page);
    y = top;
    if (isProtected) {
      // R-PI-2: clearly marked on every page.
      page.drawRectangle({ x: MARGIN, y: y - 20, width: contentWidth, height: 22, color: rgb(0.85, 0.1, 0.1) });
      page.drawText(`${PROTECTED_MARK.toUpperCase()} – ${PROTECTED_MARK}`, {
        x: MARGIN + 8,
        y: y - 14,
        size: 11,
        font: bold,
        color: rgb(1, 1, 1),
      });
      y -= 34;
    }
  };
  const ensure = (height: number) => {
    if (y - height < bottom) newPage();
  };
  const paragraph = (text: string, font: PDFFont, size: number, indent = 0, gapAfter = 0) => {
    for (const line of wrap(clean(text), font, size, contentWidth - indent)) {
      ensure(size * 1.35);
      y -= size * 1.35;
      if (line) page.drawText(line, { x: MARGIN + indent, y, size, font, color: rgb(0, 0, 0) });
    }
    y -= gapAfter;
  };
  const field = (label: string, value: string) => {
    const labelWidth = 120;
    const lines = wrap(clean(value), regular, BODY, contentWidth - labelWidth);
    ensure(LINE);
    y -= LINE;
    page.drawText(label, { x: MARGIN, y, size: BODY, font: bold });
    lines.forEach((line, i) => {
      if (i > 0) {
        ensure(LINE);
        y -= LINE;
      }
      if (line) page.drawText(line, { x: MARGIN + labelWidth, y, size: BODY, font: regular });
    });
  };

  newPage();
  paragraph(TITLE, bold, 15, 0, 8);
  field('Vårdenhet', request.unit);
  field('Datum och tid', formatVisitTime(request.visitStartedAt));
  field('Patient', `${request.patient.name}, ${request.patient.personnummer}`);
  if (isProtected) field('Identitet', PROTECTED_MARK);
  field('Kontaktsätt', request.note.kontaktsatt);
  field('Vårdkontakt', request.note.vardkontakt);
  const vardtjanst = request.chosenVardtjanst ?? (request.note.vardtjanst.required ? 'ej vald' : 'ingen');
  field('Vårdtjänst', vardtjanst);
  if (input.clinician) {
    field(
      'Signeras av',
      `${input.clinician.name}, HSA-id ${input.clinician.hsaId} (${clinicianMark(input.clinician)})`,
    );
  } else {
    field('Signeras av', 'okänd (inget SITHS-kort)');
  }
  y -= 10;
  ensure(4);
  page.drawLine({
    start: { x: MARGIN, y },
    end: { x: MARGIN + contentWidth, y },
    thickness: 0.5,
    color: rgb(0.5, 0.5, 0.5),
  });
  y -= 6;

  const sections =
    request.note.sections.length > 0 ? request.note.sections : [{ keyword: 'Anteckning', text: request.note.text }];
  for (const section of sections) {
    ensure(LINE * 2.5);
    y -= 6;
    paragraph(section.keyword, bold, 11);
    paragraph(section.text, regular, BODY, 0, 4);
  }

  // Footers, now that the page count is known.
  const footerHash = `SHA-256 (anteckningens text): ${noteSha256}`;
  const footerRules = rulesFooter(request.note.provenance, clean);
  pages.forEach((p, i) => {
    const label = `Sida ${i + 1} av ${pages.length}`;
    const size = 7.5;
    p.drawLine({
      start: { x: MARGIN, y: MARGIN + 22 },
      end: { x: A4[0] - MARGIN, y: MARGIN + 22 },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
    p.drawText(footerRules, { x: MARGIN, y: MARGIN + 10, size, font: regular, color: rgb(0.3, 0.3, 0.3) });
    p.drawText(footerHash, { x: MARGIN, y: MARGIN, size, font: regular, color: rgb(0.3, 0.3, 0.3) });
    p.drawText(label, {
      x: A4[0] - MARGIN - regular.widthOfTextAtSize(label, size),
      y: MARGIN,
      size,
      font: regular,
      color: rgb(0.3, 0.3, 0.3),
    });
    if (isProtected) {
      p.drawText(PROTECTED_MARK, { x: MARGIN, y: MARGIN - 11, size, font: bold, color: rgb(0.85, 0.1, 0.1) });
    }
  });

  // PDF/A-2b: Info and XMP agree; no personal data in either.
  doc.setTitle(TITLE);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.setLanguage('sv-SE');
  const ctx = doc.context;
  const xmp = Buffer.from(xmpPacket(now), 'utf8');
  const metadata = ctx.stream(xmp, { Type: 'Metadata', Subtype: 'XML', Length: xmp.length });
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(metadata));
  const icc = ctx.flateStream(iccProfile, { N: 3 });
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: ctx.register(icc),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]));
  const id = PDFHexString.of(randomBytes(16).toString('hex'));
  ctx.trailerInfo.ID = ctx.obj([id, id]);

  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: pages.length, noteSha256 };
}
