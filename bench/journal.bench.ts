// The journal note for a long visit: 2,000 chat messages' worth of anamnesis, budget 2 ms median.
import { buildJournalNote, type VisitFacts } from '../shared/journal';
import { defaultRuleSet } from '../shared/rules';
import { type BenchSuite, median, sample } from './types';

const MESSAGES = 2_000;

function longAnamnesis(): string {
  const lines: string[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const who = i % 2 === 0 ? 'Patient' : 'Sjuksköterska';
    lines.push(
      `${who} 10:${String(i % 60).padStart(2, '0')}: Meddelande ${i + 1} – hosta och halsont sedan tre dagar, ` +
        'ingen feber, äter och dricker som vanligt, inga andningsbesvär.',
    );
  }
  return lines.join('\n');
}

const suite: BenchSuite = async () => {
  const anamnesis = longAnamnesis();
  const visit: VisitFacts = {
    priority: 3,
    channels: { chat: true, phone: true, video: true },
    anamnesis,
    imagesSent: 3,
    noReply: false,
    patientProtected: true,
  };
  const clinician = { role: 'Sjuksköterska', unit: '1177 direkt Uppsala län' };
  let sink = 0;
  const samples = await sample(
    () => {
      // `sink` keeps the result alive; the text is not flattened here, that copy belongs to the
      // clipboard write, not to building the note.
      sink += buildJournalNote(visit, clinician, defaultRuleSet).text.length;
    },
    200,
    20,
  );
  if (sink < 0) console.log(sink);
  return [
    {
      name: `buildJournalNote, ${MESSAGES} chat messages (${Math.round(anamnesis.length / 1024)} KB)`,
      value: median(samples),
      unit: 'ms',
      statistic: 'median',
      budget: 2,
    },
  ];
};

export default suite;
