import {
  type HandoverAdvice,
  handoverAdvice,
  pendingHandoverText,
  pendingListText,
} from '../../shared/routine/handover';
import { ownedByMe, readHandedOverByMe, readHandoverDialog, readVisitPeople } from '../clinic';
import type { Feature } from './feature';

/** What waits for a receiver: on the visit (`visit`), or my handovers on *Mina aktuella* (`list`). */
export type HandoverPending =
  | { visit: string }
  | { list: { text: string; rows: { key: string; patientName: string; receiver: string }[] } };

/** The side panel's card (views/handover-guard.tsx); at least one part is set. */
export interface HandoverGuardModel {
  pending: HandoverPending | null;
  /** While the console's "Lämna över besök" dialog is open. */
  advice: HandoverAdvice | null;
}

function readPending(ctx: Parameters<Feature['init']>[0]): HandoverPending | null {
  const s = ctx.snapshot();
  if (s.route === 'visit') {
    const people = readVisitPeople(document, ctx.registry());
    if (!people?.pendingHandoverTo.known || people.pendingHandoverTo.value === null) return null;
    const owner = people.owner.known ? people.owner.value : null;
    return { visit: pendingHandoverText(people.pendingHandoverTo.value, ownedByMe(people), owner) };
  }
  const mine = readHandedOverByMe(document, ctx.registry(), ctx.now());
  if (!mine.known || mine.value.length === 0) return null;
  return {
    list: {
      text: pendingListText(mine.value.length),
      rows: mine.value.map((row) => ({
        key: `${row.patientName}|${row.handedOverAt}`,
        patientName: row.patientName,
        receiver: row.receiver,
      })),
    },
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
  title: 'Lämna över till en roll och berätta för patienten',
  rules: ['R-HO-1', 'R-HO-2', 'R-HO-3'],
  init(ctx, signal) {
    const draw = () => {
      if (signal.aborted) return;
      const dialog = readHandoverDialog(document, ctx.registry());
      const advice = dialog ? handoverAdvice(dialog.receiver, ctx.rules().phrases) : null;
      const pending = readPending(ctx);
      ctx.panel.show(advice || pending ? ({ pending, advice } satisfies HandoverGuardModel) : null);
    };
    ctx.onSnapshot(draw, signal);
    // Choosing another receiver changes no markup: follow the choice itself.
    document.addEventListener('change', draw, { signal, capture: true });
    draw();
  },
};

export default handoverGuard;
