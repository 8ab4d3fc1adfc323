/**
 * The words the page adapter reads the Clinic console by, as data: the labels that say a number
 * is the patient's, the words that tie a value to someone else, protection markers (R-PI-2),
 * chat authors and call events (R-J-3, R-J-4, R-NR-3). Defaults below; a rule set's
 * `adapterVocabulary` adds words to any list (it never removes one: a superuser cannot switch off
 * a protection marker or an "other person" word by accident). Matching is case-insensitive, on
 * whole words; words marked "prefix" also match inflected forms ("vårdnadshavarens").
 */
export interface AdapterVocabulary {
  /** Names of the visit's patient header region. */
  patientHeader: string[];
  /** Labels that name the patient's identity number (R-ID-1). */
  identityLabels: string[];
  /** Words that tie a value to someone else (prefix match): never the patient's. */
  otherPersonWords: string[];
  /** Labels of phone numbers (prefix match): never an identity. */
  phoneWords: string[];
  /** Visible texts that mean protected identity (R-PI-2), also in aria-label and title. */
  protectionMarkers: string[];
  /** Chat author words, by the author's kind. */
  chatAuthors: { patient: string[]; clinician: string[]; system: string[] };
  /** First words of the chat's call events, by channel (R-J-3, R-J-4, R-NR-3). */
  callEvents: { video: string[]; phone: string[] };
  /** Names of Drop in's waiting queue (R-Q-1). */
  queueNames: string[];
  /** Column headers of a queue, by the column's meaning. */
  queueColumns: { priority: string[]; patient: string[]; arrival: string[]; waited: string[] };
  /** Clinician roles as the console writes them beside the unit in the logged-in name block. */
  roles: string[];
  /** Names of the main menu that holds the logged-in clinician's name block. */
  mainMenu: string[];
}

export const DEFAULT_VOCABULARY: AdapterVocabulary = {
  patientHeader: ['Patient', 'Patientuppgifter', 'Patientinformation', 'Om patienten', 'Patientkort'],
  identityLabels: [
    'Personnummer',
    'Personnr',
    'Pnr',
    'Person-nr',
    'Samordningsnummer',
    'Samordningsnr',
    'Reservnummer',
    'Reservnr',
    'Patient-ID',
    'Patientens personnummer',
  ],
  otherPersonWords: [
    'Vårdnadshavare',
    'Bokad av',
    'Bokat av',
    'Bokare',
    'Anhörig',
    'Närstående',
    'Ombud',
    'Kontaktperson',
    'Förälder',
    'Föräldrar',
    'Mamma',
    'Pappa',
    'Tidigare',
    'Förra',
    'Senaste besök',
    'Hänvisad av',
    'Remittent',
  ],
  phoneWords: ['Mobil', 'Mobilnummer', 'Telefon', 'Telefonnummer', 'Tfn', 'Tel', 'Sms'],
  protectionMarkers: [
    'Skyddade personuppgifter',
    'Skyddad identitet',
    'Sekretessmarkering',
    'Sekretessmarkerad',
    'Skyddad folkbokföring',
    'Fingerade personuppgifter',
    'Kvarskrivning',
    'Kvarskriven',
  ],
  chatAuthors: {
    patient: ['Patient', 'Patienten'],
    clinician: ['Vårdpersonal', 'Sjuksköterska', 'Läkare', 'Vårdgivare', 'Psykolog', 'Fysioterapeut'],
    system: ['System', 'Systemmeddelande'],
  },
  callEvents: { video: ['Videosamtal', 'Videomöte'], phone: ['Ljudsamtal', 'Telefonsamtal'] },
  queueNames: ['Väntar i kö', 'Väntande'],
  queueColumns: {
    priority: ['Prioritet', 'Prio', 'Brådskegrad'],
    patient: ['Patient', 'Namn', 'Patientnamn'],
    arrival: ['Ankomst', 'Ankomsttid', 'Ankom'],
    waited: ['Väntat', 'Väntetid', 'Väntat i'],
  },
  roles: [
    'Sjuksköterska',
    'Läkare',
    'Medicinsk admin',
    'Psykolog',
    'Fysioterapeut',
    'Undersköterska',
    'Barnmorska',
    'Kurator',
    'Dietist',
    'Arbetsterapeut',
  ],
  mainMenu: ['Huvudmeny', 'Meny', 'Huvudnavigering'],
};

/** A rule set's additions: any list, any subset. */
export type AdapterVocabularyAdditions = {
  [K in keyof AdapterVocabulary]?: AdapterVocabulary[K] extends string[]
    ? string[]
    : { [S in keyof AdapterVocabulary[K]]?: string[] };
};

/** The defaults with a rule set's words added (duplicates dropped, case-insensitively). */
export function vocabularyWith(
  additions: AdapterVocabularyAdditions | undefined,
  extraMarkers: readonly string[] = [],
  extraRoles: readonly string[] = [],
): AdapterVocabulary {
  const merged = structuredClone(DEFAULT_VOCABULARY) as AdapterVocabulary;
  const add = (list: string[], more: readonly string[] | undefined) => {
    for (const word of more ?? []) {
      if (!list.some((w) => w.toLocaleLowerCase('sv') === word.toLocaleLowerCase('sv'))) list.push(word);
    }
  };
  add(merged.protectionMarkers, extraMarkers);
  add(merged.roles, extraRoles);
  if (!additions) return merged;
  for (const [key, value] of Object.entries(additions)) {
    const target = merged[key as keyof AdapterVocabulary];
    if (Array.isArray(value) && Array.isArray(target)) add(target, value);
    else if (value && typeof value === 'object' && !Array.isArray(target)) {
      for (const [sub, words] of Object.entries(value)) {
        const list = (target as Record<string, string[]>)[sub];
        if (list && Array.isArray(words)) add(list, words);
      }
    }
  }
  return merged;
}

/** Case-insensitive whole-word (or word-prefix) matching for Swedish text. */
export function wordPattern(words: readonly string[], prefix = false): RegExp | null {
  const cleaned = words.map((w) => w.trim()).filter((w) => w.length > 0);
  if (cleaned.length === 0) return null;
  const alternatives = cleaned
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|');
  const tail = prefix ? '' : '(?![\\p{L}\\p{N}])';
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})${tail}`, 'iu');
}
