// Region Uppsala's 1177 direkt rules (RULES.md, from the user manual DocPlusSTYR-32657 v2).
// Values marked "region to confirm" are not in the manual and are placeholders.
import type { RuleSet } from './schema';
import { CURRENT_SCHEMA_VERSION } from './version';

export const defaultRuleSet: RuleSet = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  meta: {
    name: '1177 direkt – Region Uppsala',
    region: 'Region Uppsala',
    version: '1.0.0',
    updatedAt: '2026-11-26',
    source: '1177 direkt – Användarmanual, DocPlusSTYR-32657 version 2',
  },
  // Units and roles the restrictions refer to; a clinician at an unlisted unit gets no restriction.
  units: ['1177 direkt Uppsala län'],
  roles: ['Sjuksköterska', 'Läkare', 'Medicinsk admin'],
  contactChannels: {
    // R-J-3: chat and telephone → vårdtjänst "ingen".
    chatt: {
      vardkontakt: 'Skriftlig kontakt kvalificerad utan ekonomi (chatt)',
      vardtjanst: { required: false, allowed: ['ingen'] },
      ruleId: 'R-J-3',
    },
    telefon: {
      // The manual says only "telefon"; the exact vårdkontakt name is for the region to confirm.
      vardkontakt: 'Telefonkontakt',
      vardtjanst: { required: false, allowed: ['ingen'] },
      ruleId: 'R-J-3',
    },
    // R-J-4: video → a vårdtjänst is required.
    video: {
      vardkontakt: 'Videokontakt',
      vardtjanst: { required: true, allowed: ['1177 direkt Nytt hälsotillstånd', '1177 direkt Känt hälsotillstånd'] },
      ruleId: 'R-J-4',
    },
  },
  channelPrecedence: ['video', 'telefon', 'chatt'],
  restrictions: [
    {
      id: 'R-J-5',
      unit: '1177 direkt Uppsala län',
      role: 'Sjuksköterska',
      forbidKontaktsatt: 'video',
      fallback: 'telefon',
      message:
        'Sjuksköterskor vid 1177 direkt Uppsala län ska inte registrera Videokontakt, eftersom det genererar patientavgift.',
    },
  ],
  template: {
    name: 'Distanskontakt 1177 direkt',
    keywords: [
      { keyword: 'Kontaktsätt', fill: 'kontaktsatt', unknownText: 'Kontaktsätt okänt – välj {alternativ}' },
      { keyword: 'Aktuellt hälsoproblem', fill: 'anamnesis', missingText: 'Anamnes saknas – klistra in från Clinic' },
      {
        keyword: 'Fotodokumentation',
        fill: 'images',
        text: 'Patienten har skickat {antal} i 1177 direkt. Bilderna sparas inte i journalen.',
        reminder: 'Beskriv din bedömning av bilderna. Bilder som patienten skickat ska inte lagras i Cosmic (R-J-6).',
      },
      // Region to confirm: the manual names only the three above ("övrig information under
      // relevanta sökord"); these are placeholders, shown to the clinician as such.
      { keyword: 'Bedömning', fill: 'empty', regionToConfirm: true },
      { keyword: 'Åtgärd', fill: 'empty', regionToConfirm: true },
      { keyword: 'Råd', fill: 'empty', regionToConfirm: true },
    ],
    noReplyKeyword: 'Åtgärd',
    // R-J-6, the manual's words: "Diagnos och/eller åtgärdskod enligt befintliga rutiner".
    codeReminder: 'Ange diagnos- och/eller åtgärdskod enligt befintliga rutiner innan du signerar.',
  },
  phrases: {
    // {svarstid} is filled from timers.replyWindowMinutes ("två (2) timmar" with 120).
    noReplyNotice:
      'Hej! Vi har inte fått svar från dig. Du behöver svara inom {svarstid}, annars avslutas ärendet. ' +
      'Om dina besvär kvarstår eller försämras är du välkommen att göra en ny kontakt.',
    noReplyNote:
      'Patienten har inte svarat i chatten trots upprepade kontaktförsök. Ärendet avslutat utan bedömning. ' +
      'Patienten har i chatten uppmanats att göra en ny kontakt om besvären kvarstår eller försämras.',
    pauseNotice:
      'Ditt ärende pausas och hanteras vidare nästa dag. Du får ett meddelande här i chatten när vi fortsätter.',
    handoverNotice: 'Ditt ärende lämnas över till en kollega, som fortsätter kontakten med dig här i chatten.',
    urgentAdvice:
      'Om du behöver vård snabbare: ring 1177 eller sök vård på en akutmottagning. Vid livshotande tillstånd, ring 112.',
  },
  timers: {
    replyWindowMinutes: 120, // R-NR-1
    minAttempts: 2, // R-NR-2
    phonePriorities: [1, 2], // R-NR-3
    noticeAfterMinutes: 10,
    acceptWithinMinutes: 15, // R-Q-1: the queue's red mark and its notification
    queueAmberAfterMinutes: 10,
  },
  retention: { visitDataHours: 24 },
  cosmicIdFormat: 'YYYYMMDD-NNNN', // R-ID-1
  protectedIdentity: {
    markers: ['Skyddade personuppgifter', 'Sekretessmarkering', 'Skyddad folkbokföring'],
    routine: {
      title: 'Region Uppsalas rutin för patienter med skyddade personuppgifter',
      // Region to set: the intranet address of its routine (R-PI-2).
      url: 'https://intranet.example/rutin-skyddade-personuppgifter',
      placeholder: true,
    },
  },
  // Region to confirm. Socialstyrelsen's recommendation: a real birth date and at least one letter
  // among the last four characters, so a reservnummer can never collide with a personnummer.
  reservnummerPatterns: ['^\\d{8}-?(?=[0-9]{0,3}[A-Z])[0-9A-Z]{4}$'],
  selectorOverrides: {},
};
