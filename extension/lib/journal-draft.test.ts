import { describe, expect, it } from 'vitest';
import { JournalPdfRequest } from '../../shared/bridge-protocol';
import { buildJournalNote } from '../../shared/journal';
import { defaultRuleSet } from '../../shared/rules';
import {
  buildPanelNote,
  composeNoteText,
  emptyDraft,
  type JournalDraft,
  pdfRequestFor,
  readDraft,
} from './journal-draft';
import type { JournalVisitFacts } from './journal-facts';

const NURSE_UPPSALA = { unit: '1177 direkt Uppsala län', role: 'Sjuksköterska' };
const DOCTOR_UPPSALA = { unit: '1177 direkt Uppsala län', role: 'Läkare' };

function facts(overrides: Partial<JournalVisitFacts> = {}): JournalVisitFacts {
  return {
    visitKey: '/besok/abc',
    priority: 3,
    channels: { chat: true, phone: false, video: false },
    anamnesis: 'Vad söker du för?: Halsont',
    imagesSent: 0,
    clinician: NURSE_UPPSALA,
    patient: { name: 'Anna Testsson', personnummer: '199001012385', protectedIdentity: false },
    visitStartedAt: '2024-06-03T06:30:00.000Z',
    ...overrides,
  };
}

const draft = (overrides: Partial<JournalDraft> = {}): JournalDraft => ({ ...emptyDraft(), ...overrides });

