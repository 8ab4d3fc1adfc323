/** A valid journal-PDF request built from the shared scenario patients (Skatteverket test numbers). */
import type { JournalPdfRequest } from '../../shared/bridge-protocol';
import { PATIENTS } from '../fixtures/patients';

export function journalRequest(overrides: Partial<JournalPdfRequest> = {}): JournalPdfRequest {
  const sections = [
    { keyword: 'Kontaktsätt', text: 'Chatt' },
    { keyword: 'Aktuellt hälsoproblem', text: 'Halsont sedan tre dagar, feber 38,2. Äter och dricker.' },
    { keyword: 'Bedömning', text: 'Sannolikt viral faryngit. Råd om egenvård, åter vid försämring.' },
  ];
  return {
    note: {
      kontaktsatt: 'chatt',
      vardkontakt: 'Skriftlig kontakt kvalificerad utan ekonomi (chatt)',
      vardtjanst: { required: false, allowed: ['ingen'] },
      violations: [],
      sections,
      text: sections.map((s) => `${s.keyword}: ${s.text}`).join('\n'),
    },
    patient: { personnummer: PATIENTS.adult.personnummer, name: PATIENTS.adult.name, protectedIdentity: false },
    unit: '1177 direkt Uppsala län',
    visitStartedAt: '2024-06-03T09:00:00+02:00',
    ...overrides,
  };
}
