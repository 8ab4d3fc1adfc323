// Which vårdkontakt a clinician may register for what happened (R-J-2..R-J-5). The Kontaktsätt
// keyword always says what happened; a unit/role restriction (R-J-5: nurses at 1177 direkt
// Uppsala län may not register Videokontakt, it generates a patient fee) only narrows the
// vårdkontakt, offering the allowed ones with the reason. Pure: restrictions are rule-set data.
import type { Restriction, RuleSet } from './rules';
import type { Kontaktsatt } from './rules/kontaktsatt';

export interface ClinicianContext {
  role: string;
  unit: string;
}

export interface RuleFinding {
  ruleId: string;
  message: string;
}

export interface ContactProposal {
  /** The channel whose vårdkontakt is proposed (differs from Kontaktsätt only under a restriction). */
  channel: Kontaktsatt;
  /** Channels whose vårdkontakt this clinician may register, in the rule set's precedence order. */
  allowed: Kontaktsatt[];
  /** The restriction that narrowed the vårdkontakt, if any. */
  restriction: Restriction | undefined;
  /** The clinician picked `channel` among the allowed ones. */
  chosen: boolean;
  /** No allowed vårdkontakt follows from the rules (a fallback cycle): the clinician must choose. */
  needsChoice: boolean;
  /** Why, for the clinician: to act on before signing, or (once chosen) a reminder. */
  violations: RuleFinding[];
  notices: RuleFinding[];
}

/** Unit and role as Clinic shows them may differ in case and spacing from the rule set's. */
const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

export const orList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} eller ${items[items.length - 1]}`;

function restrictionsFor(clinician: ClinicianContext, rules: RuleSet): Restriction[] {
  const unit = norm(clinician.unit);
  const role = norm(clinician.role);
  return rules.restrictions.filter((r) => norm(r.unit) === unit && norm(r.role) === role);
}

/**
 * The vårdkontakt for `kontaktsatt` (what happened) for this clinician: its own when allowed,
 * else the restriction's fallback (followed until an allowed one), or the clinician's `choice`
 * among the allowed ones. A fallback cycle in the data ends in a choice, never a loop or a guess.
 */
export function proposeContact(
  kontaktsatt: Kontaktsatt,
  clinician: ClinicianContext,
  rules: RuleSet,
  choice?: Kontaktsatt,
): ContactProposal {
  const forbidden = new Map(restrictionsFor(clinician, rules).map((r) => [r.forbidKontaktsatt, r]));
  const allowed = rules.channelPrecedence.filter((k) => !forbidden.has(k));
  const names = (ks: readonly Kontaktsatt[]) => orList(ks.map((k) => rules.contactChannels[k].vardkontakt));
  const proposal: ContactProposal = {
    channel: kontaktsatt,
    allowed,
    restriction: forbidden.get(kontaktsatt),
    chosen: false,
    needsChoice: false,
    violations: [],
    notices: [],
  };
  if (!proposal.restriction) return proposal;

  const chain: Restriction[] = [];
  let channel = kontaktsatt;
  for (let r = forbidden.get(channel); r; r = forbidden.get(channel)) {
    if (chain.includes(r)) {
      proposal.needsChoice = true;
      channel = allowed[allowed.length - 1] ?? kontaktsatt;
      break;
    }
    chain.push(r);
    channel = r.fallback;
  }
  if (choice && allowed.includes(choice)) {
    proposal.chosen = true;
    proposal.needsChoice = false;
    channel = choice;
  }
  proposal.channel = channel;

  const truth = ` Kontaktsätt i anteckningen är ändå ${kontaktsatt} (det som hände); bara vårdkontakten begränsas.`;
  const rule = rules.contactChannels[channel];
  chain.forEach((r, i) => {
    const last = i === chain.length - 1;
    if (!last) {
      (proposal.chosen ? proposal.notices : proposal.violations).push({ ruleId: r.id, message: r.message });
      return;
    }
    if (proposal.chosen) {
      proposal.notices.push({ ruleId: r.id, message: `${r.message}${truth} Vald vårdkontakt: ${rule.vardkontakt}.` });
    } else if (proposal.needsChoice) {
      proposal.violations.push({
        ruleId: r.id,
        message: `${r.message}${truth} Ingen tillåten vårdkontakt följer av reglerna – välj ${names(allowed)}.`,
      });
    } else {
      proposal.violations.push({
        ruleId: r.id,
        message:
          `${r.message}${truth} Föreslås i stället: ${rule.vardkontakt} (vårdtjänst ${orList(rule.vardtjanst.allowed)}). ` +
          `Tillåtna vårdkontakter: ${names(allowed)}.`,
      });
    }
  });
  return proposal;
}
