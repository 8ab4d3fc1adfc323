import type { SettingsFacts } from '../../shared/routine/settings';
import { readSettingsFacts } from '../clinic';
import { onFormEdits } from '../lib/form-edits';
import { t } from '../lib/i18n';
import type { Feature } from './feature';

/**
 * The side panel's card (views/first-login-settings.tsx): the settings the page shows, as read
 * (absent: not on the page, null: unreadable); the side panel judges them (settingsRemarks).
 */
export interface FirstLoginSettingsModel {
  facts: SettingsFacts;
}

/**
 * R-S-1 on the first-login dialog and *Inställningar*: shift type Primärjour, load balancer off,
 * name and title filled in (shown to patients), a mobile number if SMS is wanted, camera and
 * sound tested. Each value that is wrong is named by its label, with why; nothing is changed.
 */
const firstLoginSettings: Feature = {
  id: 'first-login-settings',
  title: t('firstLoginSettings_title'),
  rules: ['R-S-1'],
  init(ctx, signal) {
    const draw = () => {
      if (signal.aborted) return;
      const facts = readSettingsFacts(document);
      ctx.panel.show(Object.keys(facts).length > 0 ? ({ facts } satisfies FirstLoginSettingsModel) : null);
    };
    ctx.onSnapshot(draw, signal);
    // A choice in a <select> or a typed name changes no markup: follow the edits themselves.
    onFormEdits(document, draw, signal);
    draw();
  },
};

export default firstLoginSettings;
