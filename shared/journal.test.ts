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

  it('R-J-5: video by a nurse at 1177 direkt Uppsala län → violation, telephone fallback proposed, no Videokontakt', () => {
    const note = buildJournalNote(visit({ channels: only('video') }), nurseUppsala, defaultRuleSet);
    expect(note.observedKontaktsatt).toBe('video');
    expect(note.kontaktsatt).toBe('telefon');
    expect(note.vardkontakt).toBe('Telefonkontakt');
    expect(note.vardtjanst).toEqual({ required: false, allowed: ['ingen'] });
    expect(note.ruleBasis).toEqual({ vardkontakt: 'R-J-5', vardtjanst: 'R-J-3' });
    expect(note.allowedKontaktsatt).not.toContain('video');
    expect(note.violations).toHaveLength(1);
    expect(note.violations[0]!.ruleId).toBe('R-J-5');
    expect(note.violations[0]!.message).toMatch(/patientavgift/);
    expect(note.violations[0]!.message).toMatch(/Föreslås i stället: Telefonkontakt/);
    expect(JSON.stringify({ ...note, violations: [] })).not.toContain('Videokontakt');
    expect(section(note, 'Kontaktsätt')?.text).toBe('telefon');
  });

  it('R-J-5: unit and role match despite case and spacing as Clinic shows them', () => {
    const note = buildJournalNote(
      visit({ channels: only('video') }),
      { role: ' sjuksköterska', unit: '1177  direkt Uppsala Län' },
      defaultRuleSet,
    );
    expect(note.kontaktsatt).toBe('telefon');
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
    expect(note.needsChoice).toBe(true);
    expect(note.kontaktsatt).toBe('chatt');
    expect(note.allowedKontaktsatt).toEqual(['chatt']);
    expect(note.violations.map((v) => v.ruleId)).toEqual(['R-J-5', 'LOKAL-1']);
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

  it('the choices offered respect R-J-5 for a nurse at 1177 direkt Uppsala län', () => {
    const note = buildJournalNote(
      visit({ channels: { chat: false, phone: false, video: false } }),
      nurseUppsala,
      defaultRuleSet,
    );
    expect(note.allowedKontaktsatt).toEqual(['telefon', 'chatt']);
    expect(section(note, 'Kontaktsätt')?.text).toBe('Kontaktsätt okänt – välj chatt eller telefon');
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
      { keyword: 'Åtgärd', text: defaultRuleSet.phrases.noReplyNote },
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
    expect(note.notices.map((n) => n.ruleId)).toEqual(['R-PI-2']);
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
