import {
  type CardPresence,
  type ChecklistInput,
  notificationsNotice,
  notificationsText,
  type ShiftState,
  sameClinician,
} from '../../shared/shift';
import { readShiftFacts, watchLogoutChoice } from '../clinic';
import { loadBridgeStatus, onBridgeStatusChanged } from '../lib/bridge-status';
import type { BridgeStatus } from '../lib/bridge-status-record';
import { t, uiLanguage } from '../lib/i18n';
import { send } from '../lib/messages';
import type { Feature } from './feature';

/**
 * The shift guard (R-S-2, R-S-3, R-S-4): the shift ends only by "Avsluta skift". Card out during
 * a shift → banner here and a system notification; someone else's card → warning; the console's
 * "Logga ut" dialog → the checklist before ending and what logging out without ending means;
 * logged in without a shift, or out with one → which SMS come.
 */
/** The side panel's card (views/shift-guard.tsx). */
export interface ShiftGuardModel {
  pulled: boolean;
  otherCard: boolean;
  /** The console's "Logga ut" dialog is open: what the Startsida showed (null: not read); the side panel applies R-S-3 (endShiftChecklist). */
  checklist: Omit<ChecklistInput, 'phrases'> | null;
  ownSeenAt: string | null;
  notice: string | null;
}

function cardOf(status: BridgeStatus | null): CardPresence {
  if (status?.bridge !== 'ok') return 'unknown';
  if (status.card?.state === 'CARD_PRESENT') return 'present';
  return status.card?.state === 'NO_CARD' ? 'absent' : 'unknown';
}

const shiftGuard: Feature = {
  id: 'shift-guard',
  title: t('shiftGuard_title'),
  rules: ['R-S-2', 'R-S-3', 'R-S-4'],
  async init(ctx, signal) {
    let status: BridgeStatus | null = null;
    // The Startsida's lists, kept while this tab lives: the logout dialog opens on any page.
    let own: { cases: string[]; at: Date } | null = null;
    let waiting: number | null = null;
    // After "Logga ut utan att avsluta skift" the login page shows no shift, but it runs (R-S-2).
    let keptShift = false;
    let lastShift: ShiftState = 'unknown';
    let reportedPulled = false;
    let pulls = 0;

    const draw = () => {
      if (signal.aborted) return;
      const snapshot = ctx.snapshot();
      const facts = readShiftFacts(document, ctx.registry());
      if (facts.ownOpenCases.known) own = { cases: facts.ownOpenCases.value, at: new Date() };
      if (facts.waitingDropIn.known) waiting = facts.waitingDropIn.value;
      const loggedIn = facts.loggedIn.known ? facts.loggedIn.value : null;
      let shift: ShiftState = snapshot.shift.known ? snapshot.shift.value : 'unknown';
      if (loggedIn === false) shift = keptShift ? 'ongoing' : 'unknown';
      else if (shift !== 'unknown') keptShift = false;
      lastShift = shift;

      const card = cardOf(status);
      const pulled = card === 'absent' && shift === 'ongoing';
      if (pulled !== reportedPulled) {
        reportedPulled = pulled;
        void send('shift-card-pulled', { pulled }).catch(() => {});
        if (pulled) {
          pulls += 1;
          ctx.ui.announce(t('shiftGuard_banner'), 'assertive');
        }
        // Each pull is a new warning on the page (one acknowledged earlier does not hide it).
        ctx.ui.alarm(
          'shift-guard',
          pulled
            ? [{ key: `card-pulled:${pulls}`, title: t('shiftGuard_cardPulled'), detail: t('shiftGuard_banner') }]
            : null,
        );
      }
      const cardName = card === 'present' && status?.card?.state === 'CARD_PRESENT' ? status.card.identity.name : null;
      const otherCard =
        loggedIn === true &&
        sameClinician(cardName, facts.clinicianName.known ? facts.clinicianName.value : null) === 'different';
      const checklist =
        facts.logoutDialogOpen && shift !== 'none'
          ? { ownOpenCases: own?.cases ?? null, waitingDropIn: waiting }
          : null;
      const notice = notificationsNotice(loggedIn, shift);
      const view: ShiftGuardModel = {
        pulled,
        otherCard,
        checklist,
        ownSeenAt:
          checklist && own ? own.at.toLocaleTimeString(uiLanguage(), { hour: '2-digit', minute: '2-digit' }) : null,
        notice: notice ? notificationsText(notice) : null,
      };
      ctx.panel.show(view.pulled || view.otherCard || view.checklist || view.notice ? view : null);
    };

    watchLogoutChoice(
      document,
      (choice) => {
        keptShift = choice === 'keep-shift' && lastShift === 'ongoing';
        if (choice === 'keep-shift' && keptShift) ctx.ui.announce(t('shiftGuard_logoutKeepsShift'), 'assertive');
      },
      signal,
    );
    ctx.onSnapshot(draw, signal);
    onBridgeStatusChanged((next) => {
      status = next;
      draw();
    }, signal);
    status = await loadBridgeStatus();
    draw();
  },
};

export default shiftGuard;
