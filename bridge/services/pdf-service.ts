/** POST /v1/pdf/journal: render the note, save it in the export folder. */
import type { JournalPdfRequest, JournalPdfResponse } from '../../shared/bridge-protocol';
import { checkRequestedFileName, defaultFileName, saveExclusive } from '../pdf/export-path';
import { type RenderInput, renderJournalPdf } from '../pdf/render';
import { srgbIccProfile } from '../pdf/srgb-icc';
import type { CardStatusSource, JournalExporter } from './types';

export class PdfExportService implements JournalExporter {
  constructor(
    private readonly exportDir: string,
    private readonly card: CardStatusSource,
  ) {}

  async exportJournal(request: JournalPdfRequest): Promise<JournalPdfResponse> {
    // The name is checked before any work, so a bad one costs nothing.
    const requestedName =
      request.fileName === undefined ? undefined : checkRequestedFileName(request.fileName, request.patient);
    const status = this.card.current();
    let clinician: RenderInput['clinician'];
    if (status.state === 'CARD_PRESENT') {
      clinician = {
        name: status.identity.name,
        hsaId: status.identity.hsaId,
        source: 'card',
        identity: status.identity,
      };
    } else if (request.clinician) {
      // Only with no card at all, and printed as typed, never as verified.
      clinician = { ...request.clinician, source: 'request' };
    }
    const pdf = await renderJournalPdf({ request, clinician }, srgbIccProfile());
    const saved = await saveExclusive(
      this.exportDir,
      requestedName ?? defaultFileName(request.visitStartedAt),
      pdf.bytes,
      requestedName !== undefined,
    );
    return {
      fileName: saved.fileName,
      path: saved.path,
      bytes: pdf.bytes.length,
      pages: pdf.pages,
      noteSha256: pdf.noteSha256,
      clinicianSource: clinician?.source ?? 'none',
      clinicianVerified: clinician?.identity?.verified === true,
    };
  }
}
