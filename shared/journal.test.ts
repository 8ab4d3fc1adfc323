import { describe, expect, it } from 'vitest';
import { buildJournalNote, type ClinicianContext, type VisitFacts } from './journal';
import { defaultRuleSet, parseRuleSet, type RuleSet } from './rules';

const CHAT = 'Skriftlig kontakt kvalificerad utan ekonomi (chatt)';
const NEW_OR_KNOWN = ['1177 direkt Nytt hälsotillstånd', '1177 direkt Känt hälsotillstånd'];

const nurseUppsala: ClinicianContext = { role: 'Sjuksköterska', unit: '1177 direkt Uppsala län' };
const nurseElsewhere: ClinicianContext = { role: 'Sjuksköterska', unit: 'Testviken hälsocentral' };
const doctorUppsala: ClinicianContext = { role: 'Läkare', unit: '1177 direkt Uppsala län' };

function visit(overrides: Partial<VisitFacts> = {}): VisitFacts {
  return {
    priority: 3,
    channels: { chat: true, phone: false, video: false },
    anamnesis: 'Hosta sedan tre dagar, ingen feber.',
    imagesSent: 0,
    noReply: false,
    patientProtected: false,
    ...overrides,
  };
}

const only = (c: keyof VisitFacts['channels']) => ({ chat: false, phone: false, video: false, [c]: true });
const keywords = (note: { sections: { keyword: string }[] }) => note.sections.map((s) => s.keyword);
const section = (note: { sections: { keyword: string; text: string }[] }, keyword: string) =>
  note.sections.find((s) => s.keyword === keyword);

