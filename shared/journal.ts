// The Cosmic journal note for a closed 1177 direkt visit (template Distanskontakt 1177 direkt,
// R-J-2..R-J-8), as a proposal the clinician checks and pastes. Pure: every rule comes from the
// rule set, so a region changes behaviour by data, not by release.
import { type ClinicianContext, orList, proposeContact, type RuleFinding } from './journal-contact';
import type { RuleSet } from './rules';
import { type RuleSetProvenance, ruleSetProvenance } from './rules/digest';
import { KONTAKTSATT, type Kontaktsatt } from './rules/kontaktsatt';
import { fillPhrase } from './rules/phrases';

export type { ClinicianContext, RuleFinding } from './journal-contact';

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
  /**
   * The patient was phoned, answered or not: a call in the console or "Ringt patienten" in the
   * no-reply chip (R-NR-3). One fact with `channels.phone` for the R-NR-3 check; an unanswered
   * call does not make the Kontaktsätt telefon.
   */
  phoneAttempted?: boolean;
  /** The visit's state in Clinic (R-J-1: document after closing); null = could not be read. */
  visitState?: 'waiting' | 'accepted' | 'ongoing' | 'closed' | null;
  /** R-J-1: the visit note in Clinic, *Signera och exportera* done or not; null/absent = not read. */
  visitNote?: 'unsigned' | 'signed' | null;
}

export interface JournalSection {
  keyword: string;
  /** Goes into the note ('' = left for the clinician). */
  text: string;
  /** The keyword is the rule set's default, not named by the manual: the region is to confirm it. */
  regionToConfirm?: boolean;
  /** To the clinician, never pasted (e.g. the R-J-6 image reminder). */
  hint?: string;
}

export interface JournalNote {
  /** What happened (the Kontaktsätt keyword, R-J-6): never changed by a restriction. */
  kontaktsatt: Kontaktsatt;
  /** No channel was recorded: `kontaktsatt` is only a placeholder, the clinician must choose. */
  kontaktsattUnknown: boolean;
  /** Kontaktsätt is unknown: the clinician chooses what happened (any of KONTAKTSATT). */
  needsChoice: boolean;
  /** The highest channel that happened; null when none is known. */
  observedKontaktsatt: Kontaktsatt | null;
  /** Channels whose vårdkontakt this clinician may register, in the rule set's precedence order. */
  allowedKontaktsatt: Kontaktsatt[];
  /** The channel whose vårdkontakt is proposed: `kontaktsatt`, unless a restriction (R-J-5) forbids it. */
  vardkontaktKontaktsatt: Kontaktsatt;
  /** When restricted: the allowed vårdkontakter offered to the clinician (else empty). */
  vardkontaktChoices: { kontaktsatt: Kontaktsatt; vardkontakt: string }[];
  /** The clinician chose the vårdkontakt among the allowed ones. */
  vardkontaktChosen: boolean;
  /** No allowed vårdkontakt follows from the rules: the clinician must choose one of the choices. */
  vardkontaktNeedsChoice: boolean;
  vardkontakt: string;
  vardtjanst: { required: boolean; allowed: string[] };
  /** The rule ID behind each proposal. */
  ruleBasis: { vardkontakt: string; vardtjanst: string };
  /** To act on before signing (R-J-5 fallback, unknown contact, missing anamnesis, R-NR-3, R-J-1). */
  violations: RuleFinding[];
  /** Reminders that need no change to the note (R-J-6 images and codes, R-PI-2, R-J-1). */
  notices: RuleFinding[];
  noReply: boolean;
  anamnesisMissing: boolean;
  /** Template order. */
  sections: JournalSection[];
  /** The whole note as plain text: each keyword heading, then its text. */
  text: string;
  /** Which rules made this note: the rule set's name, version and digest (traceability). */
  provenance: RuleSetProvenance;
}

const CHANNEL_TO_KONTAKTSATT = { chat: 'chatt', phone: 'telefon', video: 'video' } as const;

const imageCount = (n: number) => (n === 1 ? '1 bild' : `${n} bilder`);

/**
 * The note for a visit. `choice.vardkontakt`: the clinician's pick among the allowed
 * vårdkontakter when a restriction (R-J-5) forbids the one of what happened.
 */
