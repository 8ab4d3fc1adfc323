/**
 * The standard scenario: one case per scenario patient (test/fixtures/patients.ts), covering
 * priorities 1–5, a few accepted (Mottagna), one ongoing with a chat, one closed (Avslutade).
 * Times are relative to the simulator clock (tests and the demo use SCENARIO_CLOCK).
 */
import type { ScenarioPatientKey } from '../fixtures/patients';
import type { NewCaseInput, NewMessageInput } from './store';

export interface ScenarioCase extends NewCaseInput {
  patientKey: ScenarioPatientKey;
  messages: NewMessageInput[];
}

const MINUTE = 60_000;

export function defaultScenario(nowMs: number): ScenarioCase[] {
  const ago = (minutes: number) => new Date(nowMs - minutes * MINUTE).toISOString();
  return [
    {
      patientKey: 'adult',
      priority: 3,
      reason: 'Urinvägsbesvär',
      state: 'ongoing',
      arrivedAt: ago(40),
      acceptedAt: ago(33),
      startedAt: ago(30),
      anamnesis: [
        { question: 'Vad söker du för?', answer: 'Sveda när jag kissar och täta trängningar.' },
        { question: 'Hur länge har du haft besvären?', answer: '2–3 dagar' },
        { question: 'Har du feber?', answer: 'Nej' },
        { question: 'Har du ont i ryggen eller flanken?', answer: 'Nej' },
        { question: 'Är du gravid?', answer: 'Nej' },
      ],
      uploads: [{ name: 'urinsticka.jpg', alt: 'Foto av urinsticka' }],
      messages: [
        {
          author: 'system',
          text: 'Sara Sjuksköterska har tagit emot ärendet. Patienten har fått ett SMS om att ärendet tagits emot.',
          at: ago(33),
        },
        {
          author: 'system',
          text: 'Välkommen! Du har nu kontakt med Sara Sjuksköterska, sjuksköterska på 1177 direkt Uppsala län.',
          at: ago(30),
        },
        {
          author: 'clinician',
          text: 'Hej Anna! Jag har läst dina svar. Har du haft urinvägsinfektion tidigare?',
          at: ago(29),
        },
        { author: 'patient', text: 'Hej! Ja, en gång för ett par år sedan.', at: ago(25) },
        { author: 'clinician', text: 'Har du märkt blod i urinen?', at: ago(24) },
        {
          author: 'patient',
          text: 'Nej, men den är lite grumlig. Jag skickar en bild på stickan från apoteket.',
          images: [{ name: 'urinsticka-2.jpg', alt: 'Urinsticka med positivt utslag för leukocyter' }],
          at: ago(20),
        },
      ],
    },
    {
      patientKey: 'adult2',
      priority: 2,
      reason: 'Andningsbesvär',
      arrivedAt: ago(12),
      anamnesis: [
        { question: 'Vad söker du för?', answer: 'Andfådd sedan i morse, värre när jag går i trappor.' },
        { question: 'Har du bröstsmärta?', answer: 'Lite tryck över bröstet' },
        { question: 'Har du feber?', answer: 'Vet inte' },
      ],
      messages: [],
    },
    {
      patientKey: 'coordination',
      priority: 4,
      reason: 'Hudutslag',
      arrivedAt: ago(25),
      anamnesis: [
        { question: 'Vad söker du för?', answer: 'Kliande utslag på underarmarna.' },
        { question: 'Hur länge har du haft utslagen?', answer: 'En vecka' },
        { question: 'Har du börjat med något nytt läkemedel?', answer: 'Nej' },
      ],
      uploads: [
        { name: 'utslag-vanster-arm.jpg', alt: 'Utslag på vänster underarm' },
        { name: 'utslag-hoger-arm.jpg', alt: 'Utslag på höger underarm' },
      ],
      messages: [],
    },
    {
      patientKey: 'infant',
      priority: 2,
      reason: 'Feber hos barn',
      state: 'accepted',
      arrivedAt: ago(20),
      acceptedAt: ago(8),
      anamnesis: [
        { question: 'Vad söker du för?', answer: 'Feber sedan i går, 39,1 i morse.' },
        { question: 'Äter och dricker barnet?', answer: 'Ammar mindre än vanligt' },
        { question: 'Har barnet blöta blöjor?', answer: 'Ja, men färre' },
        { question: 'Har barnet utslag som inte bleknar vid tryck?', answer: 'Nej' },
      ],
      messages: [
        {
          author: 'system',
          text: 'Sara Sjuksköterska har tagit emot ärendet. Patienten har fått ett SMS om att ärendet tagits emot.',
          at: ago(8),
        },
      ],
    },
    {
      patientKey: 'teen',
      priority: 4,
      reason: 'Idrottsskada, fotled',
      arrivedAt: ago(8),
      anamnesis: [
        { question: 'Vad söker du för?', answer: 'Vrickade foten på fotbollsträningen i går.' },
        { question: 'Kan du stödja på foten?', answer: 'Ja, men det gör ont' },
        { question: 'Är foten svullen?', answer: 'Ja' },
      ],
      messages: [],
    },
    {
      patientKey: 'child',
      priority: 3,
      reason: 'Öronvärk',
      arrivedAt: ago(50),
      anamnesis: [
        { question: 'Vad söker du för?', answer: 'Ont i vänster öra sedan i natt.' },
        { question: 'Har barnet feber?', answer: '38,2' },
        { question: 'Rinner det från örat?', answer: 'Nej' },
      ],
      messages: [],
    },
    {
      patientKey: 'protected',
      priority: 5,
      reason: 'Förkylning',
      arrivedAt: ago(30),
      anamnesis: [
        { question: 'Vad söker du för?', answer: 'Snuva och halsont i fyra dagar.' },
        { question: 'Har du feber?', answer: 'Nej' },
      ],
      messages: [],
    },
    {
      patientKey: 'elderly',
      priority: 1,
      reason: 'Plötslig svaghet i arm',
      arrivedAt: ago(3),
      anamnesis: [
        { question: 'Vad söker du för?', answer: 'Höger arm känns svag och domnad sedan en halvtimme.' },
        { question: 'Har du svårt att prata?', answer: 'Lite sluddrigt' },
      ],
      messages: [],
    },
    {
      patientKey: 'centenarian',
      priority: 4,
      reason: 'Förstoppning',
      state: 'closed',
      arrivedAt: ago(120),
      acceptedAt: ago(115),
      startedAt: ago(112),
      closedAt: ago(90),
      asyncDays: 3,
      online: false,
      anamnesis: [
        { question: 'Vad söker du för?', answer: 'Trög mage i en vecka.' },
        { question: 'Har du ont i magen?', answer: 'Lite' },
      ],
      messages: [
        {
          author: 'system',
          text: 'Välkommen! Du har nu kontakt med Sara Sjuksköterska, sjuksköterska på 1177 direkt Uppsala län.',
          at: ago(112),
        },
        { author: 'clinician', text: 'Hej Märta! Dricker du ordentligt?', at: ago(110) },
        { author: 'patient', text: 'Jag försöker, kanske en liter om dagen.', at: ago(105) },
        {
          author: 'clinician',
          text: 'Försök dricka mer och ät fiberrik mat. Hör av dig om du får ont eller inte blir bättre inom en vecka.',
          at: ago(95),
        },
        { author: 'system', text: 'Besöket har avslutats.', at: ago(90) },
      ],
    },
  ];
}