describe('buildJournalNote – vårdkontakt and vårdtjänst', () => {
  it('R-J-3: chat only → Skriftlig kontakt kvalificerad utan ekonomi (chatt), vårdtjänst ingen', () => {
    const note = buildJournalNote(visit(), nurseUppsala, defaultRuleSet);
    expect(note.kontaktsatt).toBe('chatt');
    expect(note.vardkontakt).toBe(CHAT);
    expect(note.vardtjanst).toEqual({ required: false, allowed: ['ingen'] });
    expect(note.ruleBasis).toEqual({ vardkontakt: 'R-J-3', vardtjanst: 'R-J-3' });
    expect(note.violations).toEqual([]);
    expect(note.needsChoice).toBe(false);
    expect(section(note, 'Kontaktsätt')?.text).toBe('chatt');
  });

  it('R-J-3: telephone → Telefonkontakt, vårdtjänst ingen', () => {
    const note = buildJournalNote(visit({ channels: only('phone') }), nurseUppsala, defaultRuleSet);
    expect(note.kontaktsatt).toBe('telefon');
    expect(note.vardkontakt).toBe('Telefonkontakt');
    expect(note.vardtjanst).toEqual({ required: false, allowed: ['ingen'] });
    expect(note.violations).toEqual([]);
  });

  it('R-J-4: video by a doctor (Läkare) → Videokontakt, vårdtjänst required: Nytt or Känt hälsotillstånd', () => {
    const note = buildJournalNote(visit({ channels: only('video') }), doctorUppsala, defaultRuleSet);
    expect(note.kontaktsatt).toBe('video');
    expect(note.vardkontakt).toBe('Videokontakt');
    expect(note.vardtjanst).toEqual({ required: true, allowed: NEW_OR_KNOWN });
    expect(note.ruleBasis).toEqual({ vardkontakt: 'R-J-4', vardtjanst: 'R-J-4' });
    expect(note.violations).toEqual([]);
    expect(section(note, 'Kontaktsätt')?.text).toBe('video');
  });

  it('R-J-5: video by a nurse at 1177 direkt Uppsala län → Kontaktsätt stays video; vårdkontakt Telefonkontakt proposed, no Videokontakt', () => {
    const note = buildJournalNote(visit({ channels: only('video') }), nurseUppsala, defaultRuleSet);
    expect(note.observedKontaktsatt).toBe('video');
    // What happened stays in the note (R-J-6); only the vårdkontakt is restricted (R-J-5).
    expect(note.kontaktsatt).toBe('video');
    expect(note.vardkontaktKontaktsatt).toBe('telefon');
    expect(note.vardkontakt).toBe('Telefonkontakt');
    expect(note.vardtjanst).toEqual({ required: false, allowed: ['ingen'] });
    expect(note.ruleBasis).toEqual({ vardkontakt: 'R-J-5', vardtjanst: 'R-J-3' });
    expect(note.allowedKontaktsatt).not.toContain('video');
    expect(note.violations).toHaveLength(1);
    expect(note.violations[0]!.ruleId).toBe('R-J-5');
    expect(note.violations[0]!.message).toMatch(/patientavgift/);
    expect(note.violations[0]!.message).toMatch(/Föreslås i stället: Telefonkontakt/);
    expect(note.violations[0]!.message).toMatch(/Kontaktsätt i anteckningen är ändå video/);
    expect(JSON.stringify({ ...note, violations: [] })).not.toContain('Videokontakt');
    expect(section(note, 'Kontaktsätt')?.text).toBe('video');
    // The allowed vårdkontakter are offered, the fallback first.
    expect(note.vardkontaktChoices).toEqual([
      { kontaktsatt: 'telefon', vardkontakt: 'Telefonkontakt' },
      { kontaktsatt: 'chatt', vardkontakt: CHAT },
    ]);
  });

  it('R-J-5: the nurse picks another allowed vårdkontakt → it is used; the reason becomes a reminder', () => {
    const note = buildJournalNote(visit({ channels: only('video') }), nurseUppsala, defaultRuleSet, {
      vardkontakt: 'chatt',
    });
    expect(note.kontaktsatt).toBe('video');
    expect(note.vardkontakt).toBe(CHAT);
    expect(note.vardkontaktChosen).toBe(true);
    expect(note.violations).toEqual([]);
    expect(note.notices.map((n) => n.ruleId)).toContain('R-J-5');
    // A forbidden pick is ignored: Videokontakt is never proposed to this nurse.
    const forbidden = buildJournalNote(visit({ channels: only('video') }), nurseUppsala, defaultRuleSet, {
      vardkontakt: 'video',
    });
    expect(forbidden.vardkontakt).toBe('Telefonkontakt');
    expect(forbidden.vardkontaktChosen).toBe(false);
  });

  it('R-J-5: no restriction applies → no vårdkontakt choice is offered', () => {
    const note = buildJournalNote(visit({ channels: only('video') }), doctorUppsala, defaultRuleSet);
    expect(note.vardkontaktChoices).toEqual([]);
    expect(note.vardkontaktKontaktsatt).toBe('video');
  });

  it('R-J-5: unit and role match despite case and spacing as Clinic shows them', () => {
    const note = buildJournalNote(
      visit({ channels: only('video') }),
      { role: ' sjuksköterska', unit: '1177  direkt Uppsala Län' },
      defaultRuleSet,
    );
    expect(note.vardkontakt).toBe('Telefonkontakt');
    expect(note.kontaktsatt).toBe('video');
    expect(note.violations.map((v) => v.ruleId)).toEqual(['R-J-5']);
  });

  it('R-J-5 is unit-bound: video by a nurse at another unit → Videokontakt allowed (R-J-4)', () => {
    const note = buildJournalNote(visit({ channels: only('video') }), nurseElsewhere, defaultRuleSet);
    expect(note.kontaktsatt).toBe('video');
    expect(note.vardkontakt).toBe('Videokontakt');
    expect(note.vardtjanst).toEqual({ required: true, allowed: NEW_OR_KNOWN });
    expect(note.violations).toEqual([]);
  });

  it('R-J-5 only concerns video: chat by a nurse at 1177 direkt Uppsala län is untouched', () => {
    const note = buildJournalNote(visit(), nurseUppsala, defaultRuleSet);
    expect(note.kontaktsatt).toBe('chatt');
    expect(note.violations).toEqual([]);
  });
});