export function buildJournalNote(
  visit: VisitFacts,
  clinician: ClinicianContext,
  rules: RuleSet,
  choice: { vardkontakt?: Kontaktsatt } = {},
): JournalNote {
  const violations: RuleFinding[] = [];
  const notices: RuleFinding[] = [];

  // Several channels → the highest by the rule set's precedence (video > telefon > chatt by default).
  const used = new Set<Kontaktsatt>(
    (Object.keys(CHANNEL_TO_KONTAKTSATT) as (keyof typeof CHANNEL_TO_KONTAKTSATT)[])
      .filter((c) => visit.channels[c])
      .map((c) => CHANNEL_TO_KONTAKTSATT[c]),
  );
  const observed = rules.channelPrecedence.find((k) => used.has(k)) ?? null;
  // Never guess what happened: unknown → the clinician chooses among all of them. The placeholder
  // is the lowest by precedence (chatt by default: never generates a fee).
  const needsChoice = observed === null;
  const kontaktsatt = observed ?? rules.channelPrecedence[rules.channelPrecedence.length - 1]!;
  if (needsChoice) violations.push({ ruleId: 'R-J-6', message: `Kontaktsätt okänt – välj ${orList(KONTAKTSATT)}.` });

  // Unit/role restrictions (R-J-5 and any the region adds) narrow the vårdkontakt only.
  const contact = proposeContact(kontaktsatt, clinician, rules, choice.vardkontakt);
  if (!needsChoice) {
    violations.push(...contact.violations);
    notices.push(...contact.notices);
  }
  const channel = rules.contactChannels[contact.channel];

  // R-NR-3: priority 1–2 (by default) → always phone a patient who does not answer. An unknown
  // priority counts as urgent, as in shared/no-reply.ts: missing a required call is the worse error.
  const p = visit.priority;
  const priority = typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 5 ? p : null;
  // One fact: a call in the console or one logged with "Ringt patienten".
  const phoned = visit.channels.phone || visit.phoneAttempted === true;
  if (visit.noReply && !phoned && (priority === null || rules.timers.phonePriorities.includes(priority)))
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
    needsChoice ? unknownText.replaceAll('{alternativ}', orList(KONTAKTSATT)) : kontaktsatt;
  const confirm = (k: object) =>
    'regionToConfirm' in k && k.regionToConfirm === true ? { regionToConfirm: true } : {};

  if (visit.noReply) {
    // R-NR-4, R-J-8: a short note from the phrase, not the full template.
    for (const k of rules.template.keywords) {
      if (k.fill === 'kontaktsatt') sections.push({ keyword: k.keyword, text: kontaktsattText(k.unknownText) });
      else if (k.keyword === rules.template.noReplyKeyword)
        sections.push({ keyword: k.keyword, text: fillPhrase(rules.phrases.noReplyNote, rules.timers), ...confirm(k) });
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
          sections.push({ keyword: k.keyword, text: '', ...confirm(k) });
          break;
      }
    }
  }

  notices.push(...closingReminders(visit, violations));
  // R-J-6: the diagnosis and/or action code per routine, before signing (the rule set's words).
  if (rules.template.codeReminder) notices.push({ ruleId: 'R-J-6', message: rules.template.codeReminder });

  return {
    kontaktsatt,
    kontaktsattUnknown: observed === null,
    needsChoice,
    observedKontaktsatt: observed,
    allowedKontaktsatt: contact.allowed,
    vardkontaktKontaktsatt: contact.channel,
    vardkontaktChoices: contact.restriction
      ? contact.allowed.map((k) => ({ kontaktsatt: k, vardkontakt: rules.contactChannels[k].vardkontakt }))
      : [],
    vardkontaktChosen: contact.chosen,
    vardkontaktNeedsChoice: contact.needsChoice && !needsChoice,
    vardkontakt: channel.vardkontakt,
    vardtjanst: { required: channel.vardtjanst.required, allowed: [...channel.vardtjanst.allowed] },
    ruleBasis: { vardkontakt: contact.restriction?.id ?? channel.ruleId, vardtjanst: channel.ruleId },
    violations,
    notices,
    noReply: visit.noReply,
    anamnesisMissing: visit.noReply ? false : anamnesisMissing,
    sections,
    text: noteText(sections),
    provenance: ruleSetProvenance(rules),
  };
}

/**
 * R-J-1: the note is written in Cosmic after the case is closed in Clinic; then the visit note
 * in Clinic is checked and *Signera och exportera* clicked. Open → a finding to act on (pushed
 * onto `violations`); closed or unknown → a reminder. Not given (undefined) → nothing.
 */
function closingReminders(visit: VisitFacts, violations: RuleFinding[]): RuleFinding[] {
  const state = visit.visitState;
  if (state === undefined) return [];
  if (state === 'closed')
    return [
      visit.visitNote === 'signed'
        ? {
            ruleId: 'R-J-1',
            message: 'Besöksanteckningen i Clinic är signerad och exporterad (Signera och exportera).',
          }
        : { ruleId: 'R-J-1', message: 'Kontrollera besöksanteckningen i Clinic och klicka på Signera och exportera.' },
    ];
  if (state === null)
    return [
      {
        ruleId: 'R-J-1',
        message:
          'Besökets status i Clinic kunde inte läsas: journalför i Cosmic först när ärendet är avslutat, och klicka i Clinic på Signera och exportera.',
      },
    ];
  violations.push({
    ruleId: 'R-J-1',
    message:
      'Besöket är inte avslutat i Clinic: journalför i Cosmic efter att ärendet avslutats. Kontrollera sedan besöksanteckningen i Clinic och klicka på Signera och exportera.',
  });
  return [];
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
