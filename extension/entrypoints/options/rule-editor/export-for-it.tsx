// "Exportera för IT": the rules in force as IT's policy files, each shown and downloadable.
import { useState } from 'preact/hooks';
import type { RuleSet } from '../../../../shared/rules';
import { type ExportFile, exportForIt } from '../../../lib/export-for-it';
import { t } from '../../../lib/i18n';

function download(file: ExportFile): void {
  const blob = new Blob([file.bytes ?? file.text], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: file.name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportForIt({ rules }: { rules: RuleSet }) {
  const [files, setFiles] = useState<ExportFile[] | null>(null);
  return (
    <div id="rule-editor-export">
      <button
        type="button"
        class="secondary"
        id="rule-editor-export-button"
        onClick={() => setFiles(exportForIt(rules))}
      >
        {t('options_export')}
      </button>
      {files && (
        <ul>
          {files.map((f) => (
            <li key={f.name} data-file={f.name}>
              <button type="button" class="secondary" onClick={() => download(f)}>
                {f.name}
              </button>{' '}
              {f.label}
              <textarea readOnly rows={3} class="json-field" value={f.text} aria-label={f.name} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