describe('buildJournalNote – channel precedence', () => {
  it('several channels → the highest by precedence: video > telefon > chatt', () => {
    const all = { chat: true, phone: true, video: true };
    expect(buildJournalNote(visit({ channels: all }), doctorUppsala, defaultRuleSet).kontaktsatt).toBe('video');
    const chatPhone = { chat: true, phone: true, video: false };
    expect(buildJournalNote(visit({ channels: chatPhone }), doctorUppsala, defaultRuleSet).kontaktsatt).toBe('telefon');
  });

  it('precedence is data: a rule set with chatt first changes the result', () => {
    const rules: RuleSet = { ...defaultRuleSet, channelPrecedence: ['chatt', 'telefon', 'video'] };
    expect(parseRuleSet(rules).ok).toBe(true);
    const note = buildJournalNote(visit({ channels: { chat: true, phone: true, video: true } }), doctorUppsala, rules);
    expect(note.kontaktsatt).toBe('chatt');
    expect(note.vardkontakt).toBe(CHAT);
  });

  it('restrictions are data: without R-J-5 in the rule set the Uppsala nurse may register Videokontakt', () => {
    const rules: RuleSet = { ...defaultRuleSet, restrictions: [] };
    const note = buildJournalNote(visit({ channels: only('video') }), nurseUppsala, rules);
    expect(note.vardkontakt).toBe('Videokontakt');
  });

  it('a fallback cycle in the data ends in a choice, never a loop', () => {
    const r = defaultRuleSet.restrictions[0]!;
    const rules: RuleSet = {
      ...defaultRuleSet,
      restrictions: [
        r,
        { ...r, id: 'LOKAL-1', forbidKontaktsatt: 'telefon', fallback: 'video', message: 'Ej telefon.' },
      ],
    };
    const note = buildJournalNote(visit({ channels: only('video') }), nurseUppsala, rules);
    expect(note.vardkontaktNeedsChoice).toBe(true);
    expect(note.needsChoice).toBe(false);
    expect(note.kontaktsatt).toBe('video');
    expect(note.vardkontaktKontaktsatt).toBe('chatt');
    expect(note.allowedKontaktsatt).toEqual(['chatt']);
    expect(note.violations.map((v) => v.ruleId)).toEqual(['R-J-5', 'LOKAL-1']);
    expect(note.violations[1]!.message).toMatch(/Ingen tillåten vårdkontakt följer av reglerna – välj Skriftlig/);
  });
});

describe('buildJournalNote – unknown contact (R-J-6: Kontaktsätt must be chosen)', () => {
  it('no channel known → not guessed: needsChoice, a violation, and the note says unknown', () => {
    const note = buildJournalNote(
      visit({ channels: { chat: false, phone: false, video: false } }),
      doctorUppsala,
      defaultRuleSet,
    );
    expect(note.kontaktsattUnknown).toBe(true);
    expect(note.needsChoice).toBe(true);
    expect(note.observedKontaktsatt).toBeNull();
    expect(note.violations).toEqual([
      { ruleId: 'R-J-6', message: 'Kontaktsätt okänt – välj chatt, telefon eller video.' },
    ]);
    expect(section(note, 'Kontaktsätt')?.text).toBe('Kontaktsätt okänt – välj chatt, telefon eller video');
  });

  it('R-J-5: the Kontaktsätt choice is what happened (all three); only the vårdkontakt is restricted', () => {
    const note = buildJournalNote(
      visit({ channels: { chat: false, phone: false, video: false } }),
      nurseUppsala,
      defaultRuleSet,
    );
    expect(note.allowedKontaktsatt).toEqual(['telefon', 'chatt']);
    expect(section(note, 'Kontaktsätt')?.text).toBe('Kontaktsätt okänt – välj chatt, telefon eller video');
  });
});

