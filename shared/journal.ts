// The Cosmic journal note for a closed 1177 direkt visit (template Distanskontakt 1177 direkt,
// R-J-2..R-J-8), as a proposal the clinician checks and pastes. Pure: every rule comes from the
// rule set, so a region changes behaviour by data, not by release.
import type { Restriction, RuleSet } from './rules';
import { KONTAKTSATT, type Kontaktsatt } from './rules/kontaktsatt';

export interface VisitFacts {
  /** Triage priority 1–5 (1 = immediately), null when unknown. */
  priority: 1 | 2 | 3 | 4 | 5 | null;
  /** What actually happened in the visit. */
  channels: { chat: boolean; phone: boolean; video: boolean };
  /** The anamnesis from Clinic, null when it could not be read. */
  anamnesis: string | null;
  imagesSent: number;
  /** Closing because the patient did not answer (R-NR-4). */
  noReply: boolean;
  patientProtected: boolean;
}

export interface ClinicianContext {
  role: string;
  unit: string;
}

export interface RuleFinding {
  ruleId: string;
  message: string;
}

export interface JournalSection {
  keyword: string;
  /** Goes into the note ('' = left for the clinician). */
  text: string;
  /** To the clinician, never pasted (e.g. the R-J-6 image reminder). */
  hint?: string;
}

export interface JournalNote {
  kontaktsatt: Kontaktsatt;
  /** No channel was recorded: `kontaktsatt` is only a placeholder, the clinician must choose. */
  kontaktsattUnknown: boolean;
  needsChoice: boolean;
  /** The highest channel that happened, before any restriction; null when none is known. */
  observedKontaktsatt: Kontaktsatt | null;
  /** What this clinician may register, in the rule set's precedence order. */
  allowedKontaktsatt: Kontaktsatt[];
  vardkontakt: string;
  vardtjanst: { required: boolean; allowed: string[] };
  /** The rule ID behind each proposal. */
  ruleBasis: { vardkontakt: string; vardtjanst: string };
  /** To act on before signing (R-J-5 fallback, unknown contact, missing anamnesis, R-NR-3). */
  violations: RuleFinding[];
  /** Reminders that need no change to the note (R-J-6 images, R-PI-2). */
  notices: RuleFinding[];
  noReply: boolean;
  anamnesisMissing: boolean;
  /** Template order. */
  sections: JournalSection[];
  /** The whole note as plain text: each keyword heading, then its text. */
  text: string;
}

const CHANNEL_TO_KONTAKTSATT = { chat: 'chatt', phone: 'telefon', video: 'video' } as const;

/** Unit and role as Clinic shows them may differ in case and spacing from the rule set's. */
const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

function restrictionsFor(clinician: ClinicianContext, rules: RuleSet): Restriction[] {
  const unit = norm(clinician.unit);
  const role = norm(clinician.role);
  return rules.restrictions.filter((r) => norm(r.unit) === unit && norm(r.role) === role);
}

