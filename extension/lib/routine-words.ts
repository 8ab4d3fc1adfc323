import type { SettingsRemark } from '../../shared/routine/settings';
import { REQUIRED_SHIFT_TYPE } from '../../shared/routine/settings';
import { type CallReadiness, type ColleagueView, colleagueCase } from '../../shared/routine/visit';
import { type MessageKey, t } from './i18n';

/**
 * The visit routine's words (R-Q-2, R-Q-3, R-V-1, R-V-2, R-C-1, R-S-1, R-D-1, R-A-1) in the
 * browser's language: shared/routine decides which applies (and says it in Swedish); the extension
 * words it here. The Swedish messages are shared/'s words exactly (routine-words.test.ts keeps them
 * in step). Phrases for the patient and the console's own names stay Swedish.
 */
export function priorityCheckWords(priority: number | null, checked: boolean): string {
  const shown = priority === null ? t('routine_priorityUnknown') : t('routine_priorityKnown', priority);
  return t(checked ? 'routine_priorityChecked' : 'routine_priorityCheck', shown);
}

export function callWords(call: CallReadiness): string {
  return t(
    call.online === true ? 'routine_callOnline' : call.online === false ? 'routine_callOffline' : 'routine_callUnknown',
  );
}

export function communicationWords(): string {
  return t('routine_communication');
}

export function colleagueWords(view: ColleagueView): string | null {
  const c = colleagueCase(view);
  if (c === null) return null;
  if (c.id === 'guest')
    return c.owner !== null ? t('routine_colleagueGuest', c.owner) : t('routine_colleagueGuestNoOwner');
  return t(c.id === 'inviter' ? 'routine_colleagueInviter' : 'routine_colleagueNeutral', c.names);
}

const SETTINGS_KEYS: Partial<Record<SettingsRemark['field'], MessageKey>> = {
  loadBalancer: 'routine_settingsLoadBalancer',
  firstName: 'routine_settingsNameMissing',
  lastName: 'routine_settingsNameMissing',
  title: 'routine_settingsNameMissing',
  mobile: 'routine_settingsMobileMissing',
  camera: 'routine_settingsCamera',
  sound: 'routine_settingsSound',
};

/** A settings remark's text; the label stays the console's own (Swedish) field name. */
export function settingsWords(r: SettingsRemark): string {
  if (r.kind === 'unknown') return t('routine_settingsUnknown', r.label);
  if (r.field === 'shiftType')
    return r.current
      ? t('routine_settingsShiftTypeNow', REQUIRED_SHIFT_TYPE, r.current)
      : t('routine_settingsShiftTypeNone', REQUIRED_SHIFT_TYPE);
  const key = SETTINGS_KEYS[r.field];
  return key ? t(key, r.label) : r.text;
}

export function freshnessWords(minutes: number, stale: boolean): string {
  return t(stale ? 'routine_freshnessStale' : 'routine_freshness', minutes);
}

type VisitState = 'waiting' | 'accepted' | 'ongoing' | 'closed' | null;
export function acceptWords(state: VisitState): string | null {
  return state === 'waiting' ? t('routine_acceptReminder') : null;
}

export function asyncChoiceWords(choice: string | null, touched: boolean): string {
  if (choice === null) return t('routine_asyncUnread');
  return t(touched ? 'routine_asyncChosen' : 'routine_asyncDefault', choice);
}

export function asyncFollowUpWords(state: 'answered' | 'done' | null): string {
  return t(
    state === 'answered'
      ? 'routine_asyncAnswered'
      : state === 'done'
        ? 'routine_asyncDone'
        : 'routine_asyncFollowUpUnknown',
  );
}
