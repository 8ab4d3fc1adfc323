import { useState } from 'preact/hooks';
import { bridgeErrorWords } from '../../lib/error-words';
import { t } from '../../lib/i18n';
import { type PanelNote, pdfRequestFor } from '../../lib/journal-draft';
import type { JournalVisitFacts } from '../../lib/journal-facts';
import { type MessageReply, send } from '../../lib/messages';
import { BridgeLine } from './bridge-line';

/** Generating a PDF on the bridge takes well under a second; past this, something is wrong. */
// Longer than the background's own PDF timeout (30 s), so the panel never gives up on an export
// that is still being saved (a retry would then make a second file).
const EXPORT_TIMEOUT_MS = 40_000;

type Reply = MessageReply<'bridge-export-pdf'> | { ok: false; error: string };
const NO_ANSWER: Reply = { ok: false, code: 'no-answer' };

/** Asks the background (which owns the bridge client) to export the note as it stands. */
export async function exportPdf(panel: PanelNote, facts: JournalVisitFacts): Promise<Reply> {
  const built = pdfRequestFor(panel, facts);
  if (!built.ok) return built;
  try {
    const reply = await Promise.race([
      send('bridge-export-pdf', { request: built.request }),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), EXPORT_TIMEOUT_MS)),
    ]);
    // No answer at all: no background handler, or the bridge hung.
    return reply ?? NO_ANSWER;
  } catch {
    return NO_ANSWER;
  }
}

/** A refusal in the clinician's words: the note's own (built here) or the bridge's code. */
function refusalText(reply: Extract<Reply, { ok: false }>): string {
  return 'error' in reply ? reply.error : bridgeErrorWords(reply);
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
  const [result, setResult] = useState<Reply | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    const reply = await exportPdf(panel, facts);
    setBusy(false);
    setResult(reply);
    announce(reply.ok ? t('journal_pdfSaved', reply.fileName) : refusalText(reply));
  };
  return (
    <section aria-labelledby="export-heading" class="export" id="export-pdf">
      <h2 id="export-heading">{t('journal_pdfHeading')}</h2>
      <BridgeLine />
      <button type="button" class="secondary" disabled={busy} aria-busy={busy} onClick={() => void run()}>
        {busy ? t('journal_exporting') : t('journal_exportPdf')}
      </button>
      {result && (
        <p class={result.ok ? 'result ok' : 'result error'} role={result.ok ? 'status' : 'alert'}>
          {result.ok ? t('journal_pdfSaved', result.fileName) : refusalText(result)}
        </p>
      )}
    </section>
  );
}
