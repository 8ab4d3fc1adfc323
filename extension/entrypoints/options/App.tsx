import { t } from '../../lib/i18n';
import { BridgePairing } from './BridgePairing';
import { FeatureSwitches } from './FeatureSwitches';
import { PolicyStatus } from './PolicyStatus';
import { RuleSetImport } from './RuleSetImport';
import { RuleEditor } from './rule-editor/RuleEditor';

/**
 * The options page ("Inställningar"): one component file per section. An extension page, so it
 * may use the background's validation (zod) and the feature list; the content-script budget does
 * not apply here.
 */
export function App() {
  return (
    <>
      <h1>{t('options_heading')}</h1>
      <PolicyStatus />
      <BridgePairing />
      <FeatureSwitches />
      <RuleSetImport />
      <RuleEditor />
    </>
  );
}
