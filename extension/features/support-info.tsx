import type { SupportInput } from '../../shared/routine/support-info';
import { type ClinicSnapshot, FIELD_NAMES, type FieldHealth, pageHealth } from '../clinic';
import { loadBridgeStatus } from '../lib/bridge-status';
import { featureStates } from '../lib/feature-status';
import { type MessageKey, t } from '../lib/i18n';
import { storedEffectiveRulesItem } from '../lib/rules-record';
import type { Feature } from './feature';

/** The report's facts as JSON (the time as an ISO string); the side panel writes the text (supportInfo). */
export type SupportFacts = Omit<SupportInput, 'at'> & { at: string };

/**
 * The side panel's button (views/support-info.tsx). Its press (`copy`) has the report's facts
 * gathered here, where the page is; the side panel writes and copies the report and answers
 * `copied` (the report leaves the model: nothing is copied twice, e.g. when the side panel reconnects).
 */
export interface SupportInfoModel {
  report: { id: number; facts: SupportFacts } | null;
}

/**
 * R-SUP-1 "Kopiera supportinfo": on a fault the manual asks for the page's URL. One click copies
 * it (query and identifying path parts removed) with the versions (the bridge's as it reports
 * it), the rule set's digest, how each field of the page was read, each feature's state (running,
 * failed, off) and the support chain — never a value read from the page.
 */
const HEALTH_WORDS: Record<FieldHealth, MessageKey> = {
  found: 'supportInfo_found',
  missing: 'supportInfo_missing',
  ambiguous: 'supportInfo_ambiguous',
  'not-applicable': 'supportInfo_notApplicable',
};

function pageReading(snapshot: ClinicSnapshot): string {
  if (snapshot.route === 'other') return t('supportInfo_noPage');
  return t(pageHealth(snapshot).status === 'ok' ? 'supportInfo_pageOk' : 'supportInfo_pagePartly');
}

const supportInfoFeature: Feature = {
  id: 'support-info',
  title: t('supportInfo_title'),
  rules: ['R-SUP-1'],
  init(ctx, signal) {
    let reports = 0;
    const report = async (): Promise<SupportFacts> => {
      const snapshot = ctx.snapshot();
      const rules = ctx.rules();
      // The digest comes from the background (no hashing in the content script).
      const [status, effective] = await Promise.all([loadBridgeStatus(), storedEffectiveRulesItem.get()]);
      const digest = effective?.rules.meta.version === rules.meta.version ? effective.digest : undefined;
      return {
        url: location.href,
        extensionVersion: browser.runtime.getManifest().version,
        bridge: status
          ? status.card
            ? t('supportInfo_bridgeCard', status.bridge, status.card.state)
            : status.bridge
          : t('supportInfo_unknown'),
        bridgeVersion: status?.bridge === 'ok' ? (status.version ?? null) : null,
        ruleSet: { name: rules.meta.name, version: rules.meta.version, digest: digest ?? t('supportInfo_unknown') },
        fields: Object.entries(snapshot.health).map(([field, health]) => ({
          name: FIELD_NAMES[field as keyof typeof FIELD_NAMES] ?? field,
          health: t(HEALTH_WORDS[health]),
        })),
        features: featureStates().map((f) =>
          f.id === 'page-health' && f.state === 'running' ? { ...f, detail: pageReading(snapshot) } : f,
        ),
        at: new Date().toISOString(),
      };
    };
    ctx.panel.onAction((action, data) => {
      if (action === 'copy') {
        const id = ++reports;
        void report().then((facts) => {
          if (!signal.aborted) ctx.panel.show({ report: { id, facts } } satisfies SupportInfoModel);
        });
      } else if (action === 'copied' && data === reports) {
        ctx.panel.show({ report: null } satisfies SupportInfoModel);
      }
    }, signal);
    ctx.panel.show({ report: null } satisfies SupportInfoModel);
  },
};

export default supportInfoFeature;
