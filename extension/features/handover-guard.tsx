import { render } from 'preact';
import {
  type HandoverAdvice,
  handoverAdvice,
  pendingHandoverText,
  pendingListText,
} from '../../shared/routine/handover';
import { type HandedOverByMeRow, ownedByMe, readHandedOverByMe, readHandoverDialog, readVisitPeople } from '../clinic';
import { copyText } from '../lib/clipboard';
import { RuleText } from '../lib/rule-ref';
import type { Feature } from './feature';

/**
 * "Lämna över besök" (R-HO-1..3): while the console's dialog is open, warn when the receiver is
 * a person rather than a role, offer the phrases that tell the patient, say who owns the case
 * until it is accepted, and point to R-HO-3 when nobody in the role is on duty. Once handed over,
 * until the receiver accepts: "väntar på mottagare – ärendet är ditt" on the visit and on *Mina
 * aktuella* (R-HO-1: the one who handed over still owns the case and its chat).
 */
function Advice({ advice }: { advice: HandoverAdvice }) {
  return (
    <section class="card" aria-label="Lämna över besök" data-handover-guard="advice">
      <h2>Lämna över besök</h2>
      {advice.personWarning && (
        <p class="alert warning">
          <RuleText text={advice.personWarning} />
        </p>
      )}
      {advice.unknownReceiver && (
        <p class="alert warning">
          <RuleText text={advice.unknownReceiver} />
        </p>
      )}
      <p>
        <RuleText text={advice.tellPatient.text} />
      </p>
      <ul class="items">
        {advice.tellPatient.phrases.map((phrase) => (
          <li key={phrase}>
            {phrase}{' '}
            <button type="button" class="secondary copy" onClick={() => void copyText(phrase)}>
              Kopiera
            </button>
          </li>
        ))}
      </ul>
      <p>
        <RuleText text={advice.ownership} />
      </p>
      <p class="alert info">
        <RuleText text={advice.nobodyOnDuty} />
      </p>
    </section>
  );
}

/** What waits for a receiver: on the visit (`visit`), or my handovers on *Mina aktuella* (`list`). */
type Pending = { visit: string } | { list: HandedOverByMeRow[] } | null;

function PendingCard({ pending }: { pending: Exclude<Pending, null> }) {
  if ('visit' in pending)
    return (
      <section class="card" aria-label="Väntar på mottagare" data-handover-guard="pending-visit">
        <h2>Väntar på mottagare</h2>
        <p class="alert info">
          <RuleText text={pending.visit} />
        </p>
      </section>
    );
  return (
    <section class="card" aria-label="Väntar på mottagare" data-handover-guard="pending-list">
      <h2>Väntar på mottagare</h2>
      <p class="alert info">
        <RuleText text={pendingListText(pending.list.length)} />
      </p>
      <ul class="items">
        {pending.list.map((row) => (
          <li key={`${row.patientName}|${row.handedOverAt}`}>
            {row.patientName} – lämnat över till {row.receiver}
          </li>
        ))}
      </ul>
    </section>
  );
}

function readPending(ctx: Parameters<Feature['init']>[0]): Pending {
  const s = ctx.snapshot();
  if (s.route === 'visit') {
    const people = readVisitPeople(document, ctx.registry());
    if (!people?.pendingHandoverTo.known || people.pendingHandoverTo.value === null) return null;
    const owner = people.owner.known ? people.owner.value : null;
    return { visit: pendingHandoverText(people.pendingHandoverTo.value, ownedByMe(people), owner) };
  }
  const mine = readHandedOverByMe(document, ctx.registry(), ctx.now());
  return mine.known && mine.value.length > 0 ? { list: mine.value } : null;
}

const handoverGuard: Feature = {
  id: 'handover-guard',
  title: 'Lämna över till en roll och berätta för patienten',
  rules: ['R-HO-1', 'R-HO-2', 'R-HO-3'],
  init(ctx, signal) {
    let last = '';
    const draw = () => {
      if (signal.aborted) return;
      const dialog = readHandoverDialog(document, ctx.registry());
      const advice = dialog ? handoverAdvice(dialog.receiver, ctx.rules().phrases) : null;
      const pending = readPending(ctx);
      const key = JSON.stringify([advice, pending]);
      if (key === last) return;
      last = key;
      render(
        advice || pending ? (
          <>
            {pending && <PendingCard pending={pending} />}
            {advice && <Advice advice={advice} />}
          </>
        ) : null,
        ctx.ui.slot('handover-guard'),
      );
    };
    ctx.onSnapshot(draw, signal);
    // Choosing another receiver changes no markup: follow the choice itself.
    document.addEventListener('change', draw, { signal, capture: true });
    draw();
  },
};

export default handoverGuard;
