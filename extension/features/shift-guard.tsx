import { render } from 'preact';
import {
  CARD_PULLED_BANNER,
  type CardPresence,
  type ChecklistItem,
  endShiftChecklist,
  LOGOUT_KEEPS_SHIFT_WARNING,
  notificationsNotice,
  notificationsText,
  OTHER_CARD_WARNING,
  type ShiftState,
  sameClinician,
} from '../../shared/shift';
import { readShiftFacts, watchLogoutChoice } from '../clinic';
import { loadBridgeStatus, onBridgeStatusChanged } from '../lib/bridge-status';
import type { BridgeStatus } from '../lib/bridge-status-record';
import { send } from '../lib/messages';
import { RuleRef, RuleText } from '../lib/rule-ref';
import type { Feature } from './feature';

/**
 * The shift guard (R-S-2, R-S-3, R-S-4): the shift ends only by "Avsluta skift". Card out during
 * a shift → banner here and a system notification; someone else's card → warning; the console's
 * "Logga ut" dialog → the checklist before ending and what logging out without ending means;
 * logged in without a shift, or out with one → which SMS come.
 */
interface View {
  pulled: boolean;
  otherCard: boolean;
  checklist: ChecklistItem[] | null;
  ownSeenAt: string | null;
  notice: string | null;
}

function cardOf(status: BridgeStatus | null): CardPresence {
  if (status?.bridge !== 'ok') return 'unknown';
  if (status.card?.state === 'CARD_PRESENT') return 'present';
  return status.card?.state === 'NO_CARD' ? 'absent' : 'unknown';
}

function ShiftGuard({ view }: { view: View }) {
  if (!view.pulled && !view.otherCard && !view.checklist && !view.notice) return null;
  return (
    <section class="card" aria-label="Skiftvakt">
      {view.pulled && (
        <p class="alert" role="alert" data-shift-guard="card-pulled">
          {CARD_PULLED_BANNER}
        </p>
      )}
      {view.otherCard && <p class="alert warning">{OTHER_CARD_WARNING}</p>}
      {view.checklist && (
        <div data-shift-guard="checklist">
          <h2>Innan du avslutar skiftet</h2>
          <ul>
            {view.checklist.map((item) => (
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
          {view.ownSeenAt && <p>Mina ärenden lästes på Startsida {view.ownSeenAt}.</p>}
          <p class="alert warning">{LOGOUT_KEEPS_SHIFT_WARNING}</p>
        </div>
      )}
      {view.notice && <p class="alert info">{view.notice}</p>}
    </section>
  );
}

const shiftGuard: Feature = {
  id: 'shift-guard',
  title: 'Skiftvakt: kortet, utloggningen och SMS-aviseringarna',
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
        if (pulled) ctx.ui.announce(CARD_PULLED_BANNER, 'assertive');
      }
      const cardName = card === 'present' && status?.card?.state === 'CARD_PRESENT' ? status.card.identity.name : null;
      const otherCard =
        loggedIn === true &&
        sameClinician(cardName, facts.clinicianName.known ? facts.clinicianName.value : null) === 'different';
      const checklist =
        facts.logoutDialogOpen && shift !== 'none'
          ? endShiftChecklist({
              ownOpenCases: own?.cases ?? null,
              waitingDropIn: waiting,
              phrases: ctx.rules().phrases,
            })
          : null;
      const notice = notificationsNotice(loggedIn, shift);
      const view: View = {
        pulled,
        otherCard,
        checklist,
        ownSeenAt: checklist && own ? own.at.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' }) : null,
        notice: notice ? notificationsText(notice) : null,
      };
      render(<ShiftGuard view={view} />, ctx.ui.slot('shift-guard'));
    };

    watchLogoutChoice(
      document,
      (choice) => {
        keptShift = choice === 'keep-shift' && lastShift === 'ongoing';
        if (choice === 'keep-shift' && keptShift) ctx.ui.announce(LOGOUT_KEEPS_SHIFT_WARNING, 'assertive');
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
