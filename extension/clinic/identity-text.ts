/**
 * Text shapes the adapter looks for on the console, as pure string functions: identity-shaped
 * numbers however they are written, masked numbers, ages and birth dates (for the cross-check),
 * and waiting times. Shape only: whose a value is comes from its labels (context.ts).
 */

/** Separators Clinic or a clinician may put between date and serial: -, +, en dash, minus, spaces. */
const SEP = String.raw`[ \u00a0\u202f]?[-+\u2010\u2011\u2012\u2013\u2212]?[ \u00a0\u202f]?`;
const IDENTITY_RE = new RegExp(String.raw`(?<![\d\p{L}])(\d{8}|\d{6})${SEP}(\d{4})(?![\d\p{L}])`, 'gu');
/** A number shown with its serial hidden ("19900101-XXXX", "900101-••••"): not digits. */
const MASKED_RE = new RegExp(String.raw`(?<![\d\p{L}])(\d{8}|\d{6})${SEP}[Xx•*●∗·]{4}(?![\p{L}\d])`, 'gu');

export interface IdentityOccurrence {
  /** As the page shows it. */
  text: string;
  /** In the form parsePersonnummer reads: digits with `-` or `+` (a `+` only when the page wrote one). */
  parseable: string;
  index: number;
  masked: boolean;
}

/** Every identity-shaped (or masked) number in a text, in order. */
export function identityOccurrences(text: string): IdentityOccurrence[] {
  const found: IdentityOccurrence[] = [];
  for (const m of text.matchAll(IDENTITY_RE)) {
    const sign = m[0].includes('+') ? '+' : '-';
    found.push({ text: m[0], parseable: `${m[1]}${sign}${m[2]}`, index: m.index, masked: false });
  }
  for (const m of text.matchAll(MASKED_RE)) found.push({ text: m[0], parseable: '', index: m.index, masked: true });
  return found.sort((a, b) => a.index - b.index);
}

/** A phone number written just before: "+46", "0046" — such digits are never an identity. */
export function precededByCountryCode(before: string): boolean {
  return /(?:\+|00)\d{1,3}[\s\u00a0-]*\(?0?\)?[\s\u00a0-]*$/u.test(before);
}

export type AgeStatement =
  | { kind: 'years' | 'months' | 'days'; value: number; index: number }
  | { kind: 'born'; date: string; index: number };

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
const AGE_RE = /(?<![\p{L}\d])(\d{1,3})[\s\u00a0]*(år|mån(?:ader|ad)?|dagar|dag)(?![\p{L}])/giu;
const BORN_ISO_RE = /(?:född|födelsedatum)[\s\u00a0:]*(\d{4})-(\d{2})-(\d{2})/giu;
const BORN_TEXT_RE = new RegExp(
  String.raw`(?:född|födelsedatum)[\s\u00a0:]*(\d{1,2})[\s\u00a0]+(${MONTHS.join('|')})[\s\u00a0]+(\d{4})`,
  'giu',
);
const AGE_LABEL_RE = /(?:ålder)[\s\u00a0:]*(\d{1,3})(?![\d])/giu;

/** Ages and birth dates a text states ("34 år", "5 mån", "Född 1990-01-01", "Ålder: 104"). */
export function ageStatements(text: string): AgeStatement[] {
  const found: AgeStatement[] = [];
  for (const m of text.matchAll(AGE_RE)) {
    const unit = m[2]!.toLowerCase();
    const kind = unit === 'år' ? 'years' : unit.startsWith('mån') ? 'months' : 'days';
    found.push({ kind, value: Number(m[1]), index: m.index });
  }
  for (const m of text.matchAll(AGE_LABEL_RE)) found.push({ kind: 'years', value: Number(m[1]), index: m.index });
  for (const m of text.matchAll(BORN_ISO_RE))
    found.push({ kind: 'born', date: `${m[1]}-${m[2]}-${m[3]}`, index: m.index });
  for (const m of text.matchAll(BORN_TEXT_RE)) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    found.push({ kind: 'born', date, index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * A waiting time as the console writes it: "12 min", "1 tim", "1 tim 5 min", "2 timmar 3 minuter",
 * "1 h 5 min", "1h5m". Null when the text states no time (never a guess).
 */
export function waitedMinutes(text: string): number | null {
  // The usual cell ("12 min"): no lookarounds or Unicode classes for 200 rows a read (issue 16).
  const plain = /^(\d+) min$/.exec(text);
  if (plain) return Number(plain[1]);
  const t = text.replace(/\u00a0/g, ' ');
  const hours = /(?<![\d])(\d+)\s*(?:tim(?:mar|me)?|t|h)(?![\p{L}])/iu.exec(t);
  const minutes = /(?<![\d])(\d+)\s*(?:min(?:uter|ut)?|m)(?![\p{L}])/iu.exec(t);
  if (!hours && !minutes) {
    const clock = /^\s*(\d+):(\d{2})\s*$/u.exec(t);
    return clock ? Number(clock[1]) * 60 + Number(clock[2]) : null;
  }
  return (hours ? Number(hours[1]) * 60 : 0) + (minutes ? Number(minutes[1]) : 0);
}

/** A triage priority written in a cell or line: "2", "Prio 2", "Prioritet: 2 – Inom några timmar". */
export function priorityIn(text: string): number | null {
  const m = /^\s*(?:(?:prio(?:ritet)?|brådskegrad)\s*:?\s*)?([1-5])(?![\d])/iu.exec(text);
  return m ? Number(m[1]) : null;
}

const STOCKHOLM = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZoneName: 'shortOffset',
});

/** Sweden's calendar day and UTC offset (minutes) at an instant. */
function stockholmDay(at: Date): { year: number; month: number; day: number; offset: number } {
  const parts = Object.fromEntries(STOCKHOLM.formatToParts(at).map((p) => [p.type, p.value]));
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/u.exec(parts.timeZoneName ?? '');
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), offset };
}

/** A Swedish wall-clock time on a Swedish calendar day, as an instant. */
function swedishTime(year: number, month: number, day: number, hour: number, minute: number): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const offset = stockholmDay(new Date(guess - 60 * 60_000)).offset;
  return guess - offset * 60_000;
}

/**
 * A clock time the console shows without a date ("08:27"): that time on the Swedish calendar
 * day of `now`, or the day before when it would lie more than 5 minutes ahead. ISO, or null.
 */
export function stockholmClockTime(text: string, now: Date): string | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/u.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  const today = stockholmDay(now);
  let at = swedishTime(today.year, today.month, today.day, Number(m[1]), Number(m[2]));
  if (at > now.getTime() + 5 * 60_000) at -= 86_400_000;
  return new Date(at).toISOString();
}

/** "2024-06-03 08:20" (Swedish time) or a bare "08:20" (today in Sweden): ISO, or null. */
export function stockholmDateTime(text: string, now: Date): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T\u00a0]+(\d{1,2})[:.](\d{2})\s*$/u.exec(text);
  if (!m) return stockholmClockTime(text, now);
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return new Date(swedishTime(year, month, day, hour, minute)).toISOString();
}