describe('buildJournalNote – keywords (R-J-6)', () => {
  it('template order: Kontaktsätt, Aktuellt hälsoproblem with the anamnesis, then the empty keywords', () => {
    const note = buildJournalNote(visit(), doctorUppsala, defaultRuleSet);
    expect(keywords(note)).toEqual(['Kontaktsätt', 'Aktuellt hälsoproblem', 'Bedömning', 'Åtgärd', 'Råd']);
    expect(section(note, 'Aktuellt hälsoproblem')?.text).toBe('Hosta sedan tre dagar, ingen feber.');
    expect(note.text).toBe(
      'Kontaktsätt\nchatt\n\nAktuellt hälsoproblem\nHosta sedan tre dagar, ingen feber.\n\nBedömning\n\nÅtgärd\n\nRåd',
    );
  });

  it('images sent → Fotodokumentation after Aktuellt hälsoproblem, with the R-J-6 reminder not to store them', () => {
    const note = buildJournalNote(visit({ imagesSent: 2 }), doctorUppsala, defaultRuleSet);
    expect(keywords(note).slice(0, 3)).toEqual(['Kontaktsätt', 'Aktuellt hälsoproblem', 'Fotodokumentation']);
    const photo = note.sections[2]!;
    expect(photo.text).toBe('Patienten har skickat 2 bilder i 1177 direkt. Bilderna sparas inte i journalen.');
    expect(photo.hint).toMatch(/ska inte lagras i Cosmic/);
    expect(note.notices).toContainEqual({ ruleId: 'R-J-6', message: photo.hint });
    expect(note.text).toContain('Fotodokumentation\nPatienten har skickat 2 bilder');
    expect(note.text).not.toContain('lagras i Cosmic');
  });

  it('one image is "1 bild"; no images → no Fotodokumentation', () => {
    expect(buildJournalNote(visit({ imagesSent: 1 }), doctorUppsala, defaultRuleSet).sections[2]!.text).toMatch(
      /skickat 1 bild i/,
    );
    expect(keywords(buildJournalNote(visit(), doctorUppsala, defaultRuleSet))).not.toContain('Fotodokumentation');
  });

  it('unknown anamnesis → says it is missing, never invented', () => {
    for (const anamnesis of [null, '   ']) {
      const note = buildJournalNote(visit({ anamnesis }), doctorUppsala, defaultRuleSet);
      expect(note.anamnesisMissing).toBe(true);
      expect(section(note, 'Aktuellt hälsoproblem')?.text).toBe('Anamnes saknas – klistra in från Clinic');
      expect(note.violations).toContainEqual({ ruleId: 'R-J-6', message: 'Anamnes saknas – klistra in från Clinic' });
    }
  });

  it('the keywords are data: a region adding Diagnos gets it in its place', () => {
    const rules: RuleSet = {
      ...defaultRuleSet,
      template: {
        ...defaultRuleSet.template,
        keywords: [...defaultRuleSet.template.keywords, { keyword: 'Diagnos', fill: 'empty' }],
      },
    };
    expect(keywords(buildJournalNote(visit(), doctorUppsala, rules)).at(-1)).toBe('Diagnos');
  });
});