describe('journal panel note (R-J-2..R-J-8) with the clinician draft', () => {
  it('R-J-3: unedited, the panel text is exactly the builder text (chat → chatt, vårdtjänst ingen)', () => {
    const panel = buildPanelNote(facts(), emptyDraft(), defaultRuleSet);
    const built = buildJournalNote(
      {
        priority: 3,
        channels: { chat: true, phone: false, video: false },
        anamnesis: 'Vad söker du för?: Halsont',
        imagesSent: 0,
        noReply: false,
        patientProtected: false,
      },
      NURSE_UPPSALA,
      defaultRuleSet,
    );
    expect(panel.text).toBe(built.text);
    expect(panel.note.vardkontakt).toBe('Skriftlig kontakt kvalificerad utan ekonomi (chatt)');
    expect(panel.vardtjanst).toBe('ingen');
    expect(panel.sections.every((s) => !s.edited)).toBe(true);
    expect(composeNoteText(built.sections)).toBe(built.text);
  });

  it('edits replace their keyword only; the text is the note as edited; untouched sections follow the visit', () => {
    const d = draft({ edits: { full: { Bedömning: 'Viral faryngit.' }, noReply: {} } });
    const panel = buildPanelNote(facts({ anamnesis: 'Ny anamnes' }), d, defaultRuleSet);
    expect(panel.sections.find((s) => s.keyword === 'Bedömning')).toMatchObject({
      text: 'Viral faryngit.',
      edited: true,
      proposed: '',
    });
    expect(panel.sections.find((s) => s.keyword === 'Aktuellt hälsoproblem')?.text).toBe('Ny anamnes');
    expect(panel.text).toContain('Bedömning\nViral faryngit.\n\nÅtgärd');
    // An edit equal to the proposal is not marked as changed.
    const same = buildPanelNote(
      facts(),
      draft({ edits: { full: { Kontaktsätt: 'chatt' }, noReply: {} } }),
      defaultRuleSet,
    );
    expect(same.sections[0]?.edited).toBe(false);
  });

  it('R-J-5: video by a nurse at 1177 direkt Uppsala län → Kontaktsätt video, Telefonkontakt proposed, the allowed ones offered', () => {
    const video = facts({ channels: { chat: true, phone: false, video: true } });
    const panel = buildPanelNote(video, emptyDraft(), defaultRuleSet);
    expect(panel.note.kontaktsatt).toBe('video');
    expect(panel.sections[0]).toMatchObject({ keyword: 'Kontaktsätt', text: 'video' });
    expect(panel.note.vardkontakt).toBe('Telefonkontakt');
    expect(panel.note.allowedKontaktsatt).toEqual(['telefon', 'chatt']);
    expect(panel.note.vardkontaktChoices.map((c) => c.kontaktsatt)).toEqual(['telefon', 'chatt']);
    expect(panel.choices).toEqual([]);
    expect(panel.violations.map((v) => v.ruleId)).toEqual(['R-J-5']);
    // The nurse picks Skriftlig kontakt: kept in the draft, used, and the reason stays as a reminder.
    const picked = buildPanelNote(video, draft({ vardkontakt: 'chatt' }), defaultRuleSet);
    expect(picked.note.vardkontakt).toBe('Skriftlig kontakt kvalificerad utan ekonomi (chatt)');
    expect(picked.note.kontaktsatt).toBe('video');
    expect(picked.violations).toEqual([]);
    expect(picked.notices.map((n) => n.ruleId)).toContain('R-J-5');
    expect(readDraft(JSON.parse(JSON.stringify(draft({ vardkontakt: 'chatt' })))).vardkontakt).toBe('chatt');
  });

  it('R-NR-3: a phone attempt from the no-reply chip counts for the journal check (one fact)', () => {
    const urgent = facts({ priority: 2 });
    const d = draft({ noReply: true });
    expect(buildPanelNote(urgent, d, defaultRuleSet).violations.map((v) => v.ruleId)).toEqual(['R-NR-3']);
    expect(buildPanelNote(urgent, d, defaultRuleSet, { phoneAttempted: true }).violations).toEqual([]);
  });

  it('R-J-4: video by a doctor → Videokontakt; a vårdtjänst must be picked, and the pick is kept', () => {
    const video = facts({ channels: { chat: true, phone: false, video: true }, clinician: DOCTOR_UPPSALA });
    const unpicked = buildPanelNote(video, emptyDraft(), defaultRuleSet);
    expect(unpicked.note.vardkontakt).toBe('Videokontakt');
    expect(unpicked.vardtjanst).toBeNull();
    expect(unpicked.violations).toContainEqual({
      ruleId: 'R-J-4',
      message: expect.stringContaining('Välj vårdtjänst'),
    });
    const picked = buildPanelNote(video, draft({ vardtjanst: '1177 direkt Känt hälsotillstånd' }), defaultRuleSet);
    expect(picked.vardtjanst).toBe('1177 direkt Känt hälsotillstånd');
    expect(picked.violations).toEqual([]);
    // A stale pick that the rules do not allow is not used.
    expect(buildPanelNote(video, draft({ vardtjanst: 'ingen' }), defaultRuleSet).vardtjanst).toBeNull();
  });

  it('R-J-6: unknown channels → "Kontaktsätt okänt – välj" what happened, never a guess', () => {
    const unknown = facts({ channels: null });
    const panel = buildPanelNote(unknown, emptyDraft(), defaultRuleSet);
    expect(panel.note.needsChoice).toBe(true);
    expect(panel.choices).toEqual(['chatt', 'telefon', 'video']);
    expect(panel.chosenKontaktsatt).toBeNull();
    expect(panel.violations[0]?.message).toMatch(/^Kontaktsätt okänt – välj/);
    // R-J-5: "video" is what happened and may be said; only its vårdkontakt is restricted.
    const video = buildPanelNote(unknown, draft({ kontaktsatt: 'video' }), defaultRuleSet);
    expect(video.chosenKontaktsatt).toBe('video');
    expect(video.note.vardkontakt).toBe('Telefonkontakt');
    const chosen = buildPanelNote(unknown, draft({ kontaktsatt: 'chatt' }), defaultRuleSet);
    expect(chosen.chosenKontaktsatt).toBe('chatt');
    expect(chosen.note.vardkontakt).toBe('Skriftlig kontakt kvalificerad utan ekonomi (chatt)');
    expect(chosen.violations).toEqual([]);
    // Once the visit tells (a clinician message), the visit wins over the old choice.
    expect(buildPanelNote(facts(), draft({ kontaktsatt: 'telefon' }), defaultRuleSet).note.kontaktsatt).toBe('chatt');
  });

  it('R-J-5: unit and role unknown → the restriction cannot be checked, said so', () => {
    const panel = buildPanelNote(
      facts({ clinician: { unit: null, role: 'Sjuksköterska' } }),
      emptyDraft(),
      defaultRuleSet,
    );
    expect(panel.violations).toContainEqual({ ruleId: 'R-J-5', message: expect.stringContaining('kunde inte läsas') });
  });

  it('R-J-6 / R-PI-1: images or protection unreadable → reminders, not guesses', () => {
    const panel = buildPanelNote(
      facts({ imagesSent: null, patient: { name: null, personnummer: null, protectedIdentity: null } }),
      emptyDraft(),
      defaultRuleSet,
    );
    // The note's own reminders (R-J-1 visit state unread, R-J-6 codes), then what could not be read.
    expect(panel.notices.map((n) => n.ruleId)).toEqual(['R-J-1', 'R-J-6', 'R-J-6', 'R-PI-1']);
    expect(panel.notices[2]!.message).toMatch(/bilder i chatten kunde inte läsas/);
    expect(panel.sections.some((s) => s.keyword === 'Fotodokumentation')).toBe(false);
  });

  it('R-NR-4/R-J-8: the no-reply note has its own edits; switching back restores the full note', () => {
    const d = draft({ noReply: true, edits: { full: { Råd: 'Vila.' }, noReply: { Åtgärd: 'Ingen kontakt.' } } });
    const short = buildPanelNote(facts(), d, defaultRuleSet);
    expect(short.sections.map((s) => s.keyword)).toEqual(['Kontaktsätt', 'Åtgärd']);
    expect(short.text).toBe('Kontaktsätt\nchatt\n\nÅtgärd\nIngen kontakt.');
    const full = buildPanelNote(facts(), { ...d, noReply: false }, defaultRuleSet);
    expect(full.sections.find((s) => s.keyword === 'Råd')?.text).toBe('Vila.');
  });

  it('readDraft: a damaged stored draft reads as far as it is valid', () => {
    expect(readDraft(undefined)).toEqual(emptyDraft());
    expect(readDraft('x')).toEqual(emptyDraft());
    expect(
      readDraft({
        kontaktsatt: 'fax',
        vardtjanst: 3,
        noReply: 'ja',
        edits: { full: { Råd: 'ok', Bad: 7 }, noReply: null },
      }),
    ).toEqual({ noReply: false, edits: { full: { Råd: 'ok' }, noReply: {} } });
    const good = draft({ kontaktsatt: 'telefon', vardtjanst: 'ingen', noReply: true });
    expect(readDraft(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it('PDF request (bridge issue): built from the note as edited, valid for the bridge; refused without the facts', () => {
    const f = facts({ channels: { chat: true, phone: false, video: true }, clinician: DOCTOR_UPPSALA });
    const panel = buildPanelNote(
      f,
      draft({ vardtjanst: '1177 direkt Nytt hälsotillstånd', edits: { full: { Råd: 'Vila.' }, noReply: {} } }),
      defaultRuleSet,
    );
    const built = pdfRequestFor(panel, f);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(JournalPdfRequest.safeParse(built.request).success).toBe(true);
    expect(built.request.note.text).toBe(panel.text);
    expect(built.request.chosenVardtjanst).toBe('1177 direkt Nytt hälsotillstånd');
    expect(built.request.unit).toBe('1177 direkt Uppsala län');

    const missing = pdfRequestFor(panel, { ...f, patient: { ...f.patient, personnummer: null }, visitStartedAt: null });
    expect(missing).toEqual({ ok: false, error: 'Kan inte exportera: personnummer, besökets starttid saknas.' });
    const unknown = buildPanelNote(facts({ channels: null }), emptyDraft(), defaultRuleSet);
    expect(pdfRequestFor(unknown, facts({ channels: null }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('kontaktsätt'),
    });
  });
});

describe('never "not protected" (R-PI-1, R-PI-2)', () => {
  it('R-PI-2: the panel and its PDF request never say a patient is not protected, whether no marker was seen or none could be read', () => {
    const NOT_PROTECTED = /(inte|ej|ingen|utan) skydd|oskydd|not protected/i;
    let checked = 0;
    for (const protectedIdentity of [false, null]) {
      for (const noReply of [false, true]) {
        const f = facts({ patient: { name: 'Anna Testsson', personnummer: '199001012385', protectedIdentity } });
        const panel = buildPanelNote(f, draft({ noReply }), defaultRuleSet);
        const request = pdfRequestFor(panel, f);
        const said = [panel.text, ...panel.violations, ...panel.notices].map((x) =>
          typeof x === 'string' ? x : x.message,
        );
        if (request.ok) said.push(JSON.stringify(request.request.note));
        for (const text of said) {
          checked++;
          expect(text).not.toMatch(NOT_PROTECTED);
        }
      }
    }
    expect(checked).toBeGreaterThan(8);
  });
});
