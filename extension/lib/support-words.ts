import type { SupportWords } from '../../shared/routine/support-info';
import { t } from './i18n';

/**
 * R-SUP-1's report in the browser's language (issue 14): IT support reads it in the clinician's
 * language. shared/ lays the report out and keeps its values and technical names (URL, versions,
 * digest, feature IDs); these are only its words. support-words.test.ts holds the Swedish to shared/'s.
 */
export function supportWords(): SupportWords {
  return {
    title: t('support_title'),
    time: (iso) => t('support_time', iso),
    page: (url) => t('support_page', url),
    extension: (version) => t('support_extension', version),
    bridge: (state, version) => t('support_bridge', state, version),
    ruleSet: (name, version, digest) => t('support_ruleSet', name, version, digest),
    ruleSetUnknown: t('support_ruleSetUnknown'),
    unknown: t('support_unknown'),
    pageReading: t('support_pageReading'),
    nothingRead: t('support_nothingRead'),
    features: t('support_features'),
    states: {
      running: t('support_stateRunning'),
      'not-applicable': t('support_stateNotApplicable'),
      failed: t('support_stateFailed'),
      off: t('support_stateOff'),
    },
    contact: t('support_contact'),
    chain: [t('support_chainSuperuser'), t('support_chainResurscentrum'), t('support_chainInera')],
  };
}
