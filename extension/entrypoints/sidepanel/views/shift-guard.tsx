import { endShiftChecklist } from '../../../../shared/shift';
import type { ShiftGuardModel } from '../../../features/shift-guard';
import { t } from '../../../lib/i18n';
import { RuleRef, RuleText } from '../../../lib/rule-ref';
import { defineView } from './view';

/** R-S-2..R-S-4: the card out during a shift, someone else's card, the checklist before logging out. */
export default defineView<ShiftGuardModel>('shift-guard', ({ model: view, rules }) => {
  // R-S-3 applied here to what the tab read, with the rule set's phrases.
  const checklist = view.checklist ? endShiftChecklist({ ...view.checklist, phrases: rules.phrases }) : null;
  return (
    <section class="card" aria-label={t('shiftGuard_label')}>
      {view.pulled && (
        <p class="alert" role="alert" data-shift-guard="card-pulled">
          {t('shiftGuard_banner')}
        </p>
      )}
      {view.otherCard && <p class="alert warning">{t('shiftGuard_otherCard')}</p>}
      {checklist && (
        <div data-shift-guard="checklist">
          <h2>{t('shiftGuard_checklistHeading')}</h2>
          <ul>
            {checklist.map((item) => (
              <li key={item.text}>
                {item.done === true ? '✓ ' : item.done === false ? '☐ ' : '? '}
                <RuleText text={item.text} />
                {item.details.length > 0 && (
                  <ul>
                    {item.details.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <p class="rule-line">
            <RuleRef ids={['R-S-3']} />
          </p>
          {view.ownSeenAt && <p>{t('shiftGuard_ownSeenAt', view.ownSeenAt)}</p>}
          <p class="alert warning">{t('shiftGuard_logoutKeepsShift')}</p>
        </div>
      )}
      {view.notice && <p class="alert info">{view.notice}</p>}
    </section>
  );
});
