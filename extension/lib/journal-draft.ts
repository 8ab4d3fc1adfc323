import type { JournalPdfRequest } from '../../shared/bridge-protocol';
import { buildJournalNote, type JournalNote, type JournalSection, type RuleFinding } from '../../shared/journal';
import type { RuleSet } from '../../shared/rules';
import { KONTAKTSATT, type Kontaktsatt } from '../../shared/rules/kontaktsatt';
import { t, uiLanguage } from './i18n';
import { type JournalVisitFacts, visitFactsForBuilder } from './journal-facts';

/**
 * The clinician's draft of one visit's note (journal panel, R-J-2..R-J-8): only what they changed
 * or chose, so a section they did not touch keeps following the visit. Saved per visit in the
 * visit store (storage.local, purged by retention).
 */
export interface JournalDraft {
  /** Answer to "Kontaktsätt okänt – välj" (only used while the visit does not tell). */
  kontaktsatt?: Kontaktsatt;
  /** The vårdkontakt picked among the allowed ones when a restriction (R-J-5) forbids the visit's. */
  vardkontakt?: Kontaktsatt;
  /** The vårdtjänst picked when the contact requires one (R-J-4). */
  vardtjanst?: string;
  /** The short no-reply note (R-NR-4, R-J-8) instead of the full template. */
  noReply: boolean;
  /** Edited section texts by mode and keyword; a missing keyword = the builder's proposal. */
  edits: { full: Record<string, string>; noReply: Record<string, string> };
}

const isKontaktsatt = (v: unknown): v is Kontaktsatt => (KONTAKTSATT as readonly unknown[]).includes(v);

export const emptyDraft = (): JournalDraft => ({ noReply: false, edits: { full: {}, noReply: {} } });

/** A stored draft from an older version or a damaged record reads as far as it is valid. */
export function readDraft(value: unknown): JournalDraft {
  const draft = emptyDraft();
  if (typeof value !== 'object' || value === null) return draft;
  const v = value as Record<string, unknown>;
  if (isKontaktsatt(v.kontaktsatt)) draft.kontaktsatt = v.kontaktsatt;
  if (isKontaktsatt(v.vardkontakt)) draft.vardkontakt = v.vardkontakt;
  if (typeof v.vardtjanst === 'string') draft.vardtjanst = v.vardtjanst;
  draft.noReply = v.noReply === true;
  const edits = (v.edits ?? {}) as Record<string, unknown>;
  for (const mode of ['full', 'noReply'] as const) {
    const e = edits[mode];
    if (typeof e !== 'object' || e === null) continue;
    for (const [k, text] of Object.entries(e)) if (typeof text === 'string') draft.edits[mode][k] = text;
  }
  return draft;
}

export interface PanelSection extends JournalSection {
  /** What the rules propose for this keyword. */
  proposed: string;
  edited: boolean;
}

export interface PanelNote {
  note: JournalNote;
  /** Kontaktsätt was unknown and the clinician chose it. */
  chosenKontaktsatt: Kontaktsatt | null;
  /** What may be chosen when the visit does not tell: what happened, any of them (R-J-6). */
  choices: Kontaktsatt[];
  sections: PanelSection[];
  /** The note as the clinician edited it: exactly what "Kopiera allt" puts on the clipboard. */
  text: string;
  vardtjanst: string | null;
  violations: RuleFinding[];
  notices: RuleFinding[];
}

/** Same layout as the builder's `text`: each keyword heading, then its text; a blank line between. */
export function composeNoteText(sections: readonly Pick<JournalSection, 'keyword' | 'text'>[]): string {
  let out = '';
  for (const s of sections) {
    if (out !== '') out += '\n\n';
    out += s.text === '' ? s.keyword : `${s.keyword}\n${s.text}`;
  }
  return out;
}

/**
 * The note for the panel: the builder's proposal with the clinician's choices and edits.
 * `phoneAttempted`: a phone attempt in the visit's no-reply record ("Ringt patienten" or a call in
 * the console): one fact with the call events for the R-NR-3 check.
 */
