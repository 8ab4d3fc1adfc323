import { useState } from 'preact/hooks';
import { type PanelNote, pdfRequestFor } from '../../lib/journal-draft';
import type { JournalVisitFacts } from '../../lib/journal-facts';
import type { BridgeExportPdfMessage, BridgeExportPdfReply } from '../../lib/messages';

/** Generating a PDF on the bridge takes well under a second; past this, something is wrong. */
// Longer than the background's own PDF timeout (30 s), so the panel never gives up on an export
// that is still being saved (a retry would then make a second file).
const EXPORT_TIMEOUT_MS = 40_000;
const NO_BRIDGE = 'Bryggan svarar inte – PDF kunde inte skapas. Kontrollera att Clinic Companion-bryggan är igång.';

function isReply(value: unknown): value is BridgeExportPdfReply {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.ok === true && typeof v.fileName === 'string') || (v.ok === false && typeof v.error === 'string');
}

/** Asks the background (which owns the bridge client) to export the note as it stands. */
export async function exportPdf(panel: PanelNote, facts: JournalVisitFacts): Promise<BridgeExportPdfReply> {
  const built = pdfRequestFor(panel, facts);
  if (!built.ok) return built;
  const message: BridgeExportPdfMessage = { type: 'bridge-export-pdf', request: built.request };
  try {
    const reply = await Promise.race([
      browser.runtime.sendMessage(message),
      new Promise((resolve) => setTimeout(() => resolve(undefined), EXPORT_TIMEOUT_MS)),
    ]);
    // No answer at all: no background handler, or the bridge hung.
    return isReply(reply) ? reply : { ok: false, error: NO_BRIDGE };
  } catch {
    return { ok: false, error: NO_BRIDGE };
  }
}

/** The "Exportera PDF" slot (bridge issue): the PDF/A copy of the note, saved by the bridge. */
export function ExportPdf({
  panel,
  facts,
  announce,
}: {
  panel: PanelNote;
  facts: JournalVisitFacts;
  announce(text: string): void;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BridgeExportPdfReply | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    const reply = await exportPdf(panel, facts);
    setBusy(false);
    setResult(reply);
    announce(reply.ok ? `PDF sparad: ${reply.fileName}` : reply.error);
  };
  return (
    <section aria-labelledby="export-heading" class="export" id="export-pdf">
      <h2 id="export-heading">PDF</h2>
      <button type="button" class="secondary" disabled={busy} aria-busy={busy} onClick={() => void run()}>
        {busy ? 'Exporterar…' : 'Exportera PDF'}
      </button>
      {result && (
        <p class={result.ok ? 'result ok' : 'result error'} role={result.ok ? 'status' : 'alert'}>
          {result.ok ? `PDF sparad: ${result.fileName}` : result.error}
        </p>
      )}
    </section>
  );
}