describe('buildJournalNote – no reply (R-NR-4, R-J-8)', () => {
  it('the note is the short no-reply phrase, not the full template', () => {
    const note = buildJournalNote(visit({ noReply: true, imagesSent: 3 }), nurseUppsala, defaultRuleSet);
    expect(note.noReply).toBe(true);
    expect(note.sections).toEqual([
      { keyword: 'Kontaktsätt', text: 'chatt' },
      { keyword: 'Åtgärd', text: defaultRuleSet.phrases.noReplyNote, regionToConfirm: true },
    ]);
    expect(note.text).toBe(`Kontaktsätt\nchatt\n\nÅtgärd\n${defaultRuleSet.phrases.noReplyNote}`);
    expect(note.vardkontakt).toBe(CHAT);
    expect(note.violations).toEqual([]);
  });

  it('R-NR-3: priority 1–2 without a phone call → violation; with the call → none', () => {
    const unanswered = buildJournalNote(visit({ noReply: true, priority: 2 }), nurseUppsala, defaultRuleSet);
    expect(unanswered.violations.map((v) => v.ruleId)).toEqual(['R-NR-3']);
    expect(unanswered.violations[0]!.message).toMatch(/telefon/);
    const called = buildJournalNote(
      visit({ noReply: true, priority: 1, channels: { chat: true, phone: true, video: false } }),
      nurseUppsala,
      defaultRuleSet,
    );
    expect(called.violations).toEqual([]);
    expect(called.kontaktsatt).toBe('telefon');
    const lowPriority = buildJournalNote(visit({ noReply: true, priority: 4 }), nurseUppsala, defaultRuleSet);
    expect(lowPriority.violations).toEqual([]);
    // Unknown priority counts as urgent (as in shared/no-reply.ts).
    const unknown = buildJournalNote(visit({ noReply: true, priority: null }), nurseUppsala, defaultRuleSet);
    expect(unknown.violations.map((v) => v.message)).toEqual([expect.stringMatching(/^Prioritet okänd: .*telefon/)]);
  });
});

describe('buildJournalNote – protected identity (R-PI-2)', () => {
  it('adds a notice pointing to the routine; the note itself is unchanged', () => {
    const plain = buildJournalNote(visit(), doctorUppsala, defaultRuleSet);
    const note = buildJournalNote(visit({ patientProtected: true }), doctorUppsala, defaultRuleSet);
    expect(note.notices.map((n) => n.ruleId)).toEqual(['R-PI-2', 'R-J-6']);
    expect(note.notices[0]!.message).toContain(defaultRuleSet.protectedIdentity.routine.url);
    expect(note.text).toBe(plain.text);
  });
});

describe('buildJournalNote – purity', () => {
  it('does not mutate its inputs and returns fresh arrays', () => {
    const rules = structuredClone(defaultRuleSet);
    const facts = visit({ channels: only('video'), imagesSent: 1 });
    const note = buildJournalNote(facts, nurseUppsala, rules);
    note.vardtjanst.allowed.push('x');
    expect(rules).toEqual(defaultRuleSet);
    expect(facts).toEqual(visit({ channels: only('video'), imagesSent: 1 }));
  });
});

describe('buildJournalNote – after closing in Clinic (R-J-1)', () => {
  it('R-J-1: while the visit is open, the note says to document after closing (to act on)', () => {
    for (const visitState of ['waiting', 'accepted', 'ongoing'] as const) {
      const note = buildJournalNote(visit({ visitState }), doctorUppsala, defaultRuleSet);
      expect(note.violations).toContainEqual({
        ruleId: 'R-J-1',
        message: expect.stringMatching(/inte avslutat i Clinic: journalför i Cosmic efter att ärendet avslutats/),
      });
    }
  });

  it('R-J-1: once closed, a reminder of "Signera och exportera" in Clinic, and no open-visit finding', () => {
    const note = buildJournalNote(visit({ visitState: 'closed' }), doctorUppsala, defaultRuleSet);
    expect(note.violations).toEqual([]);
    expect(note.notices).toContainEqual({ ruleId: 'R-J-1', message: expect.stringMatching(/Signera och exportera/) });
  });

  it('R-J-1: once Signera och exportera is done in Clinic, the panel says so instead of asking for it', () => {
    const signed = buildJournalNote(
      visit({ visitState: 'closed', visitNote: 'signed' }),
      doctorUppsala,
      defaultRuleSet,
    );
    expect(signed.notices).toContainEqual({
      ruleId: 'R-J-1',
      message: expect.stringMatching(/är signerad och exporterad/),
    });
    expect(signed.notices.some((n) => /klicka på Signera/.test(n.message))).toBe(false);
    for (const visitNote of ['unsigned', null] as const) {
      const note = buildJournalNote(visit({ visitState: 'closed', visitNote }), doctorUppsala, defaultRuleSet);
      expect(note.notices).toContainEqual({
        ruleId: 'R-J-1',
        message: expect.stringMatching(/klicka på Signera och exportera/),
      });
    }
    // Not closed: a signed note read from the page changes nothing (document after closing).
    const open = buildJournalNote(visit({ visitState: 'ongoing', visitNote: 'signed' }), doctorUppsala, defaultRuleSet);
    expect(open.violations.some((v) => v.ruleId === 'R-J-1')).toBe(true);
  });

  it('R-J-1: an unreadable visit state is said, with both steps', () => {
    const note = buildJournalNote(visit({ visitState: null }), doctorUppsala, defaultRuleSet);
    const r = note.notices.find((n) => n.ruleId === 'R-J-1');
    expect(r?.message).toMatch(/kunde inte läsas.*avslutat.*Signera och exportera/);
  });
});

