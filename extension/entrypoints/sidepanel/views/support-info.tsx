import { useEffect, useRef, useState } from 'preact/hooks';
import { supportInfo } from '../../../../shared/routine/support-info';
import type { SupportInfoModel } from '../../../features/support-info';
import { copyText } from '../../../lib/clipboard';
import { t } from '../../../lib/i18n';
import { supportWords } from '../../../lib/support-words';
import { defineView } from './view';

/** R-SUP-1: the tab gathers the facts (it knows the page); the side panel writes the report and copies it. */
export default defineView<SupportInfoModel>('support-info', ({ model, act }) => {
  const [label, setLabel] = useState(() => t('supportInfo_copy'));
  const copied = useRef<number | null>(null);
  const reset = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(reset.current), []);
  const report = model.report;
  useEffect(() => {
    if (!report || copied.current === report.id) return;
    copied.current = report.id;
    void copyText(supportInfo({ ...report.facts, at: new Date(report.facts.at) }, supportWords())).then((ok) => {
      act('copied', report.id);
      setLabel(t(ok ? 'supportInfo_copied' : 'supportInfo_copyFailed'));
      clearTimeout(reset.current);
      reset.current = setTimeout(() => setLabel(t('supportInfo_copy')), 3_000);
    });
  }, [report?.id]);
  return (
    <section class="card" aria-label={t('supportInfo_label')}>
      <button
        type="button"
        class="secondary"
        data-support-info="copy"
        onClick={() => act('copy')}
        title={t('supportInfo_hint')}
      >
        {label}
      </button>
    </section>
  );
});