export function buildPanelNote(
  facts: JournalVisitFacts,
  draft: JournalDraft,
  rules: RuleSet,
  extra: { phoneAttempted?: boolean } = {},
): PanelNote {
  const clinician = { unit: facts.clinician.unit ?? '', role: facts.clinician.role ?? '' };
  const noReply = draft.noReply;
  const { phoneAttempted } = extra;
  const choice = draft.vardkontakt ? { vardkontakt: draft.vardkontakt } : {};
  let note = buildJournalNote(visitFactsForBuilder(facts, { noReply, phoneAttempted }), clinician, rules, choice);
  const choices = note.needsChoice ? [...KONTAKTSATT] : [];
  let chosenKontaktsatt: Kontaktsatt | null = null;
  // Only the clinician answers "Kontaktsätt okänt": never a default.
  if (note.needsChoice && draft.kontaktsatt && choices.includes(draft.kontaktsatt)) {
    chosenKontaktsatt = draft.kontaktsatt;
    const chosen = visitFactsForBuilder(facts, { noReply, chosen: chosenKontaktsatt, phoneAttempted });
    note = buildJournalNote(chosen, clinician, rules, choice);
  }

  const edits = draft.edits[noReply ? 'noReply' : 'full'];
  const sections: PanelSection[] = note.sections.map((s) => {
    const edit = edits[s.keyword];
    return { ...s, proposed: s.text, text: edit ?? s.text, edited: edit !== undefined && edit !== s.text };
  });

  const violations = [...note.violations];
  const notices = [...note.notices];
  if (facts.clinician.unit === null || facts.clinician.role === null)
    violations.push({
      ruleId: 'R-J-5',
      message: t('journal_unitRoleUnread'),
    });
  if (facts.imagesSent === null && !noReply)
    notices.push({
      ruleId: 'R-J-6',
      message: t('journal_imagesUnread'),
    });
  if (facts.patient.protectedIdentity === null)
    notices.push({ ruleId: 'R-PI-1', message: t('journal_protectedUnread') });

  const allowed = note.vardtjanst.allowed;
  const vardtjanst =
    draft.vardtjanst && allowed.includes(draft.vardtjanst)
      ? draft.vardtjanst
      : allowed.length === 1
        ? (allowed[0] ?? null)
        : null;
  if (note.vardtjanst.required && vardtjanst === null && !note.needsChoice)
    violations.push({
      ruleId: note.ruleBasis.vardtjanst,
      // The allowed vårdtjänster (Cosmic's names) as an "a or b" list in the clinician's language.
      message: t(
        'journal_chooseVardtjanst',
        new Intl.ListFormat(uiLanguage(), { type: 'disjunction' }).format(allowed),
      ),
    });

  return {
    note,
    chosenKontaktsatt,
    choices,
    sections,
    text: composeNoteText(sections),
    vardtjanst,
    violations,
    notices,
  };
}

/**
 * The bridge's PDF request (bridge issue) from the note as edited; or why it cannot be made yet,
 * in the clinician's language, without patient data.
 */
export function pdfRequestFor(
  panel: PanelNote,
  facts: JournalVisitFacts,
): { ok: true; request: JournalPdfRequest } | { ok: false; error: string } {
  const missing: string[] = [];
  const { personnummer, name, protectedIdentity } = facts.patient;
  if (!personnummer) missing.push(t('journal_missingId'));
  if (!name) missing.push(t('journal_missingName'));
  if (!facts.clinician.unit) missing.push(t('journal_missingUnit'));
  if (!facts.visitStartedAt) missing.push(t('journal_missingStart'));
  if (panel.note.needsChoice) missing.push(t('journal_missingKontaktsatt'));
  if (panel.note.vardkontaktNeedsChoice) missing.push(t('journal_missingVardkontakt'));
  if (missing.length > 0 || !personnummer || !name || !facts.clinician.unit || !facts.visitStartedAt)
    return { ok: false, error: t('journal_cannotExport', missing.join(', ')) };
  const { note } = panel;
  return {
    ok: true,
    request: {
      note: {
        kontaktsatt: note.kontaktsatt,
        vardkontakt: note.vardkontakt,
        vardtjanst: { required: note.vardtjanst.required, allowed: [...note.vardtjanst.allowed] },
        violations: panel.violations.map(({ ruleId, message }) => ({ ruleId, message })),
        sections: panel.sections.map(({ keyword, text }) => ({ keyword, text })),
        text: panel.text,
        provenance: note.provenance,
      },
      patient: { personnummer, name, protectedIdentity: protectedIdentity === true },
      unit: facts.clinician.unit,
      visitStartedAt: facts.visitStartedAt,
      ...(panel.vardtjanst ? { chosenVardtjanst: panel.vardtjanst } : {}),
    },
  };
}