describe('buildJournalNote – one phone fact (R-NR-3)', () => {
  it('R-NR-3: a phone attempt logged with "Ringt patienten" satisfies the check, without making the contact telefon', () => {
    const note = buildJournalNote(
      visit({ noReply: true, priority: 1, phoneAttempted: true }),
      nurseUppsala,
      defaultRuleSet,
    );
    expect(note.violations).toEqual([]);
    expect(note.kontaktsatt).toBe('chatt');
    const without = buildJournalNote(
      visit({ noReply: true, priority: 1, phoneAttempted: false }),
      nurseUppsala,
      defaultRuleSet,
    );
    expect(without.violations.map((v) => v.ruleId)).toEqual(['R-NR-3']);
  });
});

describe('buildJournalNote – diagnosis and action code; keywords the rule set names (R-J-6)', () => {
  it('R-J-6: reminds of the diagnosis and/or action code before signing, in both the full and the short note', () => {
    for (const noReply of [false, true]) {
      const note = buildJournalNote(visit({ noReply }), doctorUppsala, defaultRuleSet);
      expect(note.notices).toContainEqual({ ruleId: 'R-J-6', message: defaultRuleSet.template.codeReminder });
    }
    expect(defaultRuleSet.template.codeReminder).toMatch(/diagnos- och\/eller åtgärdskod/);
  });

  it('R-J-6: a rule set without a code reminder invents none', () => {
    const { codeReminder: _c, ...template } = defaultRuleSet.template;
    const rules: RuleSet = { ...defaultRuleSet, template };
    expect(parseRuleSet(rules).ok).toBe(true);
    expect(buildJournalNote(visit(), doctorUppsala, rules).notices).toEqual([]);
  });

  it("R-J-6: keywords the manual does not name are marked as the region's to confirm; the manual's are not", () => {
    const note = buildJournalNote(visit({ imagesSent: 1 }), doctorUppsala, defaultRuleSet);
    const marked = note.sections.filter((s) => s.regionToConfirm).map((s) => s.keyword);
    expect(marked).toEqual(['Bedömning', 'Åtgärd', 'Råd']);
    expect(note.text).not.toMatch(/bekräfta|confirm/i);
  });
});

describe('buildJournalNote – the no-reply note follows the timers (R-NR-4)', () => {
  it('R-NR-2: {försök} in the note is filled from timers.minAttempts', () => {
    const rules: RuleSet = {
      ...defaultRuleSet,
      timers: { ...defaultRuleSet.timers, minAttempts: 3 },
      phrases: { ...defaultRuleSet.phrases, noReplyNote: 'Inget svar trots {försök} kontaktförsök i chatten.' },
    };
    expect(parseRuleSet(rules).ok).toBe(true);
    const note = buildJournalNote(visit({ noReply: true }), nurseUppsala, rules);
    expect(section(note, 'Åtgärd')?.text).toBe('Inget svar trots tre (3) kontaktförsök i chatten.');
  });
});
