import { useEffect, useRef, useState } from 'preact/hooks';
import { supportInfo } from '../../../../shared/routine/support-info';
import type { SupportInfoModel } from '../../../features/support-info';
import { copyText } from '../../../lib/clipboard';
import { defineView } from './view';

const LABEL = 'Kopiera supportinfo';

/** R-SUP-1: the tab gathers the facts (it knows the page); the side panel writes the report and copies it. */
export default defineView<SupportInfoModel>('support-info', ({ model, act }) => {
  const [label, setLabel] = useState(LABEL);
  const copied = useRef<number | null>(null);
  const reset = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(reset.current), []);
  const report = model.report;
  useEffect(() => {
    if (!report || copied.current === report.id) return;
    copied.current = report.id;
    void copyText(supportInfo({ ...report.facts, at: new Date(report.facts.at) })).then((ok) => {
      act('copied', report.id);
      setLabel(ok ? 'Supportinfo kopierad' : 'Kunde inte kopiera');
      clearTimeout(reset.current);
      reset.current = setTimeout(() => setLabel(LABEL), 3_000);
    });
  }, [report?.id]);
  return (
    <section class="card" aria-label="Support">
      <button
        type="button"
        class="secondary"
        data-support-info="copy"
        onClick={() => act('copy')}
        title="URL (utan patientuppgifter), versioner, regeluppsättning och sidläsning – klistra in i felanmälan"
      >
        {label}
      </button>
    </section>
  );
});
