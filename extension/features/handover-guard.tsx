import type { Receiver } from '../../shared/routine/handover';
import { ownedByMe, readHandedOverByMe, readHandoverDialog, readVisitPeople } from '../clinic';
import { t } from '../lib/i18n';
import type { Feature } from './feature';

/**
 * What waits for a receiver, as read: on the visit (`visit`: to whom, whether the case is mine,
 * its owner; null where unreadable), or my handovers on *Mina aktuella* (`list`).
 */
export type HandoverPending =
  | { visit: { receiver: string; mine: boolean | null; owner: string | null } }
  | { list: { key: string; patientName: string; receiver: string }[] };

/**
 * The side panel's card (views/handover-guard.tsx), at least one part set: the tab's reading;
 * the side panel words it with the rule set in force (shared/routine/handover.ts).
 */
export interface HandoverGuardModel {
  pending: HandoverPending | null;
  /** While the console's "Lämna över besök" dialog is open: its receiver (null: unreadable). */
  dialog: { receiver: Receiver | null } | null;
}

function readPending(ctx: Parameters<Feature['init']>[0]): HandoverPending | null {
  const s = ctx.snapshot();
  if (s.route === 'visit') {
    const people = readVisitPeople(document, ctx.registry());
    if (!people?.pendingHandoverTo.known || people.pendingHandoverTo.value === null) return null;
    const owner = people.owner.known ? people.owner.value : null;
    return { visit: { receiver: people.pendingHandoverTo.value, mine: ownedByMe(people), owner } };
  }
  const mine = readHandedOverByMe(document, ctx.registry(), ctx.now());
  if (!mine.known || mine.value.length === 0) return null;
  return {
    list: mine.value.map((row) => ({
      key: `${row.patientName}|${row.handedOverAt}`,
      patientName: row.patientName,
      receiver: row.receiver,
    })),
  };
}

/**
 * "Lämna över besök" (R-HO-1..3): while the console's dialog is open, warn when the receiver is
 * a person rather than a role, offer the phrases that tell the patient, say who owns the case
 * until it is accepted, and point to R-HO-3 when nobody in the role is on duty. Once handed over,
 * until the receiver accepts: "väntar på mottagare – ärendet är ditt" on the visit and on *Mina
 * aktuella* (R-HO-1: the one who handed over still owns the case and its chat).
 */
const handoverGuard: Feature = {
  id: 'handover-guard',
  title: t('handoverGuard_title'),
  rules: ['R-HO-1', 'R-HO-2', 'R-HO-3'],
  init(ctx, signal) {
    // What is pending is in the page's text, read with each snapshot; the dialog's choice alone is
    // read again on a change (a draft in the composer, left for Drop in, is a change too: it must
    // not re-read a 2,000-message visit, issue 16).
    let pending: HandoverPending | null = null;
    const show = () => {
      if (signal.aborted) return;
      const read = readHandoverDialog(document, ctx.registry());
      const dialog = read ? { receiver: read.receiver } : null;
      ctx.panel.show(dialog || pending ? ({ pending, dialog } satisfies HandoverGuardModel) : null);
    };
    const draw = () => {
      if (signal.aborted) return;
      pending = readPending(ctx);
      show();
    };
    ctx.onSnapshot(draw, signal);
    // Choosing another receiver changes no markup: follow the choice itself.
    document.addEventListener('change', show, { signal, capture: true });
    draw();
  },
};

export default handoverGuard;