const orList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} eller ${items[items.length - 1]}`;

const imageCount = (n: number) => (n === 1 ? '1 bild' : `${n} bilder`);

export function buildJournalNote(visit: VisitFacts, clinician: ClinicianContext, rules: RuleSet): JournalNote {
  const violations: RuleFinding[] = [];
  const notices: RuleFinding[] = [];

  // Several channels → the highest by the rule set's precedence (video > telefon > chatt by default).
  const used = new Set<Kontaktsatt>(
    (Object.keys(CHANNEL_TO_KONTAKTSATT) as (keyof typeof CHANNEL_TO_KONTAKTSATT)[])
      .filter((c) => visit.channels[c])
      .map((c) => CHANNEL_TO_KONTAKTSATT[c]),
  );
  const observed = rules.channelPrecedence.find((k) => used.has(k)) ?? null;

  // Unit/role restrictions (R-J-5 and any the region adds).
  const restrictions = restrictionsFor(clinician, rules);
  const forbidden = new Map(restrictions.map((r) => [r.forbidKontaktsatt, r]));
  const allowed = rules.channelPrecedence.filter((k) => !forbidden.has(k));

  let kontaktsatt: Kontaktsatt;
  let needsChoice = false;
  let appliedRestriction: Restriction | undefined;

  if (observed === null) {
    // Never guess a contact: the note says it is unknown and the clinician chooses. The placeholder
    // is the lowest-precedence allowed one (chatt by default: never generates a fee).
    needsChoice = true;
    kontaktsatt = allowed[allowed.length - 1] ?? rules.channelPrecedence[rules.channelPrecedence.length - 1]!;
    violations.push({
      ruleId: 'R-J-6',
      message: `Kontaktsätt okänt – välj ${orList(KONTAKTSATT.filter((k) => allowed.includes(k)))}.`,
    });
  } else {
    // Follow fallbacks until an allowed one; a cycle in the data ends in a choice, not a guess.
    kontaktsatt = observed;
    const chain: Restriction[] = [];
    for (let r = forbidden.get(kontaktsatt); r; r = forbidden.get(kontaktsatt)) {
      if (chain.includes(r)) {
        needsChoice = true;
        kontaktsatt = allowed[allowed.length - 1] ?? kontaktsatt;
        break;
      }
      chain.push(r);
      kontaktsatt = r.fallback;
    }
    appliedRestriction = chain[0];
    const proposal = rules.contactChannels[kontaktsatt];
    chain.forEach((r, i) => {
      const last = i === chain.length - 1;
      const then = needsChoice
        ? ` Inget tillåtet kontaktsätt följer av reglerna – välj ${orList(KONTAKTSATT.filter((k) => allowed.includes(k)))}.`
        : ` Föreslås i stället: ${proposal.vardkontakt} (kontaktsätt ${kontaktsatt}, vårdtjänst ${orList(proposal.vardtjanst.allowed)}).`;
      violations.push({ ruleId: r.id, message: last ? `${r.message}${then}` : r.message });
    });
  }

  const channel = rules.contactChannels[kontaktsatt];

  // R-NR-3: priority 1–2 (by default) → always phone a patient who does not answer. An unknown
  // priority counts as urgent, as in shared/no-reply.ts: missing a required call is the worse error.
  const p = visit.priority;
  const priority = typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 5 ? p : null;
  if (visit.noReply && !visit.channels.phone && (priority === null || rules.timers.phonePriorities.includes(priority)))
    violations.push({
      ruleId: 'R-NR-3',
      message: `${priority === null ? 'Prioritet okänd' : `Prioritet ${priority}`}: patienten ska alltid kontaktas per telefon när hen inte svarar. Ring innan ärendet avslutas.`,
    });

  if (visit.patientProtected) {
    const { routine } = rules.protectedIdentity;
    notices.push({
      ruleId: 'R-PI-2',
      message:
        `Skyddade personuppgifter: handlägg enligt ${routine.title} (${routine.url}${routine.placeholder ? ', länken ej fastställd av regionen' : ''}). ` +
        'Lämna aldrig ut adress, telefonnummer, närstående, foto eller var patienten vårdas.',
    });
  }

  const anamnesis = visit.anamnesis?.trim() ?? '';
  const anamnesisMissing = anamnesis === '';
  const sections: JournalSection[] = [];

  const kontaktsattText = (unknownText: string) =>
    needsChoice
      ? unknownText.replaceAll('{alternativ}', orList(KONTAKTSATT.filter((k) => allowed.includes(k))))
      : kontaktsatt;

  if (visit.noReply) {
    // R-NR-4, R-J-8: a short note from the phrase, not the full template.
    for (const k of rules.template.keywords) {
      if (k.fill === 'kontaktsatt') sections.push({ keyword: k.keyword, text: kontaktsattText(k.unknownText) });
      else if (k.keyword === rules.template.noReplyKeyword)
        sections.push({ keyword: k.keyword, text: rules.phrases.noReplyNote });
    }
  } else {
    for (const k of rules.template.keywords) {
      switch (k.fill) {
        case 'kontaktsatt':
          sections.push({ keyword: k.keyword, text: kontaktsattText(k.unknownText) });
          break;
        case 'anamnesis':
          sections.push({ keyword: k.keyword, text: anamnesisMissing ? k.missingText : anamnesis });
          if (anamnesisMissing) violations.push({ ruleId: 'R-J-6', message: k.missingText });
          break;
        case 'images':
          // Only when images were sent; the images themselves never go into Cosmic (R-J-6).
          if (visit.imagesSent > 0) {
            sections.push({
              keyword: k.keyword,
              text: k.text.replaceAll('{antal}', imageCount(visit.imagesSent)),
              hint: k.reminder,
            });
            notices.push({ ruleId: 'R-J-6', message: k.reminder });
          }
          break;
        case 'empty':
          sections.push({ keyword: k.keyword, text: '' });
          break;
      }
    }
  }

  return {
    kontaktsatt,
    kontaktsattUnknown: observed === null,
    needsChoice,
    observedKontaktsatt: observed,
    allowedKontaktsatt: allowed,
    vardkontakt: channel.vardkontakt,
    vardtjanst: { required: channel.vardtjanst.required, allowed: [...channel.vardtjanst.allowed] },
    ruleBasis: { vardkontakt: appliedRestriction?.id ?? channel.ruleId, vardtjanst: channel.ruleId },
    violations,
    notices,
    noReply: visit.noReply,
    anamnesisMissing: visit.noReply ? false : anamnesisMissing,
    sections,
    text: noteText(sections),
  };
}

/**
 * Keyword headings, each followed by its text. Built with `+`, not join(): V8 then keeps a rope
 * instead of copying a long anamnesis (hundreds of KB for 2,000 messages) on every build; the one
 * copy happens when the text is written to the clipboard.
 */
function noteText(sections: readonly JournalSection[]): string {
  let out = '';
  for (const s of sections) {
    if (out !== '') out += '\n\n';
    out += s.text === '' ? s.keyword : `${s.keyword}\n${s.text}`;
  }
  return out;
}
