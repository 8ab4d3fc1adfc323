import { plural, t } from '../../lib/i18n';
import { ruleErrorWords } from '../../lib/rule-error-words';
import type { EffectiveRules } from '../../lib/rules';

/** Where the rule set in force comes from; a function so the words follow the browser's language. */
const sourceLabel = (source: EffectiveRules['source']): string =>
  ({
    policy: t('panel_sourcePolicy'),
    superuser: t('panel_sourceSuperuser'),
    default: t('panel_sourceDefault'),
    'last-good': t('panel_sourceLastGood'),
  })[source];

/** A rule set that was refused, with every error, and which rules are in force instead. */
export function RefusedRules({ effective }: { effective: EffectiveRules }) {
  if (effective.refused.length === 0) return null;
  const { meta } = effective.rules;
  return (
    <section class="alert" role="alert" id="refused-rules" aria-label={t('panel_refusedLabel')}>
      {effective.refused.map((r) => {
        const errors = plural(r.errors.length, 'panel_errorsOne', 'panel_errorsOther');
        return (
          <div key={r.source}>
            <strong>
              {r.source === 'policy' ? t('panel_refusedPolicy', errors) : t('panel_refusedSuperuser', errors)}
            </strong>{' '}
            {t('panel_inForce', meta.name, meta.version, sourceLabel(effective.source))}
            <ul>
              {r.errors.map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  <code>{e.path || t('panel_wholeFile')}</code> {ruleErrorWords(e)}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
